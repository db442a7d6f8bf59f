/**
 * "Afslut møde" in a turn (button, command, meeting-end event): the meeting is closed at once and the
 * click answered; the summary and the 1:1 cascade follow from the meeting's 'close-meeting' job, run
 * in the background (src/app/background.ts). The asker's answer is updated when all is out, or says
 * what failed.
 */
import { formatDateTime } from '../cards/format';
import type { Meeting } from '../domain';
import { t } from '../i18n';
import { newJob } from '../scheduler/jobs';
import type { ActorRef } from './access';
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

export async function requestClose(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor?: ActorRef; answer?: Answer },
): Promise<CloseRequested> {
  const { forum, meeting, alreadyClosed } = await markClosed(deps, input);
  const id = closeJobId(meeting.id);
  // Closed before and all posted: nothing to run. Closed before but not finished: finish it (quietly).
  if (alreadyClosed && (await deps.store.jobs.get(id))?.value.status === 'done') return { meeting, alreadyClosed, done: Promise.resolve() };
  const target = alreadyClosed ? null : ((await input.answer?.()) ?? null);
  const payload = { forumId: forum.id, meetingId: meeting.id, ...(target ? { notify: target } : {}) };
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
