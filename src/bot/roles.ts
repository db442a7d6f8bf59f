/** Role checks on the turn's forum and roster (the roster is the only source of roles). */
import { AppError, canManageMeetings, type Forum, type Member } from '../domain';
import type { Versioned } from '../store/ports';
import type { TurnInfo } from './types';

/** The turn's forum, or AppError('not-found') telling the user there is none here yet. */
export function requireForum(ctx: Pick<TurnInfo, 'forum' | 'conversation'>): Versioned<Forum> {
  if (!ctx.forum)
    throw new AppError('not-found', 'No forum is set up for this conversation', {
      conversationKind: ctx.conversation.kind,
      messageKey: ctx.conversation.kind === 'personal' ? 'bot.no-forum.personal' : 'bot.no-forum.here',
    });
  return ctx.forum;
}

/** The actor as the forum's secretary or chair, or AppError('forbidden') (a polite refusal card). */
export function requireManager(ctx: Pick<TurnInfo, 'forum' | 'member' | 'conversation'>): { forum: Versioned<Forum>; member: Member } {
  const forum = requireForum(ctx);
  if (!canManageMeetings(ctx.member)) throw new AppError('forbidden', 'Only the secretary or chair may do that', { forumId: forum.value.id });
  return { forum, member: ctx.member! };
}

/** The actor on the forum's roster, or AppError('forbidden'). */
export function requireRosterMember(ctx: Pick<TurnInfo, 'forum' | 'member' | 'conversation'>): { forum: Versioned<Forum>; member: Member } {
  const forum = requireForum(ctx);
  if (!ctx.member) throw new AppError('forbidden', 'Not on the forum roster', { forumId: forum.value.id, messageKey: 'bot.not-on-roster' });
  return { forum, member: ctx.member };
}
