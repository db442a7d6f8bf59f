/** Where the scheduler's messages go: a user's 1:1 chat, the secretary, the forum's channel. */
import type { AppDeps } from '../app/deps';
import type { Messenger } from '../app/messenger';
import type { Forum, Member } from '../domain';
import type { StoredConversation } from '../store/ports';

/** A roster member, or a stand-in for a delegate who is not on the roster (a colleague). */
export function memberOrGuest(forum: Forum, userId: string): Member {
  return forum.members.find((m) => m.userId === userId) ?? { userId, aadObjectId: null, name: '', department: null, role: 'member' };
}

/** The user's 1:1 chat with the bot: stored, or created through the connector (which may answer 403/404). */
export async function personalConversation(deps: AppDeps, messenger: Messenger, forum: Forum, userId: string): Promise<StoredConversation> {
  return (await deps.store.conversations.getPersonal(userId)) ?? messenger.ensurePersonal(forum, memberOrGuest(forum, userId));
}

/** Who gets the digest and notices: the secretaries, or the chair when the forum has no secretary. */
export function secretariesOf(forum: Forum): Member[] {
  const secretaries = forum.members.filter((m) => m.role === 'secretary');
  return secretaries.length > 0 ? secretaries : forum.members.filter((m) => m.role === 'chair');
}
