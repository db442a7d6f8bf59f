/**
 * What every handler knows about the turn: who, where, in which language, which forum, which role.
 * Also stores the conversation reference (every activity refreshes it) so the bot can write later.
 */
import { type Activity, TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps';
import { type Forum, findMember, type Locale } from '../domain';
import { localeOf } from '../i18n';
import type { Versioned } from '../store/ports';
import { baseConversationId, conversationKindOf, tenantOf } from './activity';
import { CORRELATION_ID } from './endpoint';
import type { Actor, TurnInfo } from './types';

export async function buildTurnInfo(turn: TurnContext, deps: AppDeps): Promise<TurnInfo> {
  const a = turn.activity;
  const kind = conversationKindOf(a);
  const conversationId = baseConversationId(a.conversation.id);
  const actor: Actor = {
    userId: a.from?.id ?? '',
    aadObjectId: a.from?.aadObjectId ?? null,
    name: a.from?.name ?? '',
  };
  const carried: unknown = turn.turnState.get(CORRELATION_ID);
  const correlationId = typeof carried === 'string' ? carried : deps.newId();
  const log = deps.logger.child({ correlationId, activityType: a.type, conversationKind: kind });
  // The person's own language is read alongside the forum: no extra round trip on the turn's path.
  const [forum, chosen] = await Promise.all([
    forumOf(deps, kind, conversationId, actor),
    actor.userId ? deps.store.conversations.getLocale(actor.userId) : Promise.resolve(null),
  ]);
  const member = forum ? findMember(forum.value, actor.userId, actor.aadObjectId) : undefined;
  return {
    turn,
    deps,
    log,
    locale: chosen ?? localeFor(a, forum?.value ?? null),
    actor,
    tenantId: tenantOf(a) ?? '',
    conversation: { id: conversationId, kind },
    forum,
    member,
  };
}

/** The client's language when Teams sends one, else the forum's, else Danish (a person's own choice goes first). */
function localeFor(a: Partial<Activity>, forum: Forum | null): Locale {
  if (a.locale) return localeOf(a.locale);
  return forum?.locale ?? 'da';
}

async function forumOf(deps: AppDeps, kind: TurnInfo['conversation']['kind'], conversationId: string, actor: Actor): Promise<Versioned<Forum> | null> {
  if (kind !== 'personal') return deps.store.forums.findByConversation(conversationId);
  if (!actor.userId) return null;
  const forums = await deps.store.forums.findByMember(actor.userId);
  const first = forums[0];
  return first ? deps.store.forums.get(first.id) : null;
}

/** Stores (insert or replace) where the bot can reach this conversation later. */
export async function rememberConversation(turn: TurnContext, deps: AppDeps): Promise<void> {
  const a = turn.activity;
  const kind = conversationKindOf(a);
  const conversationId = baseConversationId(a.conversation.id);
  const { activityId: _thread, ...reference } = TurnContext.getConversationReference(a);
  // Channel posts start new threads: keep the channel's id, not the thread's.
  reference.conversation = { ...a.conversation, id: conversationId };
  await deps.store.conversations.save({
    conversationId,
    kind,
    tenantId: tenantOf(a) ?? '',
    userId: kind === 'personal' ? (a.from?.id ?? null) : null,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: deps.clock.now().toISOString(),
  });
}
