/**
 * Delivery that holds: several instances, throttling and faults, crashes mid-sweep, unreachable users.
 * Azurite + the real bot messenger + the recording fake Bot Connector over HTTP; the clock is fixed.
 */
import type { AppDeps } from '../../src/app/deps';
import { FixedClock, type Job } from '../../src/domain';
import { ReadCache } from '../../src/app/read-cache';
import { JobRun } from '../../src/scheduler/job-run';
import { reminderJobId } from '../../src/domain/scheduled-jobs';
import { reminderJob } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import type { Store } from '../../src/store/ports';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import {
  aFollowUp,
  aForum,
  aMeeting,
  botMessenger,
  channelChat,
  delivery,
  depsFor,
  inParallel,
  personalChat,
  personalId,
  SECRETARY,
  sendsPerConversation,
} from './support';

const az = useAzurite();
const fake = useFakeConnector();

const FORUM = 'forum-d';
const DUE = '2026-03-10';
const AT_0800 = '2026-03-10T07:00:00.000Z';

/** `n` chiefs, each with one follow-up due DUE, a stored 1:1 chat, and a reminder job due at 08:00. */
async function seed(n: number): Promise<{ store: Store; deps: AppDeps; users: string[] }> {
  fake.reset();
  const store = await az.newStore();
  const clock = new FixedClock('2026-03-09T12:00:00Z');
  const deps = depsFor(store, clock, botMessenger(store, clock));
  const forum = aForum(FORUM);
  await store.forums.create(forum);
  await store.meetings.create(aMeeting(FORUM, 'm-1', '2026-03-03'));
  await store.conversations.save(personalChat(fake, SECRETARY.userId));
  await store.conversations.save(channelChat(fake, forum));
  const users = Array.from({ length: n }, (_, i) => `29:load-${i}`);
  await store.followUps.createMany(users.map((u, i) => aFollowUp(FORUM, `f-${i}`, u, DUE)));
  await inParallel(users, 16, async (u) => {
    await store.conversations.save(personalChat(fake, u));
    await store.jobs.schedule(reminderJob(u, DUE, new Date(AT_0800), FORUM));
  });
  return { store, deps, users };
}

function expectEachExactlyOnce(users: string[]): void {
  const counts = sendsPerConversation(fake);
  const wrong = users.filter((u) => counts.get(personalId(u)) !== 1);
  expect(wrong).toEqual([]);
  expect(fake.sent().filter((s) => s.kind !== 'update')).toHaveLength(users.length);
}

const now = new Date(AT_0800);

describe('exactly once under concurrency and faults', () => {
  it('three instances sweeping one storage send each of 1,000 reminders exactly once', async () => {
    const { deps, users } = await seed(1000);
    const results = await Promise.all(
      ['instance-a', 'instance-b', 'instance-c'].map((owner) => sweepOnce(deps, { owner, now, delivery: delivery(deps.messenger), batchSize: 25 })),
    );
    expectEachExactlyOnce(users);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1000);
    expect(results.filter((r) => r.sent > 0).length).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('gets every message through exactly once when Teams answers 429 with Retry-After and random 500s', async () => {
    const { deps, users } = await seed(120);
    let seed32 = 42;
    const random = () => {
      seed32 = (seed32 * 1103515245 + 12345) % 2 ** 31;
      return seed32 / 2 ** 31;
    };
    const isSend = (r: { kind: string }) => r.kind === 'send' || r.kind === 'reply';
    fake.failNext(6, 429, { headers: { 'Retry-After': '1' }, match: (r) => isSend(r) && random() < 0.1 });
    fake.failNext(30, 500, { match: (r) => isSend(r) && random() < 0.3 });
    fake.failNext(5, 503, { match: isSend });
    const d = delivery(deps.messenger, { limits: { perConversation: [], global: [] }, baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 8, random });
    // Sweep as the service would, a minute apart, until nothing is left (a job out of attempts waits a minute).
    let sent = 0;
    let deferred = 0;
    for (let minute = 0; minute < 10; minute++) {
      const result = await sweepOnce(deps, { owner: 'instance-a', now: new Date(now.getTime() + minute * 60_000), delivery: d });
      expect(result.failed).toBe(0);
      sent += result.sent;
      deferred += result.deferred;
      if (result.claimed === 0) break;
    }
    expectEachExactlyOnce(users);
    expect(sent).toBe(120);
    expect(d.stats.throttled).toBeGreaterThan(0);
    const failures = fake.requests().filter((r) => r.status >= 400);
    expect(failures.length).toBeGreaterThan(20);
    // Every failed request was retried at once, or its job put back for the next sweep.
    expect(d.stats.retries + deferred).toBe(failures.length);
    // Retry-After: 1 s was honoured (never shortened) for each 429.
    expect(d.stats.waitedMs).toBeGreaterThanOrEqual(1000 * d.stats.throttled);
  });

  it('puts a job back for a later sweep when Teams keeps failing, and sends it once it recovers', async () => {
    const { store, deps, users } = await seed(1);
    fake.failNext(3, 502);
    const d = delivery(deps.messenger, { limits: { perConversation: [], global: [] }, baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 });
    const first = await sweepOnce(deps, { owner: 'a', now, delivery: d });
    expect(first).toMatchObject({ sent: 0, deferred: 1, failed: 0 });
    const job = (await store.jobs.get(reminderJobId(users[0], DUE)))!.value;
    expect(job).toMatchObject({ status: 'pending', attempts: 1, dueAt: '2026-03-10T07:01:00.000Z' });
    const second = await sweepOnce(deps, { owner: 'a', now: new Date('2026-03-10T07:01:00Z'), delivery: d });
    expect(second).toMatchObject({ sent: 1 });
    expectEachExactlyOnce(users);
  });
});

describe('a process killed mid-sweep', () => {
  const LEASE = 60_000;

  it('loses nothing: jobs claimed by a dead instance are sent by another after the lease expires', async () => {
    const { store, deps, users } = await seed(40);
    const abandoned = await store.jobs.claimDue(now, { owner: 'killed', leaseMs: LEASE, limit: 15 });
    expect(abandoned).toHaveLength(15);

    const during = await sweepOnce(deps, { owner: 'survivor', now: new Date(now.getTime() + 30_000), delivery: delivery(deps.messenger), leaseMs: LEASE });
    expect(during.sent).toBe(25);
    const after = await sweepOnce(deps, { owner: 'survivor', now: new Date(now.getTime() + LEASE + 1000), delivery: delivery(deps.messenger), leaseMs: LEASE });
    expect(after.sent).toBe(15);
    expectEachExactlyOnce(users);
  });

  it('doubles nothing: a job whose send was recorded before the crash is completed without resending', async () => {
    const { store, deps, users } = await seed(10);
    const claimed = await store.jobs.claimDue(now, { owner: 'killed', leaseMs: LEASE, limit: 10 });
    const d = delivery(deps.messenger);
    // The dying instance sends and records the activity id of 6 jobs, then dies before acknowledging them.
    for (const job of claimed.slice(0, 6)) {
      const run = new JobRun(deps, job, d, new ReadCache(deps), deps.logger, { leaseMs: LEASE, minLeaseLeftMs: 1000, now: () => now });
      await run.sendOnce(personalChat(fake, String(job.value.payload.userId)), { text: 'Påmindelse' });
    }
    expect(fake.sent()).toHaveLength(6);
    const recorded = await Promise.all(claimed.map(async (j) => (await store.jobs.get(j.value.id))!.value));
    expect(recorded.filter((j: Job) => j.sentActivityId && j.status === 'claimed')).toHaveLength(6);

    const result = await sweepOnce(deps, { owner: 'survivor', now: new Date(now.getTime() + LEASE + 1000), delivery: d, leaseMs: LEASE });
    expect(result).toMatchObject({ claimed: 10, recovered: 6, sent: 4 });
    expectEachExactlyOnce(users);
    const jobs = await Promise.all(users.map(async (u) => (await store.jobs.get(reminderJobId(u, DUE)))!.value.status));
    expect(new Set(jobs)).toEqual(new Set(['done']));
  });

  it('resends a message whose send was never recorded (the one at-least-once window, documented)', async () => {
    const { store, deps, users } = await seed(1);
    const [job] = await store.jobs.claimDue(now, { owner: 'killed', leaseMs: LEASE, limit: 1 });
    // The dying instance got its message out but died before recording the activity id.
    await deps.messenger.send(personalChat(fake, users[0]), { text: 'sent, then the process died' });
    expect(job.value.sentActivityId).toBeNull();
    await sweepOnce(deps, { owner: 'survivor', now: new Date(now.getTime() + LEASE + 1000), delivery: delivery(deps.messenger), leaseMs: LEASE });
    expect(sendsPerConversation(fake).get(personalId(users[0]))).toBe(2);
  });
});

describe('recipients the bot cannot reach', () => {
  it('marks the follow-up undeliverable on 403 and tells the secretary, without content', async () => {
    const { store, deps, users } = await seed(3);
    const gone = users[1];
    fake.failNext(1, 403, { match: (r) => r.conversationId === personalId(gone) });
    const result = await sweepOnce(deps, { owner: 'a', now, delivery: delivery(deps.messenger) });
    expect(result).toMatchObject({ sent: 3, failed: 1 });
    const f = (await store.followUps.get(FORUM, 'f-1'))!.value;
    expect(f.reminders?.undeliverable).toEqual([{ userId: gone, status: 403, at: AT_0800 }]);
    const [notice] = fake.texts(personalId(SECRETARY.userId));
    expect(notice).toContain('Jeg kan ikke nå');
    expect(notice).toContain('punkt 1 (3. marts 2026)');
    expect(notice).not.toContain('cykelstier');
    expect((await store.jobs.get(reminderJobId(gone, DUE)))!.value).toMatchObject({ status: 'failed' });
    // The gone user is not tried again; the others' follow-ups still are.
    fake.reset();
    await sweepOnce(deps, { owner: 'a', now: new Date('2026-03-13T07:00:00Z'), delivery: delivery(deps.messenger) });
    expect(sendsPerConversation(fake).get(personalId(gone))).toBeUndefined();
    expect(sendsPerConversation(fake).get(personalId(users[0]))).toBe(1);
  });

  it('posts the notice in the forum channel when the secretary cannot be reached either', async () => {
    const { store, deps, users } = await seed(1);
    fake.failNext(1, 404, { match: (r) => r.conversationId === personalId(users[0]) });
    fake.failNext(1, 403, { match: (r) => r.conversationId === personalId(SECRETARY.userId) });
    await sweepOnce(deps, { owner: 'a', now, delivery: delivery(deps.messenger) });
    const forum = (await store.forums.get(FORUM))!.value;
    expect(fake.texts(forum.conversationId)).toEqual([expect.stringContaining('Jeg kan ikke nå')]);
  });
});
