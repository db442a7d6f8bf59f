/**
 * `npx ts-node --transpile-only bench/memory.bench.ts [--smoke] [--minutes 10] [--rate 10] [--json out.json]`
 *
 * Service memory under mixed load: the real service (its own process, scheduler sweeping every
 * second) gets chat messages, card actions and reminder sweeps for `--minutes` (default 10; smoke
 * 30 s) at a steady `--rate` requests per second. The service's RSS (from /proc) and V8 heap are
 * sampled every second; after a warm-up (the first fifth) a least-squares line through the samples
 * gives the growth trend in MB per minute. Azurite and the fake Bot Connector run in another process,
 * so the stored data growing is not counted as service memory.
 *
 * The mix: 40% chat commands from chiefs and secretaries in 1:1 chat ("hjælp", "mine opgaver",
 * "frister", "dagsorden"); 30% "record decision" (each a new decision with one follow-up due today,
 * until every item is decided, then identical resubmits); 30% chiefs marking items read or commenting
 * in the channel. Every 2 s ten chiefs get a reminder job due now, which the service's own scheduler
 * claims and sends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/domain/clock';
import { reminderJob } from '../src/app/reminders';
import { createTableStore } from '../src/store/tables';
import { aMessage, anInvoke } from '../test/support/activities';
import {
  channelId,
  decisionInvoke,
  forumId,
  meetingId,
  personalId,
  request,
  startBackends,
  startService,
  stopChild,
  tenantId,
  userOf,
  type WorldShape,
} from './turn-latency.bench';

export interface MemoryResult {
  kind: 'memory';
  smoke: boolean;
  seconds: number;
  rate: number;
  requests: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  remindersSent: number;
  replies: number;
  rssStartMb: number;
  rssEndMb: number;
  rssMaxMb: number;
  /** Least-squares slope after the warm-up, MB per minute. */
  rssSlopeMbPerMin: number;
  heapSlopeMbPerMin: number;
  rssR2: number;
  samples: number;
  loadAverage: number;
}

const MB = 1024 * 1024;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return (kb * 1024) / MB;
}

/** Least squares y = a + b·x; returns slope b and R². */
export function regression(xs: number[], ys: number[]): { slope: number; r2: number } {
  const n = xs.length;
  if (n < 2) return { slope: 0, r2: 0 };
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, r2: sxx === 0 || syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length];
}

const COMMANDS = ['hjælp', 'mine opgaver', 'frister', 'dagsorden'];
const CHIEFS = ['c1', 'c2', 'c3'] as const;

/** The i-th request of the mix. */
function mixed(i: number, shape: WorldShape, fakeUrl: string, today: string, decisions: { n: number }): Record<string, unknown> {
  const f = (i * 7) % shape.forums;
  const slot = i % 10;
  if (slot < 4) {
    const who = slot === 0 ? userOf(f, 'sec') : userOf(f, pick(CHIEFS, i));
    return aMessage(pick(COMMANDS, i >> 2), { serviceUrl: fakeUrl, from: who, tenantId: tenantId(f), conversationId: personalId(who.id) });
  }
  if (slot < 7) return decisionInvoke(decisions.n++, shape, fakeUrl, today);
  const chief = userOf(f, pick(CHIEFS, i));
  const where = { serviceUrl: fakeUrl, from: chief, tenantId: tenantId(f), conversation: 'channel' as const, conversationId: channelId(f) };
  const item = { forumId: forumId(f), meetingId: meetingId(f), itemNumber: String((i % shape.items) + 1) };
  return slot === 7
    ? anInvoke('item.read', { ...item, read: i % 20 < 10 ? 'true' : 'false' }, where)
    : anInvoke('item.comment', { ...item, comment: `Kommentar ${i % 50} til punktet.` }, where);
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const seconds = smoke ? 30 : Number(arg('--minutes') ?? 10) * 60;
  const rate = Number(arg('--rate') ?? 10);
  const shape: WorldShape = { forums: 20, items: 24 };
  const today = systemClock.now().toISOString().slice(0, 10);

  const backends = await startBackends();
  const service = await startService({ ...shape, connectionString: backends.connectionString, fakeUrl: backends.fakeUrl, sweepIntervalMs: 1000 });
  const store = await createTableStore({ connectionString: backends.connectionString }, { tablePrefix: 'bench' });
  const pid = service.child.pid!;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const samples: { t: number; rss: number; heap: number }[] = [];
  const decisions = { n: 0 };
  let sent = 0;
  let inFlight = 0;
  let result: MemoryResult | null = null;
  const load = loadavg()[0];
  try {
    const t0 = performance.now();
    const post = async (activity: Record<string, unknown>) => {
      inFlight++;
      const s = performance.now();
      try {
        const res = await fetch(`${service.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await res.text();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
      } finally {
        latencies.push(performance.now() - s);
        inFlight--;
      }
    };
    const sampler = setInterval(() => {
      void request(service.child, { cmd: 'memory' }, 5000).then(
        (m) => samples.push({ t: (performance.now() - t0) / 1000, rss: rssOf(pid), heap: (m.memory as { heapUsed: number }).heapUsed / MB }),
        () => undefined,
      );
    }, 1000);
    let reminderRound = 0;
    const reminders = setInterval(() => {
      const round = reminderRound++;
      for (let k = 0; k < 10; k++) {
        const f = (round * 10 + k) % shape.forums;
        const chief = userOf(f, pick(CHIEFS, round + k));
        void store.jobs.schedule(reminderJob(chief.id, today, systemClock.now(), forumId(f))).catch(() => undefined);
      }
    }, 2000);
    for (let i = 0; performance.now() - t0 < seconds * 1000; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= 100) {
        statuses.skipped = (statuses.skipped ?? 0) + 1;
        continue;
      }
      sent++;
      void post(mixed(i, shape, backends.fakeUrl, today, decisions));
    }
    clearInterval(reminders);
    clearInterval(sampler);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    const connector = await backends.stats();
    const warm = samples.filter((s) => s.t >= seconds / 5);
    const rss = regression(
      warm.map((s) => s.t / 60),
      warm.map((s) => s.rss),
    );
    const heap = regression(
      warm.map((s) => s.t / 60),
      warm.map((s) => s.heap),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    result = {
      kind: 'memory',
      smoke,
      seconds,
      rate,
      requests: sent,
      statuses,
      p50Ms: sorted[Math.floor(sorted.length * 0.5)] ?? 0,
      p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      remindersSent: connector.personalSends,
      replies: connector.replies,
      rssStartMb: warm[0]?.rss ?? 0,
      rssEndMb: warm[warm.length - 1]?.rss ?? 0,
      rssMaxMb: Math.max(...samples.map((s) => s.rss)),
      rssSlopeMbPerMin: rss.slope,
      heapSlopeMbPerMin: heap.slope,
      rssR2: rss.r2,
      samples: samples.length,
      loadAverage: load,
    };
  } finally {
    await stopChild(service.child);
    await stopChild(backends.child);
  }
  printMemory(result);
  const out = arg('--json');
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
}

export function printMemory(r: MemoryResult): void {
  console.log(`\nService memory under mixed load: ${r.seconds} s at ${r.rate} req/s${r.smoke ? ' (smoke)' : ''}\n`);
  console.log(`requests: ${r.requests} ${JSON.stringify(r.statuses)}, latency p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms`);
  console.log(`at the connector: ${r.replies} replies, ${r.remindersSent} reminder cards posted into 1:1 chats`);
  console.log(`RSS after warm-up: ${r.rssStartMb.toFixed(1)} MB → ${r.rssEndMb.toFixed(1)} MB (max ${r.rssMaxMb.toFixed(1)} MB), ${r.samples} samples`);
  console.log(
    `trend: RSS ${r.rssSlopeMbPerMin >= 0 ? '+' : ''}${r.rssSlopeMbPerMin.toFixed(3)} MB/min (R² ${r.rssR2.toFixed(2)}), V8 heap ${r.heapSlopeMbPerMin >= 0 ? '+' : ''}${r.heapSlopeMbPerMin.toFixed(3)} MB/min`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  });
}
