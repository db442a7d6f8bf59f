/**
 * `npx ts-node --transpile-only bench/turn-latency.bench.ts [--smoke] [--connections 50] [--duration 20] [--json out.json]`
 *
 * Turn latency of "record decision" (`adaptiveCard/action` invoke, verb `decision.save`) over real
 * HTTP against the real service, side by side with the echo bot floor (bench/echo-bot.ts), in one run.
 * Three processes, so the load generator does not share a core's event loop with what it measures:
 *   - this one: autocannon;
 *   - "backends": Azurite (in memory) and the recording fake Bot Connector;
 *   - "service": the app (createApp, local mode: no token) or the echo bot.
 *
 * What one measured request does: local-mode auth, the conversation reference stored, forum and
 * meeting read, a NEW decision with one follow-up written (decision row, follow-up + assignee index,
 * the assignee's reminder job + due index, audit entry), the item's channel card updated through the
 * fake connector (Teams' rate limiter in front), and the refreshed card returned. Every request saves
 * a different item (first save, version ''), so each one is a real write, not an idempotent repeat.
 * The items are spread over many forums (each its own tenant and channel) so that Teams' per-channel
 * limit (60 updates per 30 s) does not pace the run: that pacing is measured by bench:delivery.
 */
import { type ChildProcess, fork } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/wiring';
import { loadConfig } from '../src/config';
import { DEFAULT_REMINDER_POLICY, type Forum, type Meeting, type Member } from '../src/domain';
import { systemClock } from '../src/domain/clock';
import { t } from '../src/i18n';
import { createLogger } from '../src/logger';
import { startScheduler } from '../src/scheduler/runner';
import { startEmbeddedAzurite } from '../src/store/azurite';
import type { Store, StoredConversation } from '../src/store/ports';
import { createTableStore } from '../src/store/tables';
import { anInvoke } from '../test/support/activities';
import { startFakeConnector } from '../test/support/fake-connector';

// ---------- the bench world: many forums, one published meeting each ----------

export const BOT = { id: '28:followup-bot-bench', name: 'Opfølgning' };
export const DEPARTMENTS = ['Kultur & Fritid', 'Miljø & Teknik', 'Økonomi & Stab'];

export interface WorldShape {
  forums: number;
  items: number;
}

export const forumId = (f: number) => `bench-forum-${f}`;
export const meetingId = (f: number) => `bench-meeting-${f}`;
export const tenantId = (f: number) => `bench-tenant-${f}`;
export const channelId = (f: number) => `19:bench-channel-${f}@thread.tacv2`;
export const personalId = (userId: string) => `a:bench-${userId.replace(/^29:/, '')}`;
export const userOf = (f: number, role: 'sec' | 'chair' | 'c1' | 'c2' | 'c3') => ({
  id: `29:bench-${role}-${f}`,
  name: `${role === 'sec' ? 'Sekretær' : role === 'chair' ? 'Direktør' : 'Chef'} ${f}`,
  aadObjectId: `aad-bench-${role}-${f}`,
});

function membersOf(f: number): Member[] {
  const m = (role: 'sec' | 'chair' | 'c1' | 'c2' | 'c3', r: Member['role'], department: string | null): Member => {
    const u = userOf(f, role);
    return { userId: u.id, aadObjectId: u.aadObjectId, name: u.name, department, role: r };
  };
  return [
    m('sec', 'secretary', null),
    m('chair', 'chair', null),
    m('c1', 'member', DEPARTMENTS[0]),
    m('c2', 'member', DEPARTMENTS[1]),
    m('c3', 'member', DEPARTMENTS[2]),
  ];
}

function reference(conversationId: string, kind: 'channel' | 'personal', tenant: string, fakeUrl: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: fakeUrl,
    bot: { ...BOT },
    conversation: { id: conversationId, conversationType: kind, tenantId: tenant, ...(kind === 'channel' ? { isGroup: true } : {}) },
  };
}

function conversation(conversationId: string, kind: 'channel' | 'personal', tenant: string, userId: string | null, fakeUrl: string): StoredConversation {
  return {
    conversationId,
    kind,
    tenantId: tenant,
    userId,
    reference: reference(conversationId, kind, tenant, fakeUrl),
    updatedAt: systemClock.now().toISOString(),
  };
}

function meetingOf(f: number, items: number, itemActivityIds: Record<string, string>): Meeting {
  const now = systemClock.now();
  return {
    id: meetingId(f),
    forumId: forumId(f),
    kind: 'agenda',
    forumName: 'Ledelsesforum',
    date: now.toISOString().slice(0, 10),
    start: '09:00',
    location: 'Mødelokale 1',
    status: 'published',
    items: Array.from({ length: items }, (_, i) => ({
      number: i + 1,
      title: `Sag nummer ${i + 1} om budget og drift`,
      prefix: 'LF',
      caseNumber: `00.01.00-A00-${i + 1}-26`,
      timeSlot: null,
      closed: false,
      writtenBriefing: false,
      standing: null,
      sections: [
        { kind: 'occasion', heading: 'Anledning', body: 'Afdelingerne har bedt om en fælles drøftelse af sagen før sommerferien.' },
        { kind: 'case', heading: 'Sagsfremstilling', body: 'Sagen beskrives kort her. '.repeat(20) },
      ],
      recommendedBy: 'Direktøren',
      proposals: [],
      decision: null,
      attachments: [],
    })),
    communications: [],
    publishAt: null,
    publication: { conversationId: channelId(f), publishedAt: now.toISOString(), overviewActivityId: null, itemActivityIds },
    closedAt: null,
    summaryActivityId: null,
  };
}

/** Posts a short message through the fake Bot Connector and returns its activity id (a card to update later). */
export async function postToFake(fakeUrl: string, conversationId: string): Promise<string> {
  const res = await fetch(`${fakeUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'kort' }),
  });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`the fake connector answered ${res.status} without an id`);
  return body.id;
}

export async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** Forums (own tenant and channel), their published meeting with posted item cards, the chiefs' 1:1 chats. */
export async function seedWorld(store: Store, fakeUrl: string, shape: WorldShape): Promise<void> {
  const forums = Array.from({ length: shape.forums }, (_, f) => f);
  await inParallel(forums, 16, async (f) => {
    const forum: Forum = {
      id: forumId(f),
      tenantId: tenantId(f),
      name: `Ledelsesforum ${f}`,
      conversationId: channelId(f),
      members: membersOf(f),
      departments: [...DEPARTMENTS],
      reminderPolicy: { ...DEFAULT_REMINDER_POLICY },
      locale: 'da',
      createdAt: systemClock.now().toISOString(),
    };
    await store.forums.create(forum);
    await store.conversations.save(conversation(channelId(f), 'channel', tenantId(f), null, fakeUrl));
    for (const m of forum.members.filter((x) => x.role === 'member')) {
      await store.conversations.save(conversation(personalId(m.userId), 'personal', tenantId(f), m.userId, fakeUrl));
    }
    const ids: Record<string, string> = {};
    for (let n = 1; n <= shape.items; n++) ids[String(n)] = await postToFake(fakeUrl, channelId(f));
    await store.meetings.create(meetingOf(f, shape.items, ids));
  });
}

/** The decision form's "Gem" for slot i: forum i mod F, then the next item; one follow-up for a department. */
export function decisionInvoke(i: number, shape: WorldShape, fakeUrl: string, due: string): Record<string, unknown> {
  const f = i % shape.forums;
  const item = (Math.floor(i / shape.forums) % shape.items) + 1;
  const data = {
    forumId: forumId(f),
    meetingId: meetingId(f),
    itemNumber: String(item),
    version: '',
    owners: [`d:${DEPARTMENTS[i % 3]}`],
    suggested: [],
    newRows: 1,
    proposalNumbers: [],
    outcome: 'approved',
    outcomeText: '',
    decisionText: `Indstillingen blev godkendt uden bemærkninger (beslutning nr. ${i}).`,
    new_0_text: `Afdelingen udarbejder en handleplan (opfølgning ${i})`,
    new_0_owner: 'o0',
    new_0_due: due,
  };
  return anInvoke('decision.save', data, {
    serviceUrl: fakeUrl,
    from: userOf(f, 'sec'),
    tenantId: tenantId(f),
    conversation: 'channel',
    conversationId: channelId(f),
    id: `f:${randomUUID()}`,
  });
}

// ---------- child processes ----------

type Message = Record<string, unknown>;

export function forkTs(file: string, args: string[]): ChildProcess {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every child (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return fork(file, args, { execArgv: ['-r', 'ts-node/register/transpile-only', ...prof], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

export function request(child: ChildProcess, message: Message, timeoutMs = 600_000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no answer to ${String(message.cmd)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: Message) => {
      if (m.re !== message.cmd) return;
      done();
      if (typeof m.error === 'string') reject(new Error(m.error));
      else resolve(m);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`child exited (${code}) before answering ${String(message.cmd)}`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message);
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await request(child, { cmd: 'stop' }, 30_000).catch(() => child.kill('SIGKILL'));
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** What reached the fake connector: posts (`send`), replies in a turn, card updates, posts into 1:1 chats. */
export interface ConnectorStats {
  sends: number;
  replies: number;
  updates: number;
  personalSends: number;
  byStatus: Record<string, number>;
}

export interface Backends {
  child: ChildProcess;
  connectionString: string;
  fakeUrl: string;
  stats(): Promise<ConnectorStats>;
}

export async function startBackends(): Promise<Backends> {
  const child = forkTs(__filename, ['--role', 'backends']);
  const ready = await request(child, { cmd: 'start' });
  return {
    child,
    connectionString: String(ready.connectionString),
    fakeUrl: String(ready.fakeUrl),
    stats: async () => (await request(child, { cmd: 'stats' })).stats as ConnectorStats,
  };
}

export interface ServiceOptions extends WorldShape {
  connectionString: string;
  fakeUrl: string;
  /** Run the scheduler every this many ms (memory bench); 0 = none. */
  sweepIntervalMs?: number;
  logLevel?: string;
}

export async function startService(opts: ServiceOptions): Promise<{ child: ChildProcess; url: string; seededMs: number }> {
  const child = forkTs(__filename, ['--role', 'service']);
  const ready = await request(child, { cmd: 'start', ...opts });
  return { child, url: String(ready.url), seededMs: Number(ready.seededMs) };
}

async function serveBackends(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ dataDir: null });
  const fake = await startFakeConnector();
  process.on('message', (m: Message) => {
    if (m.cmd === 'start') process.send?.({ re: 'start', connectionString: azurite.connectionString, fakeUrl: fake.url });
    if (m.cmd === 'stats') {
      const byStatus: Record<string, number> = {};
      for (const r of fake.requests()) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      const sent = fake.sent();
      const count = (pred: (s: (typeof sent)[number]) => boolean) => sent.filter(pred).length;
      const stats: ConnectorStats = {
        sends: count((s) => s.kind === 'send'),
        replies: count((s) => s.kind === 'reply'),
        updates: count((s) => s.kind === 'update'),
        personalSends: count((s) => s.kind === 'send' && s.conversationId.startsWith('a:')),
        byStatus,
      };
      process.send?.({ re: 'stats', stats });
    }
    if (m.cmd === 'stop') {
      void Promise.all([fake.close(), azurite.stop()]).then(() => {
        process.send?.({ re: 'stop' });
        process.exit(0);
      });
    }
  });
}

/**
 * Outbound HTTP requests of this process by "host:port" and by "host:port METHOD table" (storage
 * and Bot Connector calls per turn; for storage, which tables).
 */
function countOutbound(): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  diagnostics.subscribe('http.client.request.start', (message: unknown) => {
    const req = (message as { request?: { getHeader(name: string): unknown; method?: string; path?: string } }).request;
    const host = String(req?.getHeader('host') ?? '?');
    add(host);
    const table = /^\/devstoreaccount1\/([A-Za-z0-9$]+)/.exec(req?.path ?? '')?.[1]?.replace(/^bench/, '');
    if (table) add(`${host} ${req?.method ?? '?'} ${table}`);
  });
  return counts;
}

async function serveApp(): Promise<void> {
  const outbound = countOutbound();
  process.on('message', (m: Message) => {
    if (m.cmd === 'start') {
      startApp(m as unknown as ServiceOptions).then(
        (handle) => {
          outbound.clear();
          process.on('message', (s: Message) => {
            if (s.cmd === 'stop') void handle.stop().then(() => process.exit(0));
            if (s.cmd === 'outbound') process.send?.({ re: 'outbound', outbound: Object.fromEntries(outbound) });
            if (s.cmd === 'memory') process.send?.({ re: 'memory', memory: process.memoryUsage() });
          });
          process.send?.({ re: 'start', url: handle.url, seededMs: handle.seededMs });
        },
        (e: unknown) => process.send?.({ re: 'start', error: e instanceof Error ? e.stack : String(e) }),
      );
    }
  });
}

async function startApp(opts: ServiceOptions): Promise<{ url: string; seededMs: number; stop(): Promise<void> }> {
  const logger = createLogger(opts.logLevel ?? 'info', { write: () => undefined });
  const store = await createTableStore({ connectionString: opts.connectionString }, { tablePrefix: 'bench', logger });
  const t0 = performance.now();
  await seedWorld(store, opts.fakeUrl, opts);
  const seededMs = performance.now() - t0;
  const config = loadConfig({ PORT: '0', LOG_LEVEL: opts.logLevel ?? 'info' }, { instanceId: `bench-${process.pid}` });
  const app = createApp({ store, clock: systemClock, logger, config });
  const { url } = await app.start(0);
  const scheduler = opts.sweepIntervalMs ? startScheduler(app.deps, { intervalMs: opts.sweepIntervalMs, owner: config.instanceId }) : null;
  return {
    url,
    seededMs,
    stop: async () => {
      await Promise.all([app.stop(), scheduler?.stop()]);
    },
  };
}

// ---------- autocannon ----------

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface CannonResult {
  latency: Histogram;
  requests: Histogram & { total?: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonRequest {
  setupRequest?: (req: { body?: string }) => { body?: string };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  requests: CannonRequest[];
  verifyBody?: (body: string) => boolean;
  timeout?: number;
}) => Promise<CannonResult>;
const autocannon = require('autocannon') as Autocannon;

export interface LatencyRow {
  target: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Responses that were not a card, or were the error card. */
  badBodies: number;
}

export async function cannon(target: string, url: string, connections: number, seconds: number, body: () => string): Promise<LatencyRow> {
  const errorTitle = JSON.stringify(t('da', 'card.error.title')).slice(1, -1);
  const r = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
    verifyBody: (b) => b.includes('application/vnd.microsoft.card.adaptive') && !b.includes(errorTitle),
    timeout: 30,
  });
  const total = Object.values(r.statusCodeStats ?? {}).reduce((s, x) => s + Number(x.count), 0);
  return {
    target,
    connections,
    seconds: r.duration,
    requests: total,
    rps: total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    badBodies: r.mismatches,
  };
}

// ---------- the benchmark ----------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export interface TurnLatencyResult {
  kind: 'turn-latency';
  smoke: boolean;
  rows: LatencyRow[];
  ratioP99: number;
  /** p99 of the echo bot that writes one entity before answering, over the plain echo bot's. */
  storageFloorRatioP99: number;
  decisionsStored: number;
  followUpsStored: number;
  cardUpdates: number;
  connectorStatuses: Record<string, number>;
  /** Outbound HTTP calls of the service per decision.save request, by kind; storage calls by method and table. */
  perRequest: { storage: number; connector: number; storageByTable: Record<string, number> };
  /** 1-minute load average of the machine before each measured run (shared machine: read numbers with it). */
  loadBefore: number[];
  world: WorldShape & { seededSeconds: number };
}

async function countStored(connectionString: string, shape: WorldShape): Promise<{ decisions: number; followUps: number }> {
  const store = await createTableStore({ connectionString }, { tablePrefix: 'bench' });
  let decisions = 0;
  let followUps = 0;
  await inParallel(
    Array.from({ length: shape.forums }, (_, f) => f),
    16,
    async (f) => {
      const [d, u] = await Promise.all([store.decisions.listByMeeting(meetingId(f)), store.followUps.listByMeeting(forumId(f), meetingId(f))]);
      decisions += d.length;
      followUps += u.length;
    },
  );
  return { decisions, followUps };
}

/** A few requests one at a time (JIT, connection pools), then a short autocannon run. */
async function warmUp(url: string, connections: number, seconds: number, body: () => string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
    await res.text();
  }
  await cannon('warm-up', url, connections, seconds, body);
}

function hostOf(url: string): string {
  return new URL(url).host;
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const connections = Number(arg('--connections') ?? (smoke ? 10 : 50));
  const seconds = Number(arg('--duration') ?? (smoke ? 3 : 20));
  const warmup = smoke ? 1 : 5;
  const shape: WorldShape = smoke ? { forums: 50, items: 12 } : { forums: 500, items: 24 };
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

  const backends = await startBackends();
  const rows: LatencyRow[] = [];
  const loadBefore: number[] = [];
  let result: TurnLatencyResult | null = null;
  try {
    let n = 0;
    const next = () => JSON.stringify(decisionInvoke(n++, shape, backends.fakeUrl, due));

    for (const [target, extra] of [
      ['echo bot (floor)', []],
      ['echo + 1 Azurite write', ['--storage', backends.connectionString]],
    ] as const) {
      const echo = forkTs(require.resolve('./echo-bot'), ['--port', '0', ...extra]);
      const echoUrl = await new Promise<string>((resolve, reject) => {
        echo.once('message', (m: Message) => resolve(String(m.url)));
        echo.once('exit', (code) => reject(new Error(`echo bot exited (${code})`)));
      });
      await warmUp(echoUrl, connections, warmup, next);
      loadBefore.push(loadavg()[0]);
      rows.push(await cannon(target, echoUrl, connections, seconds, next));
      echo.kill('SIGTERM');
    }

    console.log(`Seeding ${shape.forums} forums × ${shape.items} items...`);
    const service = await startService({ ...shape, connectionString: backends.connectionString, fakeUrl: backends.fakeUrl });
    n = 0;
    await warmUp(service.url, connections, warmup, next);
    const before = (await request(service.child, { cmd: 'outbound' })).outbound as Record<string, number>;
    const first = n;
    loadBefore.push(loadavg()[0]);
    const measured = await cannon('service: decision.save', service.url, connections, seconds, next);
    rows.push(measured);
    const after = (await request(service.child, { cmd: 'outbound' })).outbound as Record<string, number>;
    const sent = n - first;
    await stopChild(service.child);

    const delta = (host: string) => ((after[host] ?? 0) - (before[host] ?? 0)) / Math.max(sent, 1);
    const azuriteHost = hostOf(/TableEndpoint=([^;]+)/.exec(backends.connectionString)?.[1] ?? 'http://x');
    const stats = await backends.stats();
    const stored = await countStored(backends.connectionString, shape);
    if (n > shape.forums * shape.items) console.log(`note: ${n} requests for ${shape.forums * shape.items} items; the rest were identical resubmits`);
    result = {
      kind: 'turn-latency',
      smoke,
      rows,
      ratioP99: measured.p99 / Math.max(rows[0].p99, 1),
      storageFloorRatioP99: rows[1].p99 / Math.max(rows[0].p99, 1),
      decisionsStored: stored.decisions,
      followUpsStored: stored.followUps,
      cardUpdates: stats.updates,
      connectorStatuses: stats.byStatus,
      perRequest: {
        storage: delta(azuriteHost),
        connector: delta(hostOf(backends.fakeUrl)),
        storageByTable: Object.fromEntries(
          Object.keys(after)
            .filter((k) => k.startsWith(`${azuriteHost} `))
            .map((k) => [k.slice(azuriteHost.length + 1), Number(delta(k).toFixed(2))])
            .filter(([, v]) => Number(v) > 0)
            .sort((a, b) => Number(b[1]) - Number(a[1])),
        ),
      },
      loadBefore,
      world: { ...shape, seededSeconds: service.seededMs / 1000 },
    };
  } finally {
    await stopChild(backends.child);
  }
  printLatency(result);
  const out = arg('--json');
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
}

export function printLatency(r: TurnLatencyResult): void {
  console.log(`\nTurn latency, ${r.rows[0].connections} connections, ${r.rows[0].seconds.toFixed(0)} s each${r.smoke ? ' (smoke)' : ''}\n`);
  console.log('target                  |  req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | bad bodies');
  console.log('------------------------|--------|--------|--------|--------|--------|---------|--------|-----------');
  for (const x of r.rows) {
    console.log(
      [
        x.target.padEnd(23),
        x.rps.toFixed(0).padStart(6),
        String(x.p50).padStart(6),
        String(x.p90).padStart(6),
        String(x.p99).padStart(6),
        String(x.max).padStart(6),
        String(x.non2xx).padStart(7),
        String(x.errors).padStart(6),
        String(x.badBodies).padStart(10),
      ].join(' | '),
    );
  }
  console.log(`\np99 service / floor: ${r.ratioP99.toFixed(2)}x (target <= 1.5x); one Azurite write alone: ${r.storageFloorRatioP99.toFixed(2)}x`);
  console.log(`decisions stored: ${r.decisionsStored}, follow-ups stored: ${r.followUpsStored}, card updates at the connector: ${r.cardUpdates}`);
  console.log(`per decision.save: ${r.perRequest.storage.toFixed(1)} storage calls, ${r.perRequest.connector.toFixed(1)} Bot Connector calls`);
  console.log(
    `storage calls per request by method and table: ${Object.entries(r.perRequest.storageByTable)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`connector answers: ${JSON.stringify(r.connectorStatuses)}; load average before the runs: ${r.loadBefore.map((x) => x.toFixed(1)).join(', ')}`);
}

const role = arg('--role');
if (require.main === module) {
  // A child whose benchmark died without saying stop must not outlive it.
  if (role) process.on('disconnect', () => process.exit(0));
  const run = role === 'backends' ? serveBackends() : role === 'service' ? serveApp() : main();
  run.catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  });
}
