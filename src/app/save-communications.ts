/** The messages for the departments, entered with the standing item "Hvad skal kommunikeres ud ...". */
import { createHash } from 'node:crypto';
import type { AuditEntry, Communication, Forum, Meeting } from '../domain';
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

const RETRY_WINDOW_MS = 86_400_000;

/**
 * The same click again after a save that stored the messages but was cut off before its audit entry:
 * the entry is written now unless the last day's log has it. `version` is what the form was built
 * from; the messages before the save are known when that was the empty list.
 */
async function ensureAudit(deps: AppDeps, entry: Omit<AuditEntry, 'at' | 'before'>, meeting: Meeting, version: string | null): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - RETRY_WINDOW_MS).toISOString();
  const recent = await deps.store.audit.listByForum(entry.forumId, { since });
  const after = JSON.stringify(entry.after);
  if (recent.some((a) => a.action === entry.action && a.target === entry.target && JSON.stringify(a.after) === after)) return;
  const fromNothing = version === communicationsVersion({ ...meeting, communications: [] });
  await deps.store.audit.append({ ...entry, at: deps.clock.now().toISOString(), before: fromNothing ? [] : null });
}

/**
 * Replaces the meeting's messages. `version` is what the form was built from (`communicationsVersion`);
 * when someone else changed the messages since, the save is refused with a conflict.
 * Order of writes: the meeting (the commit) → the audit entry → the item cards. The same click again
 * after a crash finds its messages stored and writes the audit entry if it is missing.
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
  const entry = {
    forumId: input.forumId,
    actorUserId: manager.userId,
    action: 'communications.save',
    target: `meeting:${input.meetingId}/communications`,
    after: communications,
  };
  if (JSON.stringify(before) === JSON.stringify(communications)) {
    // A retried submit. Built on another version than the stored one, it is the submit that stored
    // these messages, and that save may have been cut off before its audit entry.
    if (input.version !== null && input.version !== communicationsVersion(current.value)) await ensureAudit(deps, entry, current.value, input.version);
    return current;
  }
  if (input.version !== null && input.version !== communicationsVersion(current.value)) {
    throw new AppError('conflict', 'The messages were changed by someone else since the form was opened', { meetingId: input.meetingId });
  }
  const saved = await deps.store.meetings.update({ ...current.value, communications }, current.etag);
  await deps.store.audit.append({ ...entry, at: deps.clock.now().toISOString(), before });
  const itemNumber = input.itemNumber ?? current.value.items.find(isCommunicationItem)?.number;
  if (itemNumber !== undefined) await refreshItemCards(deps, forum, saved.value, itemNumber);
  return saved;
}
