/** Loading what a service works on, and who may change it. Shared by the meeting services. */
import type { Forum, Meeting, Member } from '../domain';
import { AppError, canManageMeetings, findMember } from '../domain';
import type { StoredConversation, Versioned } from '../store/ports';
import type { AppDeps } from './deps';

/** Who asks for a change: the Teams user behind the turn. */
export interface ActorRef {
  userId: string;
  aadObjectId?: string | null;
  name?: string;
}

export async function loadForum(deps: AppDeps, forumId: string): Promise<Versioned<Forum>> {
  const forum = await deps.store.forums.get(forumId);
  if (!forum) throw new AppError('not-found', `Forum ${forumId} not found`, { forumId });
  return forum;
}

export async function loadMeeting(deps: AppDeps, forumId: string, meetingId: string): Promise<Versioned<Meeting>> {
  const meeting = await deps.store.meetings.get(forumId, meetingId);
  if (!meeting) throw new AppError('not-found', `Meeting ${meetingId} not found`, { forumId, meetingId });
  return meeting;
}

/** The actor on the roster, or AppError('forbidden'). */
export function requireMember(forum: Forum, actor: ActorRef): Member {
  const member = findMember(forum, actor.userId, actor.aadObjectId);
  if (!member) throw new AppError('forbidden', 'Not on the forum roster', { forumId: forum.id });
  return member;
}

/** The secretary or the chair, or AppError('forbidden'). */
export function requireManager(forum: Forum, actor: ActorRef): Member {
  const member = findMember(forum, actor.userId, actor.aadObjectId);
  if (!canManageMeetings(member)) throw new AppError('forbidden', 'Only the secretary or chair may do that', { forumId: forum.id });
  return member!;
}

/** The forum's channel (or group chat), as stored when the bot was added there. */
export async function channelOf(deps: AppDeps, forum: Forum): Promise<StoredConversation> {
  const conversation = await deps.store.conversations.get(forum.conversationId);
  if (!conversation) {
    throw new AppError('not-found', 'The forum channel is not known to the bot (add the bot to the channel again)', { forumId: forum.id });
  }
  return conversation;
}

/** The chiefs who carry messages back: members and the chair who have a department. */
export function chiefsOf(forum: Forum): Member[] {
  return forum.members.filter((m) => (m.role === 'member' || m.role === 'chair') && !!m.department);
}

export function findItem(meeting: Meeting, itemNumber: number) {
  const item = meeting.items.find((i) => i.number === itemNumber);
  if (!item) throw new AppError('not-found', `Item ${itemNumber} not found`, { meetingId: meeting.id, itemNumber });
  return item;
}

/**
 * Reads, changes and writes a meeting, retrying when someone else wrote in between. `change` returns
 * the new meeting, or null for "nothing to change". Only for changes that merge cleanly (ids, status).
 */
export async function updateMeeting(
  deps: AppDeps,
  forumId: string,
  meetingId: string,
  change: (meeting: Meeting) => Meeting | null,
): Promise<Versioned<Meeting>> {
  for (let attempt = 0; ; attempt++) {
    const current = await loadMeeting(deps, forumId, meetingId);
    const next = change(structuredClone(current.value));
    if (!next) return current;
    try {
      return await deps.store.meetings.update(next, current.etag);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= 4) throw e;
    }
  }
}

export function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}
