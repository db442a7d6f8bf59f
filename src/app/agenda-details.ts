/**
 * The meeting's own details (forum name, date, start, place) as the secretary gives them on the preview
 * card: a document without a header imports with whatever was found, and is not published until it
 * has a date.
 */
import type { Meeting } from '../domain';
import { AppError, isIsoDate } from '../domain';
import type { Versioned } from '../store/ports';
import { type ActorRef, loadForum, requireManager, updateMeeting } from './access';
import type { AppDeps } from './deps';

export interface MeetingDetails {
  forumName: string;
  date: string;
  start: string | null;
  location: string | null;
}

/** True when the imported meeting still lacks its date (the preview card asks for it). */
export function lacksDate(meeting: Pick<Meeting, 'date'>): boolean {
  return !isIsoDate(meeting.date);
}

/** Publishing and scheduling wait for a date: the cards and reminders are built on it. */
export function requireMeetingDate(meeting: Meeting): void {
  if (lacksDate(meeting)) {
    throw new AppError('invalid-input', 'the meeting has no date yet', { meetingId: meeting.id, messageKey: 'meeting.publish.noDate' });
  }
}

export async function updateAgendaDetails(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor: ActorRef; details: MeetingDetails },
): Promise<Versioned<Meeting>> {
  const forum = await loadForum(deps, input.forumId);
  requireManager(forum.value, input.actor);
  const { forumName, date, start, location } = input.details;
  if (!isIsoDate(date) || forumName.trim() === '') throw new AppError('invalid-input', 'the meeting needs a forum name and a date (YYYY-MM-DD)');
  let before: MeetingDetails | null = null;
  const saved = await updateMeeting(deps, input.forumId, input.meetingId, (m) => {
    if (m.status === 'published' || m.status === 'closed' || m.publication) {
      throw new AppError('invalid-input', 'the agenda has already been published', { meetingId: m.id });
    }
    before = { forumName: m.forumName, date: m.date, start: m.start, location: m.location };
    return { ...m, forumName: forumName.trim(), date, start, location };
  });
  await deps.store.audit.append({
    forumId: input.forumId,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor.userId,
    action: 'agenda.details',
    target: `meeting:${input.meetingId}`,
    before,
    after: { forumName, date, start, location },
  });
  return saved;
}
