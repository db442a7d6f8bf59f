/**
 * "Afslut møde" (or Teams' meeting-end event): the meeting is closed, the summary goes to the channel
 * once, and every chief gets the cascade 1:1 once. Closing again posts nothing new; it only finishes
 * what a failed earlier attempt left (e.g. a chief whose card did not go out).
 */
import type { CascadeReceipt, Decision, FollowUp, Meeting } from '../domain';
import { AppError } from '../domain';
import { type ActorRef, channelOf, chiefsOf, loadForum, loadMeeting, requireManager, updateMeeting } from './access';
import { refreshOverviewCard } from './agenda-cards';
import { deliverCascade, ensureReceipt } from './cascade';
import type { AppDeps } from './deps';
import { sendMessage } from './send';
import { summaryCardFor } from './summary-cards';

export interface ClosedMeeting {
  meeting: Meeting;
  decisions: Decision[];
  followUps: FollowUp[];
  receipts: CascadeReceipt[];
  /** True when the meeting had already been closed before this call. */
  alreadyClosed: boolean;
}

/** `actor` is checked (secretary/chair) when a person closes; the meeting-end event passes none. */
export async function closeMeeting(deps: AppDeps, input: { forumId: string; meetingId: string; actor?: ActorRef }): Promise<ClosedMeeting> {
  const forum = (await loadForum(deps, input.forumId)).value;
  if (input.actor) requireManager(forum, input.actor);
  const before = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  if (before.status === 'draft' || before.status === 'scheduled') {
    throw new AppError('invalid-input', 'the agenda has not been published yet', { meetingId: before.id });
  }
  const now = deps.clock.now().toISOString();
  let meeting = (
    await updateMeeting(deps, forum.id, before.id, (m) => (m.status === 'closed' ? null : { ...m, status: 'closed', closedAt: now }))
  ).value;
  const chiefs = chiefsOf(forum);
  // Receipts first, so the summary lists every chief as "not yet confirmed".
  for (const chief of chiefs) await ensureReceipt(deps, meeting, chief);
  if (!meeting.summaryActivityId) {
    const channel = await channelOf(deps, forum);
    const activityId = await sendMessage(deps, channel, { cards: [await summaryCardFor(deps, forum, meeting)], summary: meeting.forumName });
    meeting = (await updateMeeting(deps, forum.id, meeting.id, (m) => ({ ...m, summaryActivityId: m.summaryActivityId ?? activityId }))).value;
    await refreshOverviewCard(deps, forum, meeting);
  }
  const followUps = await deps.store.followUps.listByMeeting(forum.id, meeting.id);
  for (const chief of chiefs) await deliverCascade(deps, { forum, meeting, chief, followUps });
  if (before.status !== 'closed') {
    await deps.store.audit.append({
      forumId: forum.id,
      at: now,
      actorUserId: input.actor?.userId ?? 'meeting-end',
      action: 'meeting.close',
      target: `meeting:${meeting.id}`,
      before: { status: before.status },
      after: { status: 'closed' },
    });
  }
  const [decisions, receipts] = await Promise.all([
    deps.store.decisions.listByMeeting(meeting.id),
    deps.store.cascade.listByMeeting(meeting.id),
  ]);
  return { meeting, decisions, followUps, receipts, alreadyClosed: before.status === 'closed' };
}
