/**
 * The Teams activity handler. It only dispatches: every activity refreshes the stored
 * conversation reference; messages go to the command table, card actions to the verb table,
 * meeting start/end events to their slots. Handlers live in src/bot/handlers/.
 */
import { type InvokeResponse, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps';
import type { Locale } from '../domain';
import { localeOf, t } from '../i18n';
import { dispatchMessage, type MessageRoutes } from './dispatch-message';
import { runVerb } from './dispatch-verb';
import { CORRELATION_ID } from './endpoint';
import { errorLogFields, logError } from '../app/errors';
import { errorCardFor } from './errors';
import { minutesConsentAnswered } from './handlers/minutes-upload';
import { invokeProtocolError, invokeResponseFor } from './invoke-response';
import { replyCard } from './outgoing';
import type { Store } from '../store/ports';
import { readScope } from '../store/read-scope';
import { baseConversationId, conversationKindOf } from './activity';
import { prefetchCardReads } from './prefetch';
import { buildTurnInfo, rememberConversation } from './turn-info';
import type { MeetingEvent, MeetingEventHandler, TurnInfo } from './types';
import { z } from 'zod';

export interface BotRoutes extends MessageRoutes {
  /** Sent when the app is installed (personal chat, group chat or team). */
  welcome: (ctx: TurnInfo) => Promise<void>;
  meetingStart?: MeetingEventHandler;
  meetingEnd?: MeetingEventHandler;
}

const cardActionSchema = z.object({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string().min(1).max(200), data: z.unknown().optional() }),
});

export class FollowUpBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: AppDeps,
    private readonly routes: BotRoutes,
  ) {
    super();
    this.onTurn(async (turn, next) => {
      // A card action comes from a card the bot posted, so its conversation is known already: the
      // reference is refreshed alongside the turn rather than before it (one round trip less).
      if (turn.activity.type === 'invoke') {
        await Promise.all([this.remember(turn), next()]);
        return;
      }
      await this.remember(turn);
      await next();
    });
    this.onMessage(async (turn, next) => {
      if (await this.firstDelivery(turn)) {
        await this.withInfo(turn, 'message', (info) => dispatchMessage(info, this.routes));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (turn, next) => {
      if (await this.firstDelivery(turn)) {
        await this.withInfo(turn, 'welcome', (info) => this.routes.welcome(info));
      }
      await next();
    });
  }

  // Overridden rather than registered: botbuilder's own parser throws on a malformed event value.
  protected override async onTeamsMeetingStart(turn: TurnContext): Promise<void> {
    await this.meetingEvent(turn, 'meeting-start', this.routes.meetingStart, meetingEventOf(turn.activity.value, 'StartTime'));
  }

  protected override async onTeamsMeetingEnd(turn: TurnContext): Promise<void> {
    await this.meetingEvent(turn, 'meeting-end', this.routes.meetingEnd, meetingEventOf(turn.activity.value, 'EndTime'));
  }

  // "referat": the user's answer to the Word file's FileConsentCard (handlers/minutes-upload.ts).
  protected override async handleTeamsFileConsent(turn: TurnContext, value: unknown): Promise<void> {
    await this.withInfo(turn, 'file-consent', (info) => minutesConsentAnswered(info, value));
  }

  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    if (turn.activity.name !== 'adaptiveCard/action') {
      // An invoke this bot has no handler for is the caller's mistake, not a server error.
      const handled = await super.onInvokeActivity(turn);
      return handled.status === 501 ? invokeProtocolError('BadRequest', t(localeOf(turn.activity.locale), 'bot.bad-action')) : handled;
    }
    const envelope = cardActionSchema.safeParse(turn.activity.value);
    const locale = localeOf(turn.activity.locale);
    if (!envelope.success) return invokeProtocolError('BadRequest', t(locale, 'bot.bad-action'));
    const { verb, data } = envelope.data.action;
    let answer: InvokeResponse = invokeProtocolError('BadRequest', t(locale, 'bot.bad-action'));
    const where = { id: baseConversationId(turn.activity.conversation.id), personal: conversationKindOf(turn.activity) === 'personal' };
    const prefetch = (store: Store) => prefetchCardReads(store, verb, data, where);
    await this.withInfo(
      turn,
      `verb:${verb}`,
      async (info) => {
        const outcome = await runVerb(info, this.routes.verbs, verb, data ?? {}, turn.activity.replyToId ?? null);
        answer =
          outcome.kind === 'unknown-verb'
            ? invokeProtocolError('UnknownVerb', t(info.locale, 'bot.unknown-verb'))
            : invokeResponseFor(outcome.kind === 'error' ? { card: outcome.card } : outcome.result);
      },
      (card) => {
        answer = invokeResponseFor({ card });
      },
      prefetch,
    );
    return answer;
  }

  /**
   * Teams redelivers a message (or an install event) it thinks went unanswered; the same activity id
   * must have one effect. If storage cannot tell, it is handled (its handler reports the storage failure).
   */
  private async firstDelivery(turn: TurnContext): Promise<boolean> {
    const { id, conversation } = turn.activity;
    if (!id || !conversation?.id) return true;
    try {
      const first = await this.deps.store.conversations.markActivity(conversation.id, id);
      if (!first) this.turnLog(turn).info({ activityId: id }, 'redelivered activity ignored');
      return first;
    } catch (e) {
      this.turnLog(turn).warn(errorLogFields(e), 'could not check for a redelivered activity');
      return true;
    }
  }

  /** Every activity: keep the reference fresh. A storage failure here must not stop the turn. */
  private async remember(turn: TurnContext): Promise<void> {
    try {
      await rememberConversation(turn, this.deps);
    } catch (e) {
      this.turnLog(turn).warn(errorLogFields(e), 'could not store the conversation reference');
    }
  }

  /**
   * Builds the turn's info and runs `fn`, with the turn's reads remembered for the turn
   * (src/store/read-scope.ts). If even building the info fails (storage down while looking up the
   * forum), the user gets the error card: as a reply, or through `onErrorCard` for invokes.
   */
  private async withInfo(
    turn: TurnContext,
    doing: string,
    fn: (info: TurnInfo) => Promise<void>,
    onErrorCard?: (card: Record<string, unknown>) => void,
    prefetch?: (store: Store) => void,
  ): Promise<void> {
    const reads = readScope(this.deps.store);
    prefetch?.(reads.store);
    try {
      let info: TurnInfo;
      try {
        info = await buildTurnInfo(turn, { ...this.deps, store: reads.store });
      } catch (e) {
        const ctx = { log: this.turnLog(turn), locale: localeOf(turn.activity.locale) as Locale };
        const card = errorCardFor(ctx, e, doing, typedBy(turn));
        if (onErrorCard) onErrorCard(card);
        else await replyCard({ turn }, card).catch((r: unknown) => logError(ctx.log, r, 'error card', { doing }));
        return;
      }
      await fn(info);
    } finally {
      reads.end();
    }
  }

  private async meetingEvent(turn: TurnContext, doing: string, handler: MeetingEventHandler | undefined, meeting: MeetingEvent | null): Promise<void> {
    if (!handler || !meeting) {
      this.turnLog(turn).info({ doing, handled: false }, 'meeting event ignored');
      return;
    }
    await this.withInfo(turn, doing, async (info) => {
      try {
        await handler(info, meeting);
      } catch (e) {
        // Nobody is waiting for an answer to an event: log it; the chat command still works.
        logError(info.log, e, 'meeting event', { doing });
      }
    });
  }

  private turnLog(turn: TurnContext) {
    const carried: unknown = turn.turnState.get(CORRELATION_ID);
    return this.deps.logger.child({ correlationId: typeof carried === 'string' ? carried : undefined, activityType: turn.activity.type });
  }
}

/** Teams' meeting event value: { Id, JoinUrl, Title, MeetingType, StartTime | EndTime }. */
function meetingEventOf(value: unknown, timeKey: 'StartTime' | 'EndTime'): MeetingEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.Id !== 'string' || !v.Id) return null;
  const time = typeof v[timeKey] === 'string' ? new Date(v[timeKey] as string) : null;
  return {
    id: v.Id,
    joinUrl: typeof v.JoinUrl === 'string' ? v.JoinUrl : null,
    title: typeof v.Title === 'string' ? v.Title : null,
    at: time && !Number.isNaN(time.getTime()) ? time.toISOString() : null,
  };
}

/** What the user typed in this activity: the message text, or a card action's input values. */
function typedBy(turn: TurnContext): string | Record<string, unknown> | undefined {
  if (turn.activity.text) return turn.activity.text;
  const value: unknown = turn.activity.value;
  const data = value && typeof value === 'object' ? (value as { action?: { data?: unknown } }).action?.data : undefined;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
