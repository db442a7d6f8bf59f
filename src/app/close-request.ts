/**
 * "Afslut møde" in a turn (button, command, meeting-end event): the meeting is closed at once and the
 * click answered; the summary and the 1:1 cascade follow from the meeting's 'close-meeting' job, run
 * in the background (src/app/background.ts). The asker's answer is updated when all is out, or says
 * what failed.
 */
import { formatDateTime } from '../cards/format';
import type { Meeting } from '../domain';
import { t } from '../i18n';
import { newJob } from '../domain/scheduled-jobs';
import { WORK_LEASE_MS } from './jobs';
import { type ActorRef, loadForum, loadMeeting, requireManager } from './access';
import { overviewCardFor } from './agenda-cards';
import { kick, scheduleNow } from './background';
import { closeJobId, markClosed } from './close-meeting';
import type { AppDeps } from './deps';
import { type Answer, noteMessage, notify } from './notify';

export interface CloseRequested {
  meeting: Meeting;
  /** True when the meeting had been closed before (nothing new is posted). */
  alreadyClosed: boolean;
  /** Settles when the background run has ended (tests; the turn does not wait for it). */
  done: Promise<void>;
}

export async function requestClose(deps: AppDeps, input: { forumId: string; meetingId: string; actor?: ActorRef; answer?: Answer }): Promise<CloseRequested> {
  const id = closeJobId(input.meetingId);
  await armCloseJob(deps, input);
  const { forum, meeting, alreadyClosed } = await markClosed(deps, input);
  // Closed before and all posted: nothing to run. Closed before but not finished: finish it (quietly).
  if (alreadyClosed && (await deps.store.jobs.get(id))?.value.status === 'done') return { meeting, alreadyClosed, done: Promise.resolve() };
  const target = alreadyClosed ? null : ((await input.answer?.()) ?? null);
  const payload = {
    forumId: forum.id,
    meetingId: meeting.id,
    ...(input.actor ? { requestedBy: input.actor.userId } : {}),
    ...(target ? { notify: target } : {}),
  };
  await scheduleNow(deps, newJob(id, forum.id, 'close-meeting', deps.clock.now(), payload));
  const done = kick(deps, id, {
    onFailed: async (failed) => {
      if (!target) return;
      const reason = (failed.lastError ?? '').split('\n')[0].slice(0, 200);
      const when = formatDateTime(target.locale, meeting.date, meeting.start);
      const card = target.as === 'card' ? await overviewCardFor(deps, forum, meeting) : null;
      await notify(deps, target, noteMessage(target, t(target.locale, 'meeting.close.failed', { when, reason }), card, 'Attention'));
    },
  });
  return { meeting, alreadyClosed, done };
}

/**
 * Before a published meeting is marked closed, its close job is written, due one lease from now: the
 * intent. A process that dies between the two writes leaves a job that the sweep runs, and the job
 * closes the meeting itself, so the meeting-end event, which Teams never sends again, still ends with
 * the meeting closed, the summary and the cascade posted. The turn then moves the job to now.
 */
async function armCloseJob(deps: AppDeps, input: { forumId: string; meetingId: string; actor?: ActorRef }): Promise<void> {
  const forum = (await loadForum(deps, input.forumId)).value;
  if (input.actor) requireManager(forum, input.actor);
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  if (meeting.status !== 'published') return;
  const later = new Date(deps.clock.now().getTime() + WORK_LEASE_MS);
  const requestedBy = input.actor ? { requestedBy: input.actor.userId } : {};
  await scheduleNow(deps, newJob(closeJobId(meeting.id), forum.id, 'close-meeting', later, { forumId: forum.id, meetingId: meeting.id, ...requestedBy }));
}
