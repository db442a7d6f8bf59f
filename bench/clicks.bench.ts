/**
 * `npx ts-node --transpile-only bench/clicks.bench.ts [--smoke] [--clicks 100[,1000]] [--json out.json]`
 *
 * Many chiefs click "Ønsker drøftelse" / "Læst" on the agenda's item cards in ONE channel at the same
 * moment (all requests sent at once over real HTTP). Each click stores the response and answers with
 * the chief's refreshed card; the channel's overview card shows the tally and must follow. Teams lets
 * a bot update a conversation 60 times per 30 s (7 per second): the fake Bot Connector enforces those
 * windows and answers 429 with Retry-After beyond them. Measured: how long each click waits for its
 * answer (target p99 < 1 s for 100 clicks; Teams gives up after about 5 s), how many overview updates
 * were sent, the 429s Teams answered and how many updates failed for good, and whether the overview
 * ends showing every click. Also the CPU time per click of the service and of storage: latency on a
 * shared machine mostly measures the machine, CPU time does not. Default 100 clicks (also --smoke:
 * the run is short); `--clicks 1000` for scale.
 *
 * Three processes, as in bench/turn-latency.bench.ts: this one sends the clicks; "backends" runs
 * Azurite (in memory) and the fake Bot Connector; "service" runs the app (createApp, local mode).
 */
import { t } from '../src/i18n';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/wiring';
import { loadConfig } from '../src/config';
import { DEFAULT_REMINDER_POLICY, type Forum, type Meeting, type Member } from '../src/domain';
import { systemClock } from '../src/domain/clock';
import { createLogger } from '../src/logger';
import { startEmbeddedAzurite } from '../src/store/azurite';
import { createTableStore } from '../src/store/tables';
import { anInvoke } from '../test/support/activities';
import { aDraftAgenda, anItem } from '../test/support/agenda-items';
import { startFakeConnector } from '../test/support/fake-connector';
import { forkTs, postToFake, request, stopChild } from './turn-latency.bench';

const FORUM = 'clicks-forum';
const MEETING = 'clicks-meeting';
const TENANT = 'clicks-tenant';
const CHANNEL = '19:clicks-channel@thread.tacv2';
const BOT = { id: '28:followup-bot-bench', name: 'Opfølgning' };
const ITEMS = 3;
const TEAMS_GIVES_UP_MS = 5_000;

type Message = Record<string, unknown>;

const chief = (i: number) => ({ id: `29:clicks-chief-${i}`, name: `Chef ${i}`, aadObjectId: `aad-clicks-chief-${i}` });
/** Click i: chief i, on item (i mod 3) + 1; even chiefs ask for discussion, odd ones mark read. */
const clickOf = (i: number) => ({ itemNumber: (i % ITEMS) + 1, verb: i % 2 === 0 ? ('item.discuss' as const) : ('item.read' as const) });

export interface ClicksRow {
  clicks: number;
  /** One turn (an item card's refresh) on its own, median ms: the machine's floor. */
  aloneP50: number;
  /** Load average (1 min) just before the clicks. */
  loadBefore: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  /** Clicks answered with their card within Teams' 5 s. */
  inTime: number;
  /** Answers that were not a 200 with the clicked item's card. */
  badAnswers: number;
  overviewUpdates: number;
  /** 429s the fake Bot Connector answered (all requests). */
  throttled: number;
  /** Card updates given up on (after the messenger's retries). */
  failedUpdates: number;
  /** Every item's tally on the overview is right, and every click is stored. */
  talliesRight: boolean;
  /** Seconds from the first click until the overview showed the final tally. */
  overviewSeconds: number;
  /**
   * CPU time per click while the clicks were answered (the overview updates of that time included):
   * the service process, and the backends process (Azurite; the fake connector's share is tiny).
   * Unlike latency this does not depend on what else the machine runs.
   */
  serviceCpuMs: number;
  storageCpuMs: number;
  /** Storage requests per click while the clicks were answered (overview updates included). */
  storageCallsPerClick: number;
}

export interface ClicksResult {
  kind: 'clicks';
  smoke: boolean;
  rows: ClicksRow[];
  loadAverage: number;
}

// ---------- the service process ----------

function membersOf(n: number): Member[] {
  const secretary: Member = { userId: '29:clicks-sec', aadObjectId: 'aad-clicks-sec', name: 'Sekretær', department: null, role: 'secretary' };
  const chair: Member = { userId: '29:clicks-chair', aadObjectId: 'aad-clicks-chair', name: 'Direktør', department: null, role: 'chair' };
  const chiefs = Array.from({ length: n }, (_, i): Member => {
    const u = chief(i);
    return { userId: u.id, aadObjectId: u.aadObjectId, name: u.name, department: 'Kultur & Fritid', role: 'member' };
  });
  return [secretary, chair, ...chiefs];
}

function meetingOf(overviewActivityId: string, itemActivityIds: Record<string, string>): Meeting {
  const now = systemClock.now();
  const items = Array.from({ length: ITEMS }, (_, i) =>
    anItem(i + 1, `Sag nummer ${i + 1} om budget og drift`, {
      sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: 'Sagen beskrives kort her. '.repeat(10) }],
    }),
  );
  return aDraftAgenda(MEETING, FORUM, items, {
    date: now.toISOString().slice(0, 10),
    location: 'Mødelokale 1',
    status: 'published',
    publication: { conversationId: CHANNEL, publishedAt: now.toISOString(), overviewActivityId, itemActivityIds },
  });
}

async function startApp(opts: { connectionString: string; fakeUrl: string; chiefs: number }) {
  const lines = { failed: 0 };
  const sink = {
    write: (chunk: string) => {
      for (const line of String(chunk).split('\n')) if (line.includes('card update failed')) lines.failed++;
    },
  };
  const logger = createLogger('info', sink);
  const store = await createTableStore({ connectionString: opts.connectionString }, { tablePrefix: 'clicks', logger });
  const now = systemClock.now().toISOString();
  const forum: Forum = {
    id: FORUM,
    tenantId: TENANT,
    name: 'Ledelsesforum',
    conversationId: CHANNEL,
    members: membersOf(opts.chiefs),
    departments: ['Kultur & Fritid'],
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY },
    locale: 'da',
    createdAt: now,
  };
  await store.forums.create(forum);
  const reference = {
    channelId: 'msteams',
    serviceUrl: opts.fakeUrl,
    bot: { ...BOT },
    conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true },
  };
  await store.conversations.save({ conversationId: CHANNEL, kind: 'channel', tenantId: TENANT, userId: null, reference, updatedAt: now });
  const overviewId = await postToFake(opts.fakeUrl, CHANNEL);
  const items: Record<string, string> = {};
  for (let n = 1; n <= ITEMS; n++) items[String(n)] = await postToFake(opts.fakeUrl, CHANNEL);
  await store.meetings.create(meetingOf(overviewId, items));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info' }, { instanceId: `clicks-${process.pid}` });
  const app = createApp({ store, clock: systemClock, logger, config });
  const { url } = await app.start(0);
  return {
    url,
    overviewId,
    /** Waits for the card updates still asked for (shared cards), then reports. */
    settle: async () => {
      await app.deps.cardUpdates?.idle();
      const responses = await store.responses.listByMeeting(MEETING);
      return { failedUpdates: lines.failed, responses: responses.length };
    },
    stop: () => app.stop(),
  };
}

/** Storage requests this process has made (HTTP requests to Azurite). */
const storageCalls = { n: 0, host: '' };

async function serveApp(): Promise<void> {
  diagnostics.subscribe('http.client.request.start', (message: unknown) => {
    const req = (message as { request?: { getHeader(name: string): unknown } }).request;
    if (storageCalls.host && String(req?.getHeader('host') ?? '') === storageCalls.host) storageCalls.n++;
  });
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: Message) => {
    if (m.cmd !== 'start') return;
    storageCalls.host = new URL(/TableEndpoint=([^;]+)/.exec(String(m.connectionString))?.[1] ?? 'http://unknown').host;
    startApp(m as unknown as { connectionString: string; fakeUrl: string; chiefs: number }).then(
      (handle) => {
        process.on('message', (s: Message) => {
          if (s.cmd === 'settle') void handle.settle().then((r) => process.send?.({ re: 'settle', ...r }));
          if (s.cmd === 'cpu') process.send?.({ re: 'cpu', micros: cpuMicros(), storageCalls: storageCalls.n });
          if (s.cmd === 'stop') void handle.stop().then(() => process.exit(0));
        });
        process.send?.({ re: 'start', url: handle.url, overviewId: handle.overviewId });
      },
      (e: unknown) => process.send?.({ re: 'start', error: e instanceof Error ? e.stack : String(e) }),
    );
  });
}

/** CPU time this process has used (user + system), in microseconds. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

// ---------- the backends process ----------

async function serveBackends(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ dataDir: null });
  const fake = await startFakeConnector();
  fake.enforceRateLimits(true);
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: Message) => {
    if (m.cmd === 'start') process.send?.({ re: 'start', connectionString: azurite.connectionString, fakeUrl: fake.url });
    if (m.cmd === 'cpu') process.send?.({ re: 'cpu', micros: cpuMicros() });
    if (m.cmd === 'overview') {
      const id = String(m.activityId);
      const updates = fake.requests().filter((r) => r.kind === 'update' && r.activityId === id);
      process.send?.({
        re: 'overview',
        text: JSON.stringify(fake.activity(id) ?? null),
        updates: updates.filter((r) => r.status === 200).length,
        throttled: fake.requests().filter((r) => r.status === 429).length,
      });
    }
    if (m.cmd === 'stop') {
      void Promise.all([fake.close(), azurite.stop()]).then(() => {
        process.send?.({ re: 'stop' });
        process.exit(0);
      });
    }
  });
}

// ---------- the clicks ----------

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The tally line the overview shows for each item once every click is in (no "Læst" where reading is not asked for). */
function expectedTallies(clicks: number): string[] {
  const responders = clicks + 1; // the chiefs and the chair; the secretary does not respond
  return meetingOf('', {}).items.map((item) => {
    let discuss = 0;
    let read = 0;
    for (let i = 0; i < clicks; i++) {
      const c = clickOf(i);
      if (c.itemNumber !== item.number) continue;
      if (c.verb === 'item.discuss') discuss++;
      else read++;
    }
    const key = item.writtenBriefing ? 'card.overview.tally' : 'card.overview.tallyNoRead';
    return t('da', key, { comments: 0, discussion: discuss, read, members: responders });
  });
}

async function click(url: string, fakeUrl: string, i: number): Promise<{ ms: number; ok: boolean }> {
  const c = clickOf(i);
  const value: Record<string, string> = c.verb === 'item.discuss' ? { wantsDiscussion: 'true' } : { read: 'true' };
  return invoke(url, fakeUrl, c.verb, c.itemNumber, value, chief(i));
}

/** The item's card refreshed (Teams' automatic refresh): a turn like a click, changing nothing. */
function refresh(url: string, fakeUrl: string, i: number): Promise<{ ms: number; ok: boolean }> {
  return invoke(url, fakeUrl, 'refresh', (i % ITEMS) + 1, { view: 'item' }, chief(i));
}

async function invoke(
  url: string,
  fakeUrl: string,
  verb: string,
  itemNumber: number,
  value: Record<string, string>,
  from: ReturnType<typeof chief>,
): Promise<{ ms: number; ok: boolean }> {
  const activity = anInvoke(
    verb,
    { forumId: FORUM, meetingId: MEETING, itemNumber: String(itemNumber), ...value },
    {
      serviceUrl: fakeUrl,
      from,
      tenantId: TENANT,
      conversation: 'channel',
      conversationId: CHANNEL,
      id: `f:${randomUUID()}`,
    },
  );
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    const ms = performance.now() - t0;
    const ok = res.status === 200 && text.includes('application/vnd.microsoft.card.adaptive') && text.includes(`Sag nummer ${itemNumber} `);
    if (!ok) errors.add(`${res.status} ${text.slice(0, 120)}`);
    return { ms, ok };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    errors.add(`${String(e)}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
    return { ms: performance.now() - t0, ok: false };
  }
}

/** Distinct failures seen by the clicks (printed once). */
const errors = new Set<string>();

async function runClicks(clicks: number): Promise<ClicksRow> {
  const backends = forkTs(__filename, ['--role', 'backends']);
  let service: ChildProcess | null = null;
  try {
    const b = await request(backends, { cmd: 'start' });
    const fakeUrl = String(b.fakeUrl);
    service = forkTs(__filename, ['--role', 'service']);
    const s = await request(service, { cmd: 'start', connectionString: b.connectionString, fakeUrl, chiefs: clicks });
    const url = String(s.url);
    const overviewId = String(s.overviewId);
    const want = expectedTallies(clicks);
    // Warm-up, then one turn at a time: what a click costs on this machine when nothing else runs.
    for (let i = 0; i < 20; i++) await refresh(url, fakeUrl, i);
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) alone.push((await refresh(url, fakeUrl, i)).ms);
    alone.sort((x, y) => x - y);
    const loadBefore = loadavg()[0];
    const cpu = async () => Promise.all([service!, backends].map((c) => request(c, { cmd: 'cpu' })));
    const cpuBefore = await cpu();
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: clicks }, (_, i) => click(url, fakeUrl, i)));
    const seconds = (performance.now() - t0) / 1000;
    const cpuAfter = await cpu();
    const [serviceCpuMs, storageCpuMs] = cpuAfter.map((x, k) => (Number(x.micros) - Number(cpuBefore[k].micros)) / 1000 / clicks);
    const storageCallsPerClick = (Number(cpuAfter[0].storageCalls) - Number(cpuBefore[0].storageCalls)) / clicks;
    // Poll the overview until it shows every click (or the service has nothing left to send).
    let overviewSeconds = Number.NaN;
    const settled = request(service, { cmd: 'settle' });
    let done = false;
    void settled.then(
      () => (done = true),
      () => (done = true),
    );
    for (;;) {
      const o = await request(backends, { cmd: 'overview', activityId: overviewId });
      if (want.every((w) => String(o.text).includes(w))) {
        overviewSeconds = (performance.now() - t0) / 1000;
        break;
      }
      if (done) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = await settled;
    const o = await request(backends, { cmd: 'overview', activityId: overviewId });
    const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
    return {
      clicks,
      aloneP50: percentile(alone, 50),
      loadBefore,
      seconds,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: ms[ms.length - 1],
      inTime: answers.filter((a) => a.ok && a.ms < TEAMS_GIVES_UP_MS).length,
      badAnswers: answers.filter((a) => !a.ok).length,
      overviewUpdates: Number(o.updates),
      throttled: Number(o.throttled),
      failedUpdates: Number(after.failedUpdates),
      talliesRight: want.every((w) => String(o.text).includes(w)) && Number(after.responses) === clicks,
      overviewSeconds,
      serviceCpuMs,
      storageCpuMs,
      storageCallsPerClick,
    };
  } finally {
    if (service) await stopChild(service);
    await stopChild(backends);
  }
}

function printRows(rows: ClicksRow[]): void {
  console.log('\nConcurrent clicks in one channel (fake Bot Connector enforcing Teams limits: 7/1 s, 8/2 s, 60/30 s per conversation)\n');
  console.log(
    'clicks | one alone ms | load | answered in s | p50 ms | p99 ms | max ms | within 5 s | bad answers | overview updates | 429s | failed updates | tally right | overview final after s | CPU/click service ms | CPU/click storage ms | storage calls/click',
  );
  console.log(
    '-------|--------------|------|---------------|--------|--------|--------|------------|-------------|------------------|------|----------------|-------------|-----------------------|----------------------|----------------------|--------------------',
  );
  for (const r of rows) {
    const cells = [
      String(r.clicks).padStart(6),
      r.aloneP50.toFixed(0).padStart(12),
      r.loadBefore.toFixed(1).padStart(4),
      r.seconds.toFixed(2).padStart(13),
      r.p50.toFixed(0).padStart(6),
      r.p99.toFixed(0).padStart(6),
      r.max.toFixed(0).padStart(6),
      `${r.inTime}/${r.clicks}`.padStart(10),
      String(r.badAnswers).padStart(11),
      String(r.overviewUpdates).padStart(16),
      String(r.throttled).padStart(4),
      String(r.failedUpdates).padStart(14),
      (r.talliesRight ? 'yes' : 'NO').padStart(11),
      (Number.isNaN(r.overviewSeconds) ? 'never' : r.overviewSeconds.toFixed(2)).padStart(21),
      r.serviceCpuMs.toFixed(1).padStart(20),
      r.storageCpuMs.toFixed(1).padStart(20),
      r.storageCallsPerClick.toFixed(1).padStart(19),
    ];
    console.log(cells.join(' | '));
  }
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const jsonAt = process.argv.indexOf('--json');
  const clicksAt = process.argv.indexOf('--clicks');
  const sizes = clicksAt > 0 ? process.argv[clicksAt + 1].split(',').map(Number) : [100];
  const rows: ClicksRow[] = [];
  for (const n of sizes) {
    rows.push(await runClicks(n));
    if (sizes.length > 1) printRows(rows.slice(-1)); // each as it ends: a long run shows progress
  }
  if (errors.size > 0) console.log(`\nfailed answers: ${[...errors].slice(0, 5).join('; ')}`);
  printRows(rows);
  const result: ClicksResult = { kind: 'clicks', smoke, rows, loadAverage: loadavg()[0] };
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(result, null, 2));
  const target = rows[0];
  console.log(
    `\n${target.clicks} clicks: p99 ${target.p99.toFixed(0)} ms (target < 1000 ms for 100), ${target.overviewUpdates} overview updates, ${target.throttled} 429s, ${target.failedUpdates} failed updates, tallies ${target.talliesRight ? 'right' : 'WRONG'}; ` +
      `CPU per click ${target.serviceCpuMs.toFixed(1)} ms service + ${target.storageCpuMs.toFixed(1)} ms storage, ${target.storageCallsPerClick.toFixed(1)} storage calls (all ${target.clicks} on idle cores: about ${((Math.max(target.serviceCpuMs, target.storageCpuMs) * target.clicks) / 1000).toFixed(1)} s)`,
  );
  if (rows.some((r) => !r.talliesRight || r.badAnswers > 0 || r.failedUpdates > 0)) {
    console.error('\nFAIL: a wrong tally, a bad answer or a card update given up on');
    process.exitCode = 1;
  }
}

const role = process.argv.includes('--role') ? process.argv[process.argv.indexOf('--role') + 1] : null;
const entry = require.main !== module ? null : role === 'service' ? serveApp : role === 'backends' ? serveBackends : main;
entry?.().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
