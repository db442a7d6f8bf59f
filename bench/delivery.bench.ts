/**
 * `npm run bench:delivery`: how close delivery gets to Teams' allowed rate without losing or doubling.
 * The recording fake Bot Connector enforces Teams' per-conversation limits (429 + Retry-After); our
 * rate limiter enforces those and the 50/s per-tenant limit. Three runs:
 *   A. 1,000 reminder cards to 1,000 people through the delivery layer (the tenant limit binds);
 *   B. 100 messages into one conversation (the per-conversation windows bind);
 *   C. 1,000 due reminder jobs through the whole sweep (Azurite, leases, cards, send-once).
 * Azurite runs in a process of its own (bench/azurite-process.ts): in production storage is remote
 * and does not compete with the sweep for this process's CPU.
 * "allowed" is the fastest schedule the published limits permit (the same windows on a simulated
 * clock, with zero-latency requests); "fraction" = allowed time / measured time, i.e. the share
 * of Teams' allowed rate we reach. Lost and duplicates must be 0.
 */
import { performance } from 'node:perf_hooks';
import type { Messenger } from '../src/app/messenger';
import { reminderCard } from '../src/cards/reminders';
import { FixedClock } from '../src/domain';
import { Delivery } from '../src/scheduler/delivery';
import { RateLimiter, type Ticker } from '../src/scheduler/rate-limiter';
import { reminderJob } from '../src/app/reminders';
import { sweepOnce } from '../src/scheduler/sweep';
import { createTableStore } from '../src/store/tables';
import { aFollowUp, aForum, aMeeting, botMessenger, depsFor, inParallel, personalChat, personalId, sendsPerConversation } from '../test/scheduler/support';
import { type FakeConnector, startFakeConnector } from '../test/support/fake-connector';
import { startAzuriteProcess } from './azurite-process';

/** Fastest time (ms) Teams' published windows permit for `n` sends (each answered at once), on a simulated clock. */
async function allowedMs(n: number, conversation: (i: number) => string): Promise<number> {
  let now = 0;
  const ticker: Ticker = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  const limiter = new RateLimiter({ ticker, marginMs: 0 });
  for (let i = 0; i < n; i++) (await limiter.acquire(conversation(i), 'tenant')).done();
  return now;
}

interface Row {
  run: string;
  messages: number;
  seconds: number;
  allowedSeconds: number;
  throttled: number;
  lost: number;
  duplicates: number;
}

function count(fake: FakeConnector, conversations: string[], perConversation: number): { lost: number; duplicates: number } {
  const counts = sendsPerConversation(fake);
  let lost = 0;
  let duplicates = 0;
  for (const c of conversations) {
    const got = counts.get(c) ?? 0;
    lost += Math.max(0, perConversation - got);
    duplicates += Math.max(0, got - perConversation);
  }
  return { lost, duplicates };
}

const card = (i: number) =>
  reminderCard('da', {
    jobId: `bench-${i}`,
    rows: [
      {
        forumId: 'f',
        followUpId: `fu-${i}`,
        text: `Opfølgning ${i}`,
        forumName: 'Ledelsesforum',
        meetingDate: '2026-03-03',
        itemHeading: 'Punkt 1: Budget',
        owner: 'Kultur & Fritid',
        delegated: false,
        due: null,
        daysLeft: null,
        state: 'open',
        stateDate: null,
      },
    ],
  });

async function runA(fake: FakeConnector, messenger: Messenger): Promise<Row> {
  fake.reset();
  const users = Array.from({ length: 1000 }, (_, i) => `29:bench-a-${i}`);
  const d = new Delivery(messenger);
  const t0 = performance.now();
  await inParallel(users, 64, (u) => d.send(personalChat(fake, u), { cards: [card(0)] }));
  const seconds = (performance.now() - t0) / 1000;
  const allowed = (await allowedMs(users.length, (i) => `c${i}`)) / 1000;
  const throttled = fake.requests().filter((r) => r.status === 429).length;
  return {
    run: 'A. 1,000 people, delivery layer',
    messages: users.length,
    seconds,
    allowedSeconds: allowed,
    throttled,
    ...count(fake, users.map(personalId), 1),
  };
}

async function runB(fake: FakeConnector, messenger: Messenger): Promise<Row> {
  fake.reset();
  const chat = personalChat(fake, '29:bench-b');
  const d = new Delivery(messenger);
  const t0 = performance.now();
  await inParallel(
    Array.from({ length: 100 }, (_, i) => i),
    16,
    (i) => d.send(chat, { text: `Besked ${i}` }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const allowed = (await allowedMs(100, () => 'one')) / 1000;
  const throttled = fake.requests().filter((r) => r.status === 429).length;
  return { run: 'B. 100 into one conversation', messages: 100, seconds, allowedSeconds: allowed, throttled, ...count(fake, [chat.conversationId], 100) };
}

async function runC(fake: FakeConnector, connectionString: string): Promise<Row> {
  fake.reset();
  const store = await createTableStore({ connectionString }, { tablePrefix: 'benchc' });
  const clock = new FixedClock('2026-03-09T12:00:00Z');
  const deps = depsFor(store, clock, botMessenger(store, clock));
  await store.forums.create(aForum('forum-bench'));
  await store.meetings.create(aMeeting('forum-bench', 'm-1', '2026-03-03'));
  const users = Array.from({ length: 1000 }, (_, i) => `29:bench-c-${i}`);
  await store.followUps.createMany(users.map((u, i) => aFollowUp('forum-bench', `f-${i}`, u, '2026-03-10')));
  await inParallel(users, 16, async (u) => {
    await store.conversations.save(personalChat(fake, u));
    await store.jobs.schedule(reminderJob(u, '2026-03-10', new Date('2026-03-10T07:00:00Z'), 'forum-bench'));
  });
  const t0 = performance.now();
  const result = await sweepOnce(deps, {
    owner: 'bench',
    now: new Date('2026-03-10T07:00:00Z'),
    concurrency: 32,
    batchSize: 100,
    delivery: new Delivery(deps.messenger),
  });
  const seconds = (performance.now() - t0) / 1000;
  const allowed = (await allowedMs(users.length, (i) => `c${i}`)) / 1000;
  const throttled = fake.requests().filter((r) => r.status === 429).length;
  if (result.sent !== users.length) console.log('sweep result', result);
  return {
    run: 'C. 1,000 reminders, whole sweep',
    messages: users.length,
    seconds,
    allowedSeconds: allowed,
    throttled,
    ...count(fake, users.map(personalId), 1),
  };
}

async function main(): Promise<void> {
  const fake = await startFakeConnector();
  fake.enforceRateLimits(true);
  const azurite = await startAzuriteProcess();
  const store = await createTableStore({ connectionString: azurite.connectionString }, { tablePrefix: 'bench' });
  const messenger = botMessenger(store, new FixedClock('2026-03-10T07:00:00Z'));
  const rows: Row[] = [];
  try {
    rows.push(await runA(fake, messenger));
    rows.push(await runB(fake, messenger));
    rows.push(await runC(fake, azurite.connectionString));
  } finally {
    await fake.close();
    await azurite.stop();
  }
  console.log('\nDelivery against the fake Bot Connector enforcing Teams limits\n');
  console.log('run                              | msgs | measured s | allowed s | fraction | msg/s | 429s | lost | dup');
  console.log('---------------------------------|------|------------|-----------|----------|-------|------|------|----');
  for (const r of rows) {
    const cells = [
      r.run.padEnd(32),
      String(r.messages).padStart(4),
      r.seconds.toFixed(1).padStart(10),
      r.allowedSeconds.toFixed(1).padStart(9),
      (r.allowedSeconds / r.seconds).toFixed(2).padStart(8),
      (r.messages / r.seconds).toFixed(1).padStart(5),
      String(r.throttled).padStart(4),
      String(r.lost).padStart(4),
      String(r.duplicates).padStart(3),
    ];
    console.log(cells.join(' | '));
  }
  if (rows.some((r) => r.lost > 0 || r.duplicates > 0)) {
    console.error('\nFAIL: lost or duplicate messages');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
