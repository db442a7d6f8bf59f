/**
 * "Afslut møde" (or Teams' meeting-end event): the meeting is closed, the summary goes to the channel
 * once, and every chief gets the cascade 1:1 once. Closing again posts nothing new; it only finishes
 * what a failed earlier attempt left (e.g. a chief whose card did not go out).
 *
 * In a turn the closing is split (src/app/close-request.ts): `markClosed` at once, `finishClosing`
 * (the posting, which takes a while with many chiefs) as the meeting's 'close-meeting' job.
 */
import { formatDateTime } from '../cards/format';
import type { CascadeReceipt, Decision, FollowUp, Forum, Locale, Meeting } from '../domain';
import { AppError } from '../domain';
import { t } from '../i18n';
import { NO_LEASE, type WorkLease } from './jobs';
import { type ActorRef, channelOf, chiefsOf, loadForum, loadMeeting, requireManager, updateMeeting } from './access';
import { overviewCardFor, refreshOverviewCard } from './agenda-cards';
import { deliverCascade, ensureReceipt } from './cascade';
import type { AppDeps } from './deps';
import { type NotifyTarget, noteMessage, notify } from './notify';
import { PostedCards, postKey } from './posted';
import { summaryCardFor } from './summary-cards';

export interface ClosedMeeting {
  meeting: Meeting;
  decisions: Decision[];
  followUps: FollowUp[];
  receipts: CascadeReceipt[];
  /** True when the meeting had already been closed before this call. */
  alreadyClosed: boolean;
}

/** The one 'close-meeting' job of a meeting. */
export function closeJobId(meetingId: string): string {
  return `close-meeting-${meetingId}`;
}

/** "Mødet … er afsluttet. … {chiefs} chefer har fået beskederne" (or "was already closed"). */
export function closedText(locale: Locale, meeting: Meeting, receipts: readonly CascadeReceipt[], alreadyClosed = false): string {
  const when = formatDateTime(locale, meeting.date, meeting.start);
  if (alreadyClosed) return t(locale, 'meeting.already-closed', { when });
  return t(locale, 'meeting.closed', { when, chiefs: receipts.filter((r) => r.deliveredAt).length });
}

/** Sets the meeting's status to closed (once, audited). `actor` is checked when a person closes. */
export async function markClosed(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor?: ActorRef; requestedBy?: string },
): Promise<{ forum: Forum; meeting: Meeting; alreadyClosed: boolean }> {
  const forum = (await loadForum(deps, input.forumId)).value;
  if (input.actor) requireManager(forum, input.actor);
  const before = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  if (before.status === 'draft' || before.status === 'scheduled') {
    throw new AppError('invalid-input', 'the agenda has not been published yet', { meetingId: before.id });
  }
  const now = deps.clock.now().toISOString();
  const meeting = (await updateMeeting(deps, forum.id, before.id, (m) => (m.status === 'closed' ? null : { ...m, status: 'closed', closedAt: now }))).value;
  if (before.status !== 'closed') {
    await deps.store.audit.append({
      forumId: forum.id,
      at: now,
      actorUserId: input.actor?.userId ?? input.requestedBy ?? 'meeting-end',
      action: 'meeting.close',
      target: `meeting:${meeting.id}`,
      before: { status: before.status },
      after: { status: 'closed' },
    });
  }
  return { forum, meeting, alreadyClosed: before.status === 'closed' };
}

/**
 * Posts what a closed meeting posts, each thing once: the summary in the channel and the cascade to
 * every chief. Safe to run again (a retry, a second "afslut møde", the close job taken over after a
 * crash): the summary has its record (src/app/posted.ts) and each chief's receipt its `deliveredAt`,
 * each written right after its post. `notify` is the asker's answer, updated when all is out.
 */
export async function finishClosing(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; notify?: NotifyTarget | null; lease?: WorkLease },
): Promise<Omit<ClosedMeeting, 'alreadyClosed'>> {
  const forum = (await loadForum(deps, input.forumId)).value;
  let meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  if (meeting.status !== 'closed') throw new AppError('invalid-input', 'the meeting is not closed', { meetingId: meeting.id });
  const chiefs = chiefsOf(forum);
  // Receipts first, so the summary lists every chief as "not yet confirmed".
  for (const chief of chiefs) await ensureReceipt(deps, meeting, chief);
  meeting = await postSummary(deps, forum, meeting, input.lease ?? NO_LEASE);
  const followUps = await deps.store.followUps.listByMeeting(forum.id, meeting.id);
  for (const chief of chiefs) await deliverCascade(deps, { forum, meeting, chief, followUps, lease: input.lease });
  const [decisions, receipts] = await Promise.all([deps.store.decisions.listByMeeting(meeting.id), deps.store.cascade.listByMeeting(meeting.id)]);
  const target = input.notify ?? null;
  if (target) {
    const overview = target.as === 'card' ? await overviewCardFor(deps, forum, meeting) : null;
    await notify(deps, target, noteMessage(target, closedText(target.locale, meeting, receipts), overview));
  }
  return { meeting, decisions, followUps, receipts };
}

/**
 * The summary card, once: posted unless recorded, recorded right after the post; then the overview
 * card is refreshed and the meeting keeps the summary's id (repaired by the next run if a crash
 * came between the record and that copy).
 */
async function postSummary(deps: AppDeps, forum: Forum, meeting: Meeting, lease: WorkLease): Promise<Meeting> {
  if (meeting.summaryActivityId) return meeting;
  const posted = await PostedCards.load(deps, meeting.id, lease);
  const summary = await posted.once(
    deps,
    postKey.summary,
    () => channelOf(deps, forum),
    async () => ({ cards: [await summaryCardFor(deps, forum, meeting)], summary: meeting.forumName }),
  );
  await refreshOverviewCard(deps, forum, meeting);
  return (await updateMeeting(deps, forum.id, meeting.id, (m) => (m.summaryActivityId ? null : { ...m, summaryActivityId: summary.activityId }))).value;
}

/** Closes and posts in one go (tests, tools); a turn uses `requestClose` instead. */
export async function closeMeeting(deps: AppDeps, input: { forumId: string; meetingId: string; actor?: ActorRef }): Promise<ClosedMeeting> {
  const { alreadyClosed } = await markClosed(deps, input);
  return { ...(await finishClosing(deps, input)), alreadyClosed };
}
