/**
 * The Messenger port over CloudAdapter: proactive send/update with the stored conversation
 * reference, and the 1:1 chat with a member created once and stored.
 *
 * One HTTP attempt per call: the Azure SDK's built-in retry is switched off for these calls, so
 * the caller (the scheduler's delivery, with its rate limiter) sees every 429/5xx at once and
 * decides. Failures are `AppError('delivery-failed', ..., { status, retryAfterMs, permanent, code })`.
 */
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Messenger, OutgoingMessage } from '../app/messenger';
import { AppError, type Clock, type Forum, type Member } from '../domain';
import type { Store, StoredConversation } from '../store/ports';
import type { BotAdapter } from './adapter';
import { toActivity } from './outgoing';

/** Bot Framework's public-cloud audience for bot → channel calls. */
const CHANNEL_AUDIENCE = 'https://api.botframework.com';

export interface BotMessengerDeps {
  adapter: BotAdapter;
  appId: string | null;
  store: Store;
  clock: Clock;
}

export function createBotMessenger(deps: BotMessengerDeps): Messenger {
  const appId = deps.appId ?? '';

  async function inConversation<T>(conversation: StoredConversation, fn: (turn: TurnContext) => Promise<T>): Promise<T> {
    // Errors are caught inside the turn: the adapter's onTurnError would otherwise swallow them.
    let result: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('The proactive turn did not run') };
    // A proactive message is a new post (in a channel: a new thread), never a reply: no activity id
    // from the reference, and none from botbuilder's synthetic continuation activity either.
    const { activityId: _replyTo, ...reference } = conversation.reference as Partial<ConversationReference>;
    try {
      await deps.adapter.continueConversationAsync(appId, reference, async (turn) => {
        disableSdkRetries(turn);
        turn.activity.id = undefined;
        try {
          result = { ok: true, value: await fn(turn) };
        } catch (error) {
          result = { ok: false, error };
        }
      });
    } catch (error) {
      result = { ok: false, error };
    }
    // Assigned inside callbacks, which TypeScript's narrowing does not follow.
    const outcome = result as { ok: true; value: T } | { ok: false; error: unknown };
    if (!outcome.ok) throw deliveryError(outcome.error, deps.clock);
    return outcome.value;
  }

  return {
    send: (conversation, message) =>
      inConversation(conversation, async (turn) => {
        const res = await turn.sendActivity(toActivity(message));
        if (!res?.id) throw new AppError('delivery-failed', 'The connector returned no activity id', { permanent: false });
        return { activityId: res.id };
      }),

    update: (conversation, activityId, message: OutgoingMessage) =>
      inConversation(conversation, async (turn) => {
        await turn.updateActivity({ ...toActivity(message), id: activityId } as Partial<Activity>);
      }),

    async ensurePersonal(forum: Forum, member: Member): Promise<StoredConversation> {
      const existing = await deps.store.conversations.getPersonal(member.userId);
      if (existing) return existing;
      const channel = await deps.store.conversations.get(forum.conversationId);
      const ref = channel?.reference as Partial<ConversationReference> | undefined;
      if (!ref?.serviceUrl || !ref.bot) {
        throw new AppError('not-found', 'The forum channel is not known to the bot (add the bot to the team again)', { forumId: forum.id });
      }
      const created = await createPersonal(deps, appId, forum, member, ref);
      await deps.store.conversations.save(created);
      return created;
    },
  };
}

async function createPersonal(
  deps: BotMessengerDeps,
  appId: string,
  forum: Forum,
  member: Member,
  channelRef: Partial<ConversationReference>,
): Promise<StoredConversation> {
  let reference: Partial<ConversationReference> | null = null;
  const params = {
    isGroup: false,
    bot: channelRef.bot!,
    members: [{ id: member.userId, name: member.name }],
    tenantId: forum.tenantId,
    channelData: { tenant: { id: forum.tenantId } },
  };
  try {
    // createConversationAsync runs the call before the turn, so a connector failure reaches us here.
    await deps.adapter.createConversationAsync(appId, channelRef.channelId ?? 'msteams', channelRef.serviceUrl!, CHANNEL_AUDIENCE, params, async (turn) => {
      reference = TurnContext.getConversationReference(turn.activity);
    });
  } catch (e) {
    throw deliveryError(e, deps.clock);
  }
  const ref = reference as Partial<ConversationReference> | null;
  if (!ref?.conversation?.id) throw new AppError('delivery-failed', 'The connector created no conversation', { permanent: false });
  // The creation's reference carries the new conversation's id as its activity id: not a message to reply to.
  const { activityId: _created, ...rest } = ref;
  const full = {
    ...rest,
    user: { id: member.userId, name: member.name, ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}) },
    conversation: { ...ref.conversation, conversationType: 'personal', tenantId: forum.tenantId },
  };
  return {
    conversationId: ref.conversation.id,
    kind: 'personal',
    tenantId: forum.tenantId,
    userId: member.userId,
    reference: JSON.parse(JSON.stringify(full)) as Record<string, unknown>,
    updatedAt: deps.clock.now().toISOString(),
  };
}

/** Removes the Azure SDK's retry policy from this turn's connector client (see the file comment). */
function disableSdkRetries(turn: TurnContext): void {
  const connector: unknown = turn.turnState.get(turn.adapter.ConnectorClientKey);
  const pipeline = (connector as { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

/** Maps a connector failure; the message names status and Teams' error code, never content or headers. */
export function deliveryError(e: unknown, clock: Clock): AppError {
  if (e instanceof AppError) return e;
  const x = (e ?? {}) as { statusCode?: unknown; code?: unknown; response?: { headers?: { get?: (n: string) => string | undefined | null } } };
  const status = typeof x.statusCode === 'number' ? x.statusCode : null;
  const code = typeof x.code === 'string' ? x.code : null;
  const retryAfterMs = parseRetryAfter(x.response?.headers?.get?.('retry-after') ?? null, clock);
  const permanent = status !== null && [400, 403, 404, 413].includes(status);
  const what = status === null ? `network error${code ? ` (${code})` : ''}` : `${status}${code ? ` ${code}` : ''}`;
  return new AppError('delivery-failed', `Delivery failed: ${what}`, { status, retryAfterMs, permanent, code });
}

/** Retry-After in seconds or as an HTTP date → milliseconds, or null. */
export function parseRetryAfter(value: string | null, clock: Clock): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - clock.now().getTime());
}
