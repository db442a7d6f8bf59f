/** Small pieces the meeting handlers share: where a card is shown, which meeting a command means. */

import { loadMeeting } from '../../app/access';
import type { Answer } from '../../app/notify';
import { type Where, whereFor } from '../../domain/visibility';
import type { Forum, Meeting, MeetingStatus } from '../../domain';
import { AppError } from '../../domain';
import type { MeetingSummary, Versioned } from '../../store/ports';
import { reply } from '../outgoing';
import { requireForum } from '../roles';
import type { TurnInfo } from '../types';

/** Where this turn's answer is shown (src/domain/visibility.ts): closed content only in a 1:1 chat. */
export function whereOf(ctx: Pick<TurnInfo, 'conversation'>): Where {
  return whereFor(ctx.conversation.kind);
}

/** The card's meeting in the turn's (card-scoped) forum. */
export async function cardMeeting(ctx: TurnInfo, meetingId: string): Promise<{ forum: Forum; meeting: Versioned<Meeting> }> {
  const forum = requireForum(ctx).value;
  return { forum, meeting: await loadMeeting(ctx.deps, forum.id, meetingId) };
}

/**
 * The meeting a command such as "afslut møde", "referat" or "publicér" is about, among the forum's
 * meetings with one of `statuses`: with `prefer` 'held', the latest on or before `today`, else the
 * next one; with 'upcoming', the next on or after `today`, else the latest before. Null when none.
 */
export async function pickMeeting(
  ctx: TurnInfo,
  statuses: MeetingStatus[],
  today: string,
  prefer: 'held' | 'upcoming' = 'held',
): Promise<Versioned<Meeting> | null> {
  const forum = requireForum(ctx).value;
  const all = (await ctx.deps.store.meetings.listByForum(forum.id)).filter((m) => statuses.includes(m.status));
  const held = all.filter((m) => (prefer === 'held' ? m.date <= today : m.date < today)).sort(newestFirst);
  const coming = all
    .filter((m) => !held.includes(m))
    .sort(newestFirst)
    .reverse();
  const chosen = prefer === 'held' ? (held[0] ?? coming[0]) : (coming[0] ?? held[0]);
  return chosen ? ctx.deps.store.meetings.get(forum.id, chosen.id) : null;
}

function newestFirst(a: MeetingSummary, b: MeetingSummary): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : 0;
}

export { withNote } from '../../app/notify';

/**
 * Where the turn's answer is, for work that finishes after the turn (src/app/notify.ts): the card the
 * button was on (`activityId`, the invoke's replyToId), else a short text reply sent now.
 */
export function answerIn(ctx: TurnInfo, activityId: string | null, text: string): Answer {
  return async () => {
    const conversationId = ctx.turn.activity.conversation?.id ?? ctx.conversation.id;
    if (activityId) return { conversationId, activityId, locale: ctx.locale, as: 'card' };
    const sent = await reply(ctx, { text });
    return sent ? { conversationId, activityId: sent, locale: ctx.locale, as: 'text' } : null;
  };
}

export function notFound(what: string, messageKey: string): AppError {
  return new AppError('not-found', what, { messageKey });
}
