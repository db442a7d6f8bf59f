/** Scheduling and discarding an imported agenda before it is published. */
import type { Meeting } from '../domain';
import { AppError, isIsoDate, localInstant } from '../domain';
import { newJob } from '../domain/scheduled-jobs';
import type { Versioned } from '../store/ports';
import { type ActorRef, loadForum, loadMeeting, requireManager } from './access';
import { requireMeetingDate } from './agenda-details';
import type { AppDeps } from './deps';
import type { NotifyTarget } from './notify';

/** One publish job per meeting: rescheduling replaces it. */
export function publishJobId(meetingId: string): string {
  return `publish-agenda-${meetingId}`;
}

function assertNotPublished(meeting: Meeting): void {
  if (meeting.status === 'published' || meeting.status === 'closed' || meeting.publication) {
    throw new AppError('invalid-input', 'the agenda has already been published', { meetingId: meeting.id });
  }
}

/** Posts the agenda at a local date and time (Europe/Copenhagen); a time in the past is refused. */
export async function scheduleAgenda(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor: ActorRef; at: { date: string; time: string }; notify?: NotifyTarget | null },
): Promise<Versioned<Meeting>> {
  const forum = await loadForum(deps, input.forumId);
  requireManager(forum.value, input.actor);
  const { date, time } = input.at;
  if (!isIsoDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new AppError('invalid-input', 'the publishing time must be a date (YYYY-MM-DD) and a time (HH:MM)');
  }
  const dueAt = localInstant(date, time);
  if (dueAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError('invalid-input', 'the publishing time has already passed', { date, time });
  }
  const meeting = await loadMeeting(deps, input.forumId, input.meetingId);
  assertNotPublished(meeting.value);
  requireMeetingDate(meeting.value);
  const saved = await deps.store.meetings.update({ ...meeting.value, status: 'scheduled', publishAt: dueAt.toISOString() }, meeting.etag);
  // Insert or replace: rescheduling moves the one publish job of the meeting.
  // The preview card it was scheduled from says "offentliggjort" when the job has run.
  const job = newJob(publishJobId(input.meetingId), input.forumId, 'publish-agenda', dueAt, {
    forumId: input.forumId,
    meetingId: input.meetingId,
    requestedBy: input.actor.userId,
    ...(input.notify ? { notify: input.notify } : {}),
  });
  await deps.store.jobs.schedule(job);
  await deps.store.audit.append({
    forumId: input.forumId,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor.userId,
    action: 'agenda.schedule',
    target: `meeting:${input.meetingId}`,
    before: { publishAt: meeting.value.publishAt },
    after: { publishAt: job.dueAt },
  });
  return saved;
}

/** Throws away an agenda that has not been published (and its publish job). */
export async function discardAgenda(deps: AppDeps, input: { forumId: string; meetingId: string; actor: ActorRef }): Promise<void> {
  const forum = await loadForum(deps, input.forumId);
  requireManager(forum.value, input.actor);
  const meeting = await deps.store.meetings.get(input.forumId, input.meetingId);
  if (!meeting) return; // discarding twice is fine
  assertNotPublished(meeting.value);
  await deps.store.jobs.cancel(publishJobId(input.meetingId));
  await deps.store.meetings.delete(input.forumId, input.meetingId);
  await deps.store.audit.append({
    forumId: input.forumId,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor.userId,
    action: 'agenda.discard',
    target: `meeting:${input.meetingId}`,
    before: { date: meeting.value.date, itemCount: meeting.value.items.length },
    after: null,
  });
}
