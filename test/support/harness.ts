/**
 * The whole service for end-to-end tests: the real server on a free 127.0.0.1 port, a real Azurite
 * store (own table prefix), a FixedClock and the recording fake Bot Connector. Activities go in
 * over real HTTP (`post`), and tests assert what reached the fake connector.
 *
 *   const h = await startHarness();
 *   const res = await h.post(h.aMessage('hjælp'));
 *   expect(h.fake.cards()[0]).toMatchObject(...);
 *   await h.stop();
 */
import { Writable } from 'node:stream';
import type { JWTVerifyGetKey } from 'jose';
import { type App, createApp } from '../../src/wiring';
import type { ServiceClientCredentialsFactory } from '../../src/bot/adapter';
import { type Config, loadConfig } from '../../src/config';
import { forumIdFor } from '../../src/bot/handlers/setup';
import { DEFAULT_REMINDER_POLICY, type Forum, type Member } from '../../src/domain';
import { FixedClock } from '../../src/domain/clock';
import { createLogger } from '../../src/logger';
import type { Store } from '../../src/store/ports';
import { createTableStore } from '../../src/store/tables';
import { type ActivityOpts, type Builders, bindBuilders, TEST_BOT, TEST_CHANNEL, TEST_TENANT, type TestUser, testRoster, USERS } from './activities';
import { startAzurite, uniqueTablePrefix } from './azurite';
import { type FakeConnector, type RosterMember, startFakeConnector } from './fake-connector';

export const TEST_APP_ID = '00000000-aaaa-4bbb-8ccc-0000000000b0';
export const TEST_APP_PASSWORD = 'not-a-real-secret-Vx9!';
/** What the bot's (test) credentials put on outbound calls when an app id is configured. */
export const TEST_OUTBOUND_TOKEN = 'test-outbound-token-7c1e';

export interface HarnessOptions {
  /** 'local' (default): no app id, no tokens. 'token': an app id; requests need a valid Bot Framework token. */
  auth?: 'local' | 'token';
  /** More environment variables for loadConfig (e.g. ALLOWED_TENANTS). */
  env?: Record<string, string>;
  /** Start time of the FixedClock (default Monday 2 March 2026, 09:00 in Copenhagen). */
  now?: string;
  roster?: RosterMember[];
  /** Use this Azurite (shared by a test file) instead of starting one. */
  connectionString?: string;
  logLevel?: string;
  /** Defaults every builder gets (serviceUrl is always the fake connector). */
  defaults?: ActivityOpts;
  /** Keys the side panel checks Teams SSO tokens against (test/tab/support.ts makes local ones). */
  ssoKeys?: JWTVerifyGetKey;
  /** How long stopping waits for background runs (publishing, closing); default 2 s. */
  backgroundDrainMs?: number;
  /** These tables (a restarted service on the same data); default a fresh prefix. */
  tablePrefix?: string;
  /** Share this fake connector (a restarted service posting to the same "Teams"); it is not closed on stop. */
  fake?: FakeConnector;
  /** Token mode: where the Bot Framework OpenID metadata is fetched (default: the fake connector's). */
  openIdMetadataUrl?: string;
}

export interface PostOptions {
  /** 'valid' (default in token mode): signed with the fake's key; 'forged': another key; 'none'; or a raw header value. */
  token?: 'valid' | 'forged' | 'none' | { header: string };
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON, the raw text, or null for an empty body. */
  body: unknown;
}

export interface Harness extends Builders {
  url: string;
  /** The table prefix of this service's store (for a restart on the same data). */
  tablePrefix: string;
  app: App;
  store: Store;
  clock: FixedClock;
  fake: FakeConnector;
  config: Config;
  /** POSTs the activity to /api/messages over HTTP. */
  post(activity: Record<string, unknown>, opts?: PostOptions): Promise<HttpAnswer>;
  /** POSTs raw bytes (malformed JSON, huge bodies). */
  postRaw(body: string | Buffer, headers?: Record<string, string>): Promise<HttpAnswer>;
  get(path: string): Promise<HttpAnswer>;
  /** A Bot Framework token for an activity (token mode). */
  tokenFor(activity: Record<string, unknown>, forged?: boolean): string;
  /** Every log line so far, parsed. */
  logs(): Record<string, unknown>[];
  logText(): string;
  /**
   * The invented forum of activities.ts set up in the test channel, as "opsæt" would leave it:
   * the bot added to the team (conversation reference stored) and the forum created.
   */
  seedForum(over?: Partial<Forum>): Promise<Forum>;
  /** Stops Azurite (owned one only), to see the service without storage. */
  stopStorage(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = opts.fake ?? (await startFakeConnector({ roster: opts.roster ?? testRoster() }));
  const azurite = opts.connectionString ? null : await startAzurite();
  const connectionString = opts.connectionString ?? azurite!.connectionString;
  const tablePrefix = opts.tablePrefix ?? uniqueTablePrefix();
  const store = await createTableStore({ connectionString }, { tablePrefix });
  const clock = new FixedClock(opts.now ?? '2026-03-02T08:00:00Z');
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(opts.logLevel ?? 'info', sink);
  const tokenMode = opts.auth === 'token';
  const env: Record<string, string> = {
    PORT: '0',
    ...(tokenMode
      ? { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: TEST_APP_PASSWORD, HOST: '127.0.0.1', ALLOWED_TENANTS: TEST_TENANT }
      : // the fake connector serves files (serveFile) from loopback over http
        { DOWNLOAD_HOSTS: '127.0.0.1', DOWNLOAD_ALLOW_LOOPBACK: 'true' }),
    ...(opts.env ?? {}),
  };
  const config = loadConfig(env, { instanceId: 'test' });
  const app = createApp({
    store,
    clock,
    logger,
    config,
    drainTimeoutMs: 2000,
    backgroundDrainMs: opts.backgroundDrainMs ?? 2000,
    ...(opts.ssoKeys ? { ssoKeys: opts.ssoKeys } : {}),
    ...(tokenMode
      ? { botAuth: { openIdMetadataUrl: opts.openIdMetadataUrl ?? fake.openIdMetadataUrl, credentialsFactory: testCredentials(TEST_APP_ID) } }
      : {}),
  });
  const { url } = await app.start(0);
  const builders = bindBuilders({ ...(opts.defaults ?? {}), serviceUrl: fake.url });

  const tokenFor = (activity: Record<string, unknown>, forged = false) =>
    fake.signToken({ aud: TEST_APP_ID, serviceurl: activity.serviceUrl, appid: 'bot-framework-channel' }, { forged });

  async function send(body: string | Buffer, headers: Record<string, string>): Promise<HttpAnswer> {
    // One connection per request: a kept-alive socket that the server times out while this (busy) test
    // process has not yet noticed would fail the next POST with ECONNRESET, a flake unrelated to the bot.
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, body: parse(await res.text()) };
  }

  const sendActivity = (activity: Record<string, unknown>, signed: boolean) =>
    send(JSON.stringify(activity), signed ? { authorization: `Bearer ${tokenFor(activity)}` } : {});

  return {
    ...builders,
    url,
    tablePrefix,
    app,
    store,
    clock,
    fake,
    config,
    post: (activity, o = {}) => {
      const token = o.token ?? (tokenMode ? 'valid' : 'none');
      const headers: Record<string, string> = {};
      if (token === 'valid' || token === 'forged') headers.authorization = `Bearer ${tokenFor(activity, token === 'forged')}`;
      else if (typeof token === 'object') headers.authorization = token.header;
      return send(JSON.stringify(activity), headers);
    },
    postRaw: (body, headers = {}) => send(body, headers),
    get: async (path) => {
      const res = await fetch(`${url}${path}`);
      return { status: res.status, body: parse(await res.text()) };
    },
    tokenFor,
    seedForum: async (over = {}) => {
      const added = await sendActivity(builders.aConversationUpdate(), tokenMode);
      if (added.status !== 200) throw new Error(`seedForum: adding the bot answered ${added.status}`);
      const forum = testForum(clock.now().toISOString(), over);
      await store.forums.create(forum);
      return forum;
    },
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    logText: () => lines.join('\n'),
    stopStorage: async () => {
      await azurite?.stop();
    },
    stop: async () => {
      await app.stop();
      if (!opts.fake) await fake.close();
      await azurite?.stop();
    },
  };
}

/** Director (chair), secretary and three chiefs with departments, in the test team's channel. */
export function testForum(createdAt: string, over: Partial<Forum> = {}): Forum {
  const member = (u: TestUser, role: Member['role'], department: string | null): Member => ({
    userId: u.id,
    aadObjectId: u.aadObjectId,
    name: u.name,
    department,
    role,
  });
  return {
    id: forumIdFor(TEST_TENANT, TEST_CHANNEL.id),
    tenantId: TEST_TENANT,
    name: 'Ledelsesforum Testrup',
    conversationId: TEST_CHANNEL.id,
    members: [
      member(USERS.director, 'chair', 'Direktionen'),
      member(USERS.secretary, 'secretary', null),
      member(USERS.chiefCulture, 'member', 'Kultur & Fritid'),
      member(USERS.chiefTech, 'member', 'Miljø & Teknik'),
      member(USERS.chiefFinance, 'member', 'Økonomi & Stab'),
    ],
    departments: ['Direktionen', 'Kultur & Fritid', 'Miljø & Teknik', 'Økonomi & Stab'],
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY },
    locale: 'da',
    createdAt,
    ...over,
  };
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Outbound credentials for token mode: a fixed bearer token instead of a Microsoft Entra one. */
function testCredentials(appId: string): ServiceClientCredentialsFactory {
  type Credentials = Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;
  const credentials = {
    signRequest: async (webResource: { headers: { set(name: string, value: string): void } }) => {
      webResource.headers.set('authorization', `Bearer ${TEST_OUTBOUND_TOKEN}`);
      return webResource;
    },
  } as unknown as Credentials;
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => credentials,
  } as ServiceClientCredentialsFactory;
}

export { TEST_BOT };
