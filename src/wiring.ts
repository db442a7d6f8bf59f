/**
 * The composition root, above every layer: the app is a function of its dependencies (store, clock, logger, config;
 * tests add Bot Framework auth overrides). It connects the use cases (src/app) to the bot, the side panel, the
 * server, delivery and the scheduler's JobRunner; nothing global, so two apps can run in one process.
 */
import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import type { Server } from 'restify';
import { type BotAdapter as Adapter, BotAdapter, type BotAuthOverrides, createBotAuthentication } from './bot/adapter';
import { FollowUpBot } from './bot/bot';
import { commands, importAgenda } from './bot/commands';
import { createMessagesEndpoint } from './bot/endpoint';
import { fallbackCommand, welcome } from './bot/handlers/fallback';
import { meetingEvents } from './bot/meeting-events';
import { createBotMessenger } from './bot/messenger';
import { tenantPolicy } from './bot/tenant';
import { verbs } from './bot/verbs';
import type { Config } from './config';
import type { Clock } from './domain';
import type { Logger } from './logger';
import { createDelivery } from './scheduler/delivery';
import { jobRunner } from './scheduler/run-now';
import { createServer } from './server';
import type { Store } from './store/ports';
import { mountTab } from './tab/routes';
import { tabOptionsFor } from './tab/wiring';
import { CardUpdates } from './app/card-updates';
import { logError } from './app/errors';
import type { AppDeps } from './app/deps';
import { InFlight } from './app/in-flight';
import type { Messenger } from './app/messenger';

export interface CreateAppOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Default: random UUIDs. */
  newId?: () => string;
  /** Bot Framework authentication overrides (tests: offline token keys, outbound credentials). */
  botAuth?: BotAuthOverrides;
  /** Signing keys for the side panel's Teams SSO tokens (tests: local keys); default: Microsoft Entra's JWKS. */
  ssoKeys?: JWTVerifyGetKey;
  /** How long `stop()` waits for turns in flight (default 10 s). */
  drainTimeoutMs?: number;
  /** How long `stop()` then waits for background runs (publishing, closing, card updates; default 20 s: with the 10 s for turns, inside a 30 s termination grace period). */
  backgroundDrainMs?: number;
}

export interface App {
  server: Server;
  adapter: Adapter;
  bot: FollowUpBot;
  /** What services use: the bot messenger behind Teams' rate limits and retries (src/scheduler/delivery.ts). */
  messenger: Messenger;
  /** One HTTP attempt per call, no rate limiting (for the delivery wrapper and tests). */
  botMessenger: Messenger;
  deps: AppDeps;
  /** Listens on `port` (default config.port; 0 = a free port) and config.host. */
  start(port?: number): Promise<{ port: number; url: string }>;
  /** Stops accepting requests, waits for turns and then background runs in flight, closes the listener. Idempotent. */
  stop(): Promise<void>;
}

export function createApp(opts: CreateAppOptions): App {
  const { store, clock, logger, config } = opts;
  const newId = opts.newId ?? randomUUID;
  const adapter = new BotAdapter(createBotAuthentication(config, opts.botAuth));
  const botMessenger = createBotMessenger({ adapter, appId: config.bot.appId, store, clock });
  const messenger = createDelivery(botMessenger, { logger: logger.child({ component: 'delivery' }) });
  const background = new InFlight();
  const cardUpdates = new CardUpdates({ track: (work) => background.track(work), logger });
  const deps: AppDeps = { store, clock, logger, config, messenger, newId, background, cardUpdates, jobs: jobRunner(() => deps) };
  const bot = new FollowUpBot(deps, { commands, verbs, importAgenda, fallback: fallbackCommand, welcome, ...meetingEvents });
  adapter.onTurnError = async (_turn, error) => {
    logError(logger, error, 'unhandled turn');
  };
  const tenants = tenantPolicy(config);
  if (tenants.refusesAll) logger.error('No tenant may use the bot: set ALLOWED_TENANTS (or MicrosoftAppTenantId) to the tenant ids to serve');
  const inFlight = new InFlight();
  const messages = createMessagesEndpoint({ adapter, run: (turn) => bot.run(turn), tenants, logger, newId }, inFlight);
  const server = createServer({ logger, messages, ping: () => store.ping() });
  mountTab(server, deps, tabOptionsFor(config, opts.ssoKeys));
  let stopping: Promise<void> | null = null;

  return {
    server,
    adapter,
    bot,
    messenger,
    botMessenger,
    deps,
    start: (port = config.port) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, config.host, () => {
          server.server.off('error', reject);
          const address = server.address();
          const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      }),
    stop: () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections();
        const left = await inFlight.drain(opts.drainTimeoutMs ?? 10_000);
        if (left > 0) logger.warn({ turns: left }, 'stopped with turns still in flight');
        // A publication or close that does not finish in time is finished by a sweep after its lease;
        // a card update asked for by the last clicks is sent before we go (a refresh shows it anyway).
        const runs = await background.drain(opts.backgroundDrainMs ?? 20_000);
        if (runs > 0) logger.warn({ runs }, 'stopped with background runs still going; the next sweep finishes them');
        server.server.closeAllConnections();
        if (server.server.listening) await closed;
      })();
      return stopping;
    },
  };
}
