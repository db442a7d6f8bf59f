/**
 * A timeline in the case text ("10.10 deadline for tilmelding", "5.12 evaluering i Chefforum") that the
 * decision approves ("Chefforum godkendte tidsplanen"): each dated line becomes a follow-up.
 */
import type { AgendaItem, FollowUpSuggestion } from '../domain';
import { isReturnToForum, mentionsForum } from './clause-kind';
import { findDueDates } from './dates';
import { findOwner, type OwnerOptions } from './owners';

const APPROVES =
  /godkend\p{L}*\s+(?:[\p{L}-]+\s+){0,4}?(?:tidsplan|tids-\s+og\s+procesplan|procesplan|proces|videre\s+proces)|(?:tidsplan|procesplan|proces)\p{L}*\s+(?:blev\s+|er\s+)?godkend|(?:følger|efter)\s+(?:den\s+)?(?:godkendte\s+)?tidsplan/iu;

/** Fewer dated lines than this is a date in passing, not a timeline. */
const MIN_LINES = 2;

export function approvesTimeline(decision: string): boolean {
  return APPROVES.test(decision);
}

export function timelineFollowUps(item: AgendaItem, meetingDate: string, opts: OwnerOptions): FollowUpSuggestion[] {
  const out: FollowUpSuggestion[] = [];
  for (const section of item.sections) {
    if (section.kind === 'decision' || section.kind === 'history' || section.kind === 'attachments' || section.kind === 'recommendation') continue;
    for (const raw of section.body.split('\n')) {
      const line = raw.replace(/^\s*[-•*–]\s+/, '').trim();
      const [first] = findDueDates(line, meetingDate);
      if (first?.index !== 0) continue;
      const rest = line
        .slice(first.length)
        .replace(/^[\s:–\-|\t]+/, '')
        .trim();
      if (rest === '') continue;
      const deadline = /deadline|frist|senest|tilmelding/i.test(rest);
      const kind = isReturnToForum(rest, opts.forumName) || mentionsForum(rest, opts.forumName) ? 'return-to-forum' : deadline ? 'task' : 'event';
      out.push({
        itemNumber: item.number,
        text: rest.charAt(0).toUpperCase() + rest.slice(1),
        kind,
        owner: findOwner(rest, opts),
        due: first.due,
        evidence: line,
        confidence: deadline || kind === 'return-to-forum' ? 0.7 : 0.6,
      });
    }
  }
  return out.length >= MIN_LINES ? out : [];
}
