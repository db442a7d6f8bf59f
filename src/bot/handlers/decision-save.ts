/**
 * "Gem beslutning" on the decision form. A conflict (someone else saved meanwhile) or any other error
 * comes back as the error card with everything typed. When the saved text holds follow-ups the form
 * did not offer yet, the form comes back with them pre-filled for the secretary to confirm.
 */
import { findItem } from '../../app/access';
import { itemCardFor } from '../../app/agenda-cards';
import { type ConfirmedFollowUp, recordDecision } from '../../app/record-decision';
import { suggestForItem } from '../../app/suggest-follow-ups';
import type { SavedFollowUp } from '../../cards/form-verbs';
import type { DueDate, Forum, FollowUpSuggestion, Owner } from '../../domain';
import { t } from '../../i18n';
import type { VerbHandlerFor } from '../types';
import { decisionForm } from './item-decide';
import { cardMeeting, whereOf, withNote } from './meeting-common';

/** Owners the form cannot offer as a choice ("Cheferne", "direktøren"): kept from the suggestion. */
const UNOFFERABLE: Owner['kind'][] = ['all-chiefs', 'role', 'person'];

function ownerOf(forum: Forum, f: SavedFollowUp, suggestion: FollowUpSuggestion | undefined): Owner | null {
  if (f.owner?.kind === 'member') {
    const userId = f.owner.userId;
    return { kind: 'member', userId, name: forum.members.find((m) => m.userId === userId)?.name ?? '' };
  }
  if (f.owner?.kind === 'department') return { kind: 'department', name: f.owner.name };
  return suggestion?.owner && UNOFFERABLE.includes(suggestion.owner.kind) ? suggestion.owner : null;
}

/** The suggested period ("medio april") when the date was left as suggested, else that day. */
function dueOf(f: SavedFollowUp, suggestion: FollowUpSuggestion | undefined): DueDate | null {
  if (!f.due) return null;
  const s = suggestion?.due;
  if (s && f.due.text && s.due === f.due.date && s.text === f.due.text) return s;
  return { due: f.due.date, dueFrom: f.due.date, precision: 'day', text: f.due.text ?? '' };
}

function toConfirmed(forum: Forum, saved: SavedFollowUp[], offered: FollowUpSuggestion[]): ConfirmedFollowUp[] {
  return saved.map((f) => {
    const suggestion = f.origin === 'suggested' ? offered.find((s) => s.text.trim() === f.text.trim()) ?? offered.find((s) => s.due?.due === f.due?.date) : undefined;
    return { text: f.text, kind: f.kind, owner: ownerOf(forum, f, suggestion), due: dueOf(f, suggestion), evidence: suggestion?.evidence ?? '' };
  });
}

export const decisionSave: VerbHandlerFor<'decision.save'> = async (ctx) => {
  const d = ctx.data;
  const { forum, meeting } = await cardMeeting(ctx, d.meetingId);
  const item = findItem(meeting.value, d.itemNumber);
  const before = await ctx.deps.store.decisions.get(d.meetingId, d.itemNumber);
  const formText = before?.value.text ?? item.decision ?? '';
  const offered = await suggestForItem(ctx.deps, { meeting: meeting.value, itemNumber: item.number, decisionText: formText });
  const result = await recordDecision(ctx.deps, {
    forumId: d.forumId,
    meetingId: d.meetingId,
    itemNumber: d.itemNumber,
    actor: ctx.actor,
    outcome: d.outcome,
    outcomeText: d.outcomeText,
    proposals: d.proposals.map((p) => ({ ...p, note: null })),
    text: d.text,
    followUps: toConfirmed(forum, d.followUps, offered),
    version: d.version,
  });
  ctx.log.info({ meetingId: d.meetingId, itemNumber: d.itemNumber, followUps: result.followUps.length, unchanged: result.unchanged }, 'decision recorded');
  if (!result.unchanged && d.text.trim() !== formText.trim()) {
    const confirmed = new Set(result.followUps.map((f) => f.text.trim()));
    const fresh = (await suggestForItem(ctx.deps, { meeting: meeting.value, itemNumber: item.number, decisionText: d.text })).filter(
      (s) => !confirmed.has(s.text.trim()) && !offered.some((o) => o.text.trim() === s.text.trim()),
    );
    if (fresh.length > 0) {
      const form = await decisionForm(ctx, forum, meeting.value, item, { suggestions: fresh });
      return { card: withNote(form, t(ctx.locale, 'meeting.decision.suggestions', { count: fresh.length })) };
    }
  }
  const viewer = ctx.member ?? null;
  return { card: await itemCardFor(ctx.deps, { forum, meeting: meeting.value, itemNumber: item.number, viewer, where: whereOf(ctx) }) };
};
