/**
 * POST /api/messages, independent of the web framework: check the activity's shape (400),
 * authenticate with botbuilder (401), check the tenant (403), run the turn, answer with the
 * invoke response or 200. Turns in flight are tracked so shutdown can wait for them.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { logError } from '../app/errors';
import type { InFlight } from '../app/in-flight';
import type { Logger } from '../logger';
import { checkActivity, conversationKindOf, tenantOf } from './activity';
import { type BotAdapter, authFailureStatus } from './adapter';
import type { TenantPolicy } from './tenant';

export interface EndpointResponse {
  status: number;
  body?: unknown;
}

export interface MessagesEndpointDeps {
  adapter: BotAdapter;
  /** The bot's turn logic (ActivityHandler.run). */
  run: (context: TurnContext) => Promise<void>;
  tenants: TenantPolicy;
  logger: Logger;
  newId: () => string;
}

/** Key under which the turn's correlation id travels in `turnState`. */
export const CORRELATION_ID = Symbol('correlationId');

export function createMessagesEndpoint(deps: MessagesEndpointDeps, inFlight: InFlight) {
  return async (req: { body: unknown; authorization: string }): Promise<EndpointResponse> => {
    const correlationId = deps.newId();
    const log = deps.logger.child({ correlationId });
    const checked = checkActivity(req.body);
    if (!checked.ok) {
      log.warn({ problems: checked.problems.slice(0, 5) }, 'refused a malformed activity');
      return { status: 400, body: { error: 'invalid-activity', problems: checked.problems.slice(0, 5) } };
    }
    const activity = checked.activity;
    const about = { activityType: activity.type, name: activity.name, conversationKind: conversationKindOf(activity) };

    let auth: Awaited<ReturnType<BotAdapter['authenticate']>>;
    try {
      auth = await deps.adapter.authenticate(activity, req.authorization);
    } catch (e) {
      const status = authFailureStatus(e);
      // The reason is botbuilder's short text (never the token itself).
      log.warn({ ...about, reason: e instanceof Error ? e.message : String(e) }, 'refused an unauthenticated request');
      return status ? { status: 401, body: { error: 'unauthorized' } } : { status: 503, body: { error: 'auth-unavailable' } };
    }

    const tenantId = tenantOf(activity);
    if (!deps.tenants.allows(tenantId)) {
      log.warn({ ...about, tenantId }, 'refused an activity from a tenant that is not allowed');
      return { status: 403, body: { error: 'tenant-not-allowed' } };
    }

    const turn = deps.adapter.runTurn(auth, activity as Activity, async (context) => {
      context.turnState.set(CORRELATION_ID, correlationId);
      await deps.run(context);
    });
    try {
      const invokeResponse = await inFlight.track(turn);
      return invokeResponse ? { status: invokeResponse.status, body: invokeResponse.body } : { status: 200 };
    } catch (e) {
      logError(log, e, 'turn outside the bot’s error handling', about);
      return { status: 500, body: { error: 'internal' } };
    }
  };
}
