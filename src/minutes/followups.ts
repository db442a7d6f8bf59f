/**
 * Follow-up suggestions from decisions: tasks, events, returns to the forum, communications, each with
 * its due date (Danish wording kept), owner, the sentence it came from and a confidence. A person
 * confirms them later, so precision matters more than recall.
 */
import type { AgendaItem, FollowUpSuggestion, ParsedMeeting } from '../domain';
import { asksForAction, clauseSignals } from './clause-kind';
import { findDueDates } from './dates';
import { findOwner } from './owners';
import { clauses, sentences } from './sentences';
import { approvesTimeline, timelineFollowUps } from './timeline';
import { withoutFallenMotions } from './votes';

export interface SuggestOptions {
  /** The forum's department names ("Kultur & Fritid"); abbreviations of them ("KF") are recognised too. */
  departments?: string[];
  /** Forum members' names; a match makes the owner kind 'member'. */
  memberNames?: string[];
  /** The forum's own name ("Chefforum"), for "sendes tilbage til <forum>"; any "...forum" works without it. */
  forumName?: string;
  /** YYYY-MM-DD of the forum's next meeting, for "til næste møde" (no date without it). */
  nextMeetingDate?: string | null;
}

const NO_DECISION = /^(?:intet|ingen|ingenting|-|\.|–)?\.?$/i;
const LEAD_IN = /^(?:det\s+(?:blev\s+)?besluttedes?|det\s+blev\s+besluttet|\p{L}+\s+besluttede(?:\s+i\s+den\s+forbindelse)?|det\s+aftaltes)\s*,?\s+at\s+/iu;
const MAX_TEXT = 200;

function tidy(clause: string): string {
  let t = clause.replace(LEAD_IN, '').trim();
  if (t.length > MAX_TEXT) t = `${t.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, '')}…`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function confidence(kind: string, hasDue: boolean, hasOwner: boolean, strong: boolean, weak: boolean): number {
  const base = kind === 'return-to-forum' ? 0.6 : kind === 'event' ? 0.5 : 0.45;
  const c = base + (hasDue ? 0.15 : 0) + (hasOwner ? 0.15 : 0) + (strong ? 0.1 : 0) - (weak ? 0.15 : 0);
  return Math.round(Math.min(0.95, Math.max(0.1, c)) * 100) / 100;
}

function fromDecision(item: AgendaItem, decision: string, meetingDate: string, opts: SuggestOptions): FollowUpSuggestion[] {
  const out: FollowUpSuggestion[] = [];
  for (const sentence of sentences(decision)) {
    for (const clause of clauses(sentence)) {
      // Without the meeting's date no due date can be placed in time: none is invented.
      const due = meetingDate === '' ? null : (findDueDates(clause, meetingDate, { nextMeetingDate: opts.nextMeetingDate })[0]?.due ?? null);
      const { kind, strong, weak } = clauseSignals(clause, due, opts.forumName);
      if (!kind) continue;
      let owner = findOwner(clause, opts);
      if (weak && !due && !owner && !asksForAction(clause)) continue;
      if (!owner && kind === 'communication') owner = { kind: 'all-chiefs', name: 'Cheferne' };
      out.push({
        itemNumber: item.number,
        text: tidy(clause),
        kind,
        owner,
        due,
        evidence: sentence,
        confidence: confidence(kind, due !== null, owner !== null, strong, weak),
      });
    }
  }
  return out;
}

/** Keeps the first of suggestions with the same kind and due date (a deadline repeated in a decision). */
function dedupe(list: FollowUpSuggestion[]): FollowUpSuggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    if (!s.due) return true;
    const key = `${s.kind}|${s.due.dueFrom}|${s.due.due}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Suggestions for one item. `decisionText` (e.g. typed on the decision card) replaces the item's own
 * decision. Closed items, the approval item and the communication item give none (the latter's
 * messages are communications, see communications.ts).
 */
export function suggestFollowUps(item: AgendaItem, meetingDate: string, opts: SuggestOptions = {}, decisionText?: string): FollowUpSuggestion[] {
  if (item.closed || item.standing === 'approval' || item.standing === 'communication') return [];
  const decision = withoutFallenMotions((decisionText ?? item.decision ?? '').trim());
  if (NO_DECISION.test(decision)) return [];
  const found = fromDecision(item, decision, meetingDate, opts);
  if (meetingDate !== '' && approvesTimeline(decision)) found.push(...timelineFollowUps(item, meetingDate, opts));
  return dedupe(found);
}

/** Suggestions for every item of a meeting, in item order. */
export function extractFollowUps(meeting: ParsedMeeting, opts: SuggestOptions = {}): FollowUpSuggestion[] {
  const o = { forumName: meeting.forumName || undefined, ...opts };
  return meeting.items.flatMap((item) => suggestFollowUps(item, meeting.date, o));
}
