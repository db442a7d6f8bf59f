/**
 * Who is looking at the side panel: the forum and the roster member behind a verified Teams SSO token.
 * The token's `oid` is matched against Member.aadObjectId; the conversation id from the Teams context
 * only says which forum to show, never who the viewer is.
 */
import type { ActorRef } from '../app/access';
import type { AppDeps } from '../app/deps';
import type { Forum, Member, Role } from '../domain';
import { AppError, canManageMeetings } from '../domain';
import type { SsoIdentity } from './sso';

export interface Viewer {
  identity: SsoIdentity;
  forum: Forum;
  /** The viewer on the forum's roster, or null for a guest in the forum's channel meeting. */
  member: Member | null;
  /** 'guest': not on the roster (sees what the channel sees; closed items stay closed). */
  role: Role | 'guest';
  actor: ActorRef;
}

/** Where the page says it is: a card's forum id, or the Teams context's chat/channel id. */
export interface ViewerScope {
  forumId?: string | null;
  conversationId?: string | null;
}

function memberByOid(forum: Forum, oid: string): Member | null {
  const id = oid.toLowerCase();
  return forum.members.find((m) => m.aadObjectId?.toLowerCase() === id) ?? null;
}

function sameTenant(forum: Forum, identity: SsoIdentity): boolean {
  return !forum.tenantId || forum.tenantId.toLowerCase() === identity.tenantId.toLowerCase();
}

async function forumByConversation(deps: AppDeps, conversationId: string): Promise<Forum | null> {
  const exact = await deps.store.forums.findByConversation(conversationId);
  if (exact) return exact.value;
  // A channel's reply thread id carries ";messageid=..." after the channel id.
  const base = conversationId.split(';')[0];
  return base !== conversationId ? ((await deps.store.forums.findByConversation(base))?.value ?? null) : null;
}

async function forumByRoster(deps: AppDeps, identity: SsoIdentity): Promise<Forum | null> {
  const mine = (await deps.store.forums.list()).filter((f) => sameTenant(f, identity) && memberByOid(f, identity.oid));
  return mine.sort((a, b) => a.name.localeCompare(b.name, 'da'))[0] ?? null;
}

/**
 * The viewer's forum: the one named by `forumId` (the viewer must be on its roster), else the one whose
 * channel the meeting is in (guests allowed), else the first forum with the viewer on its roster.
 */
export async function viewerFor(deps: AppDeps, identity: SsoIdentity, scope: ViewerScope): Promise<Viewer> {
  let forum: Forum | null = null;
  let guestAllowed = false;
  if (scope.forumId) {
    forum = (await deps.store.forums.get(scope.forumId))?.value ?? null;
    if (!forum) throw new AppError('not-found', 'The forum does not exist', { messageKey: 'tab.error.no-forum' });
  } else {
    forum = scope.conversationId ? await forumByConversation(deps, scope.conversationId) : null;
    guestAllowed = !!forum;
    forum ??= await forumByRoster(deps, identity);
  }
  if (!forum) throw new AppError('not-found', 'No forum for this conversation or user', { messageKey: 'tab.error.no-forum' });
  const member = memberByOid(forum, identity.oid);
  if (!sameTenant(forum, identity) || (!member && !guestAllowed)) {
    throw new AppError('forbidden', 'The viewer is not on the forum roster', { messageKey: 'tab.error.not-member' });
  }
  const actor: ActorRef = { userId: member?.userId ?? '', aadObjectId: identity.oid, name: member?.name ?? identity.name ?? '' };
  return { identity, forum, member, role: member?.role ?? 'guest', actor };
}

/** The secretary or chair, else AppError('forbidden') with the usual "only the secretary or chair" text. */
export function requireManagerViewer(viewer: Viewer): Member {
  if (!viewer.member || !canManageMeetings(viewer.member)) {
    throw new AppError('forbidden', 'Only the secretary or chair may do that', { forumId: viewer.forum.id });
  }
  return viewer.member;
}

/** A roster member, else AppError('forbidden'). */
export function requireMemberViewer(viewer: Viewer): Member {
  if (!viewer.member) throw new AppError('forbidden', 'Not on the forum roster', { messageKey: 'tab.error.not-member' });
  return viewer.member;
}
