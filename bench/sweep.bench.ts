/**
 * `npm run bench:sweep` (add `-- --max 1000` for a quick run): what a sweep costs with 1,000 vs 100,000
 * open follow-ups. Five follow-ups per person, one reminder job per person (the rolling chain), 100
 * forums; at the measured minute 100 people are due a reminder. In-memory Azurite (seeded with batch
 * transactions through the store's own entity layout), the real bot messenger, the recording fake
 * Bot Connector, no rate limits (that is bench:delivery). Reported per size:
 *   - an idle sweep (nothing due): time and storage requests;
 *   - the sweep that sends the 100 due reminder cards: time, per card, storage requests per card;
 *   - one in-memory pass of the reminder policy over every open follow-up (what nothing in the sweep
 *     does, but a full recomputation would cost).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_REMINDER_POLICY, FixedClock, type FollowUp, type Job } from '../src/domain';
import { localInstant } from '../src/domain/time';
import { addDays } from '../src/domain/calendar';
import { Delivery } from '../src/scheduler/delivery';
import { newJob, reminderJobId } from '../src/domain/scheduled-jobs';
import { nextReminderAfter } from '../src/domain/reminder-policy';
import { sweepOnce } from '../src/scheduler/sweep';
import { startEmbeddedAzurite } from '../src/store/azurite';
import { createTableStore } from '../src/store/tables';
import { makeTableClient } from '../src/store/tables/client';
import { dueEntry } from '../src/store/tables/due-index';
import { followUpEntity, followUpIndexEntity } from '../src/store/tables/followups';
import { jobEntity, jobIdEntity } from '../src/store/tables/jobs';
import { type Entity, Table } from '../src/store/tables/table';
import { countStorageCalls } from '../test/support/storage-calls';
import { rng, seedRows } from './seed-rows';
import { aFollowUp, aForum, aMeeting, botMessenger, depsFor, inParallel, NO_LIMITS, personalChat } from '../test/scheduler/support';
import { startFakeConnector } from '../test/support/fake-connector';

const FORUMS = 100;
const PER_PERSON = 5;
const DUE_PEOPLE = 100;
const TODAY = '2026-03-10';
const NOW = localInstant(TODAY, '08:00');

const userOf = (person: number) => `29:person-${person}`;
const forumOf = (person: number) => `forum-${person % FORUMS}`;

function followUpsOf(person: number, random: () => number): FollowUp[] {
  return Array.from({ length: PER_PERSON }, (_, k) => {
    const due = person < DUE_PEOPLE && k === 0 ? TODAY : addDays(TODAY, 8 + Math.floor(random() * 365));
    return aFollowUp(forumOf(person), `fu-${person}-${k}`, userOf(person), due, { meetingId: 'm-1' });
  });
}

function jobOf(person: number, random: () => number): Job {
  const date = person < DUE_PEOPLE ? TODAY : addDays(TODAY, 1 + Math.floor(random() * 60));
  return newJob(reminderJobId(userOf(person), date), forumOf(person), 'reminder', localInstant(date, '08:00'), { userId: userOf(person), date });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(size: number, connectionString: string, fakeUrl: Awaited<ReturnType<typeof startFakeConnector>>) {
  const prefix = `sweep${size}`;
  const store = await createTableStore({ connectionString }, { tablePrefix: prefix });
  const table = (name: string): Table => new Table(makeTableClient({ connectionString }, `${prefix}${name}`), `${prefix}${name}`);
  const t = { followups: table('followups'), byUser: table('followupsbyuser'), jobs: table('jobs'), jobids: table('jobids'), due: table('jobsdue') };
  const random = rng(size);
  const people = size / PER_PERSON;
  const seed0 = performance.now();
  const all: FollowUp[] = [];
  const rows: { table: Table; entity: Entity }[] = [];
  for (let p = 0; p < people; p++) {
    for (const f of followUpsOf(p, random)) {
      all.push(f);
      rows.push({ table: t.followups, entity: followUpEntity(f, 1) }, { table: t.byUser, entity: followUpIndexEntity(f.assignees[0], f, 1) });
    }
    const job = jobOf(p, random);
    rows.push(
      { table: t.jobs, entity: jobEntity(job, 1) },
      { table: t.jobids, entity: jobIdEntity(job) },
      { table: t.due, entity: dueEntry(job, Date.parse(job.dueAt), 1) },
    );
  }
  await seedRows(rows);
  for (let f = 0; f < FORUMS; f++) {
    await store.forums.create(aForum(`forum-${f}`));
    await store.meetings.create(aMeeting(`forum-${f}`, 'm-1', '2026-03-03'));
  }
  await inParallel(
    Array.from({ length: DUE_PEOPLE }, (_, p) => p),
    8,
    (p) => store.conversations.save(personalChat(fakeUrl, userOf(p))),
  );
  const seedS = (performance.now() - seed0) / 1000;

  const clock = new FixedClock(NOW);
  const deps = depsFor(store, clock, botMessenger(store, clock));
  const delivery = new Delivery(deps.messenger, NO_LIMITS);
  const idleMs: number[] = [];
  let idleRequests = 0;
  const calls = countStorageCalls(connectionString);
  for (let run = 0; run < 5; run++) {
    calls.reset();
    const i0 = performance.now();
    const idle = await sweepOnce(deps, { owner: 'bench', now: new Date(NOW.getTime() - 10 * 60_000), delivery });
    idleMs.push(performance.now() - i0);
    idleRequests = calls.count();
    if (idle.claimed !== 0) throw new Error('idle sweep claimed jobs');
  }
  calls.reset();
  const s0 = performance.now();
  const result = await sweepOnce(deps, { owner: 'bench', now: NOW, delivery, concurrency: 16 });
  const sweepMs = performance.now() - s0;
  calls.stop();
  if (result.sent !== DUE_PEOPLE) throw new Error(`sent ${result.sent}, expected ${DUE_PEOPLE}`);
  const perCardRequests = calls.count() / DUE_PEOPLE;

  const p0 = performance.now();
  let reminded = 0;
  for (const f of all) if (nextReminderAfter(f, NOW, DEFAULT_REMINDER_POLICY)) reminded++;
  const policyMs = performance.now() - p0;
  if (reminded !== all.length) throw new Error('policy pass: some open follow-up has no next reminder');

  return { size, people, seedS, idleMs: median(idleMs), idleRequests, sweepMs, perCardRequests, policyMs };
}

async function main(): Promise<void> {
  const maxArg = process.argv.indexOf('--max');
  const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 100_000;
  const sizes = [1_000, 100_000].filter((n) => n <= max);
  const azurite = await startEmbeddedAzurite({ dataDir: null });
  const fake = await startFakeConnector();
  const results = [];
  try {
    for (const size of sizes) {
      const r = await measure(size, azurite.connectionString, fake);
      console.log(`${size.toLocaleString('en')} open follow-ups seeded in ${r.seedS.toFixed(1)} s`);
      results.push(r);
    }
  } finally {
    await fake.close();
    await azurite.stop();
  }
  console.log(`\nSweep cost, ${DUE_PEOPLE} reminder cards due, in-memory Azurite, no rate limits\n`);
  console.log('open follow-ups | people | idle sweep ms | idle storage req | sweep ms (100 cards) | ms/card | storage req/card | policy pass ms');
  console.log('----------------|--------|---------------|------------------|----------------------|---------|------------------|---------------');
  for (const r of results) {
    console.log(
      [
        r.size.toLocaleString('en').padStart(15),
        r.people.toLocaleString('en').padStart(6),
        r.idleMs.toFixed(1).padStart(13),
        String(r.idleRequests).padStart(16),
        r.sweepMs.toFixed(0).padStart(20),
        (r.sweepMs / DUE_PEOPLE).toFixed(1).padStart(7),
        r.perCardRequests.toFixed(1).padStart(16),
        r.policyMs.toFixed(0).padStart(14),
      ].join(' | '),
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
