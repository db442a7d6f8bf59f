/**
 * "Udsend nu" (button or command): the click is answered at once and the agenda is posted after,
 * by the meeting's one 'publish-agenda' job run in the background (src/app/background.ts). When it
 * is done the asker's answer becomes "Dagsordenen er offentliggjort"; when it fails for good it says so.
 */
import { agendaPreviewCard } from '../cards/agenda-preview';
import type { Meeting } from '../domain';
import { AppError } from '../domain';
import { t } from '../i18n';
import { newJob } from '../domain/scheduled-jobs';
import { type ActorRef, channelOf, loadForum, loadMeeting, requireManager } from './access';
import { requireMeetingDate } from './agenda-details';
import { kick, scheduleNow } from './background';
import type { AppDeps } from './deps';
import { type Answer, noteMessage, notify } from './notify';
import { publishJobId } from './schedule-agenda';

export interface PublishRequested {
  meeting: Meeting;
  /** True when the agenda was already out (nothing was started). */
  alreadyPublished: boolean;
  /** Settles when the background run has ended (tests; the turn does not wait for it). */
  done: Promise<void>;
}

export async function requestPublish(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor: ActorRef; answer?: Answer },
): Promise<PublishRequested> {
  const forum = (await loadForum(deps, input.forumId)).value;
  requireManager(forum, input.actor);
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  if (meeting.status === 'closed') throw new AppError('invalid-input', 'the meeting has been closed');
  if (meeting.status === 'published') return { meeting, alreadyPublished: true, done: Promise.resolve() };
  requireMeetingDate(meeting);
  await channelOf(deps, forum); // no channel known: say so now, not in the background
  const target = (await input.answer?.()) ?? null;
  const payload = { forumId: forum.id, meetingId: meeting.id, requestedBy: input.actor.userId, ...(target ? { notify: target } : {}) };
  const job = newJob(publishJobId(meeting.id), forum.id, 'publish-agenda', deps.clock.now(), payload);
  await scheduleNow(deps, job);
  const done = kick(deps, job.id, {
    onFailed: async (failed) => {
      if (!target) return;
      const reason = (failed.lastError ?? '').split('\n')[0].slice(0, 200);
      const current = (await deps.store.meetings.get(forum.id, meeting.id))?.value ?? meeting;
      await notify(
        deps,
        target,
        noteMessage(target, t(target.locale, 'meeting.publish.failed', { reason }), agendaPreviewCard(current, [], target.locale), 'Attention'),
      );
    },
  });
  return { meeting, alreadyPublished: false, done };
}
