/** The messages for the departments, entered with the standing item "Hvad skal kommunikeres ud ...". */
import { createHash } from 'node:crypto';
import type { Communication, Forum, Meeting } from '../domain';
import { AppError, isIsoDate } from '../domain';
import { isCommunicationItem } from '../minutes/communications';
import type { Versioned } from '../store/ports';
import { type ActorRef, loadForum, loadMeeting, requireManager, sameText } from './access';
import { refreshItemCards } from './agenda-cards';
import type { AppDeps } from './deps';

export interface CommunicationInput {
  text: string;
  /** YYYY-MM-DD: held until this date; null = pass on at once. */
  notBefore: string | null;
  /** Target departments; empty = all. */
  departments: string[];
}

/** A version of the meeting's messages for the form: changes when (and only when) the messages do. */
export function communicationsVersion(meeting: Meeting): string {
  return createHash('sha256').update(JSON.stringify(meeting.communications)).digest('hex').slice(0, 24);
}

function toCommunications(forum: Forum, lines: CommunicationInput[]): Communication[] {
  return lines
    .filter((l) => l.text.trim())
    .map((l, i) => {
      if (l.notBefore !== null && !isIsoDate(l.notBefore)) throw new AppError('invalid-input', `message ${i + 1}: the date is not a date`);
      const departments = l.departments.map((d) => {
        const known = forum.departments.find((k) => sameText(k, d));
        if (!known) throw new AppError('invalid-input', `message ${i + 1}: unknown department "${d}" (known: ${forum.departments.join(', ')})`);
        return known;
      });
      const text = l.text.trim();
      const id = `c${i + 1}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
      return { id, text, notBefore: l.notBefore, notBeforeText: null, departments: [...new Set(departments)] };
    });
}

/**
 * Replaces the meeting's messages. `version` is what the form was built from (`communicationsVersion`);
 * when someone else changed the messages since, the save is refused with a conflict.
 */
export async function saveCommunications(
  deps: AppDeps,
  input: {
    forumId: string;
    meetingId: string;
    actor: ActorRef;
    lines: CommunicationInput[];
    version: string | null;
    /** The standing communication item whose card shows the messages (default: the item marked so). */
    itemNumber?: number;
  },
): Promise<Versioned<Meeting>> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const manager = requireManager(forum, input.actor);
  const communications = toCommunications(forum, input.lines);
  const current = await loadMeeting(deps, input.forumId, input.meetingId);
  const before = current.value.communications;
  if (JSON.stringify(before) === JSON.stringify(communications)) return current; // a retried submit
  if (input.version !== null && input.version !== communicationsVersion(current.value)) {
    throw new AppError('conflict', 'The messages were changed by someone else since the form was opened', { meetingId: input.meetingId });
  }
  const saved = await deps.store.meetings.update({ ...current.value, communications }, current.etag);
  await deps.store.audit.append({
    forumId: input.forumId,
    at: deps.clock.now().toISOString(),
    actorUserId: manager.userId,
    action: 'communications.save',
    target: `meeting:${input.meetingId}/communications`,
    before,
    after: communications,
  });
  const itemNumber = input.itemNumber ?? current.value.items.find(isCommunicationItem)?.number;
  if (itemNumber !== undefined) await refreshItemCards(deps, forum, saved.value, itemNumber);
  return saved;
}
