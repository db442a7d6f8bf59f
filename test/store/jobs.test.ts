import type { Job } from '../../src/domain';
import { makeTableClient } from '../../src/store/tables/client';
import { dueEntry } from '../../src/store/tables/due-index';
import { Table } from '../../src/store/tables/table';
import { uniqueTablePrefix, useAzurite } from '../support/azurite';
import { aJob } from './builders';

const T0 = new Date('2026-05-24T06:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe('job store and due index on Azurite', () => {
  const azurite = useAzurite();
  const dueIndex = (prefix: string): Table => new Table(makeTableClient({ connectionString: azurite.connectionString }, `${prefix}jobsdue`), 'jobsdue');
  const dueEntries = async (prefix: string): Promise<string[]> => (await dueIndex(prefix).query("PartitionKey ge 's'")).map((r) => r.entity.jobId).sort();

  it('keeps one job when the same id is scheduled twice, due at the later time only', async () => {
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix });
    await store.jobs.schedule(aJob({ dueAt: T0.toISOString() }));
    await store.jobs.schedule(aJob({ dueAt: at(10 * MIN).toISOString() }));
    expect(await store.jobs.listByForum('forum-1')).toHaveLength(1);
    expect(await store.jobs.claimDue(at(5 * MIN), { owner: 'a', leaseMs: MIN, limit: 10 })).toEqual([]);
    expect(await dueEntries(prefix)).toEqual(['job-1']);
    const [claimed] = await store.jobs.claimDue(at(10 * MIN), { owner: 'a', leaseMs: MIN, limit: 10 });
    expect(claimed.value).toMatchObject({ id: 'job-1', status: 'claimed', leaseOwner: 'a', leaseUntil: at(11 * MIN).toISOString() });
  });

  it('does not return a job that is due in the future, and returns it when its minute comes', async () => {
    const store = await azurite.newStore();
    await store.jobs.schedule(aJob({ id: 'now', dueAt: T0.toISOString() }));
    await store.jobs.schedule(aJob({ id: 'later', dueAt: at(MIN).toISOString() }));
    expect((await store.jobs.claimDue(T0, { owner: 'a', leaseMs: 5 * MIN, limit: 10 })).map((j) => j.value.id)).toEqual(['now']);
    expect((await store.jobs.claimDue(at(MIN), { owner: 'a', leaseMs: 5 * MIN, limit: 10 })).map((j) => j.value.id)).toEqual(['later']);
  });

  it('claims each of 300 due jobs exactly once among 3 concurrent claimers', async () => {
    const prefix = uniqueTablePrefix();
    const seed = await azurite.newStore({ tablePrefix: prefix });
    const ids = Array.from({ length: 300 }, (_, i) => `job-${i}`);
    for (let i = 0; i < ids.length; i += 30) {
      await Promise.all(ids.slice(i, i + 30).map((id, k) => seed.jobs.schedule(aJob({ id, dueAt: at(-(i + k) * 1000).toISOString() }))));
    }
    const instances = await Promise.all(['a', 'b', 'c'].map(() => azurite.newStore({ tablePrefix: prefix })));
    const claimedBy = await Promise.all(
      instances.map(async (store, n) => {
        const mine: string[] = [];
        for (;;) {
          const batch = await store.jobs.claimDue(T0, { owner: `instance-${n}`, leaseMs: 5 * MIN, limit: 25 });
          if (!batch.length) return mine;
          mine.push(...batch.map((j) => j.value.id));
        }
      }),
    );
    const all = claimedBy.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    const owners = new Map((await seed.jobs.listByForum('forum-1')).map((j) => [j.id, j.leaseOwner]));
    claimedBy.forEach((mine, n) => {
      for (const id of mine) expect(owners.get(id)).toBe(`instance-${n}`);
    });
  });

  it('makes a job claimable again when its lease expires, and not before', async () => {
    const store = await azurite.newStore();
    await store.jobs.schedule(aJob({ dueAt: T0.toISOString() }));
    const [first] = await store.jobs.claimDue(T0, { owner: 'crashed', leaseMs: 2 * MIN, limit: 5 });
    expect(first.value.leaseOwner).toBe('crashed');
    expect(await store.jobs.claimDue(at(MIN), { owner: 'b', leaseMs: 2 * MIN, limit: 5 })).toEqual([]);
    const [again] = await store.jobs.claimDue(at(2 * MIN), { owner: 'b', leaseMs: 2 * MIN, limit: 5 });
    expect(again.value).toMatchObject({ id: 'job-1', leaseOwner: 'b', leaseUntil: at(4 * MIN).toISOString() });
    await expect(store.jobs.update({ ...first.value, status: 'done' }, first.etag)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('takes done and cancelled jobs out of the due index', async () => {
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix });
    await store.jobs.schedule(aJob({ id: 'to-finish', dueAt: T0.toISOString() }));
    await store.jobs.schedule(aJob({ id: 'to-cancel', dueAt: at(MIN).toISOString() }));
    await store.jobs.schedule(aJob({ id: 'stays', dueAt: at(60 * MIN).toISOString() }));
    const [claimed] = await store.jobs.claimDue(T0, { owner: 'a', leaseMs: MIN, limit: 5 });
    const done: Job = { ...claimed.value, status: 'done', sentActivityId: 'activity-1' };
    await store.jobs.update(done, claimed.etag);
    await store.jobs.cancel('to-cancel');
    expect(await dueEntries(prefix)).toEqual(['stays']);
    expect(await store.jobs.claimDue(at(30 * MIN), { owner: 'b', leaseMs: MIN, limit: 5 })).toEqual([]);
    expect((await store.jobs.get('to-finish'))?.value).toEqual(done);
    expect((await store.jobs.get('to-cancel'))?.value.status).toBe('cancelled');
  });

  it('re-indexes a job rescheduled by update: due at the new time, not the old', async () => {
    const store = await azurite.newStore();
    await store.jobs.schedule(aJob({ dueAt: T0.toISOString() }));
    const [claimed] = await store.jobs.claimDue(T0, { owner: 'a', leaseMs: MIN, limit: 5 });
    const retry: Job = { ...claimed.value, status: 'pending', leaseOwner: null, leaseUntil: null, attempts: 1, dueAt: at(30 * MIN).toISOString() };
    await store.jobs.update(retry, claimed.etag);
    expect(await store.jobs.claimDue(at(10 * MIN), { owner: 'b', leaseMs: MIN, limit: 5 })).toEqual([]);
    const [again] = await store.jobs.claimDue(at(30 * MIN), { owner: 'b', leaseMs: MIN, limit: 5 });
    expect(again.value).toMatchObject({ id: 'job-1', attempts: 1, leaseOwner: 'b' });
  });

  it('claims no more than the limit per call, and the rest on the next call', async () => {
    const store = await azurite.newStore();
    for (let i = 0; i < 8; i++) await store.jobs.schedule(aJob({ id: `j${i}`, dueAt: at(-i * MIN).toISOString() }));
    const first = await store.jobs.claimDue(T0, { owner: 'a', leaseMs: MIN, limit: 3 });
    const second = await store.jobs.claimDue(T0, { owner: 'a', leaseMs: MIN, limit: 10 });
    expect(first).toHaveLength(3);
    expect([...first, ...second].map((j) => j.value.id).sort()).toEqual(['j0', 'j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7']);
  });

  it('skips and removes a due entry whose job no longer exists', async () => {
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix });
    const ghost = aJob({ id: 'ghost', dueAt: T0.toISOString() });
    await dueIndex(prefix).upsert(dueEntry(ghost, T0.getTime(), 1));
    expect(await store.jobs.claimDue(T0, { owner: 'a', leaseMs: MIN, limit: 5 })).toEqual([]);
    expect(await dueEntries(prefix)).toEqual([]);
    await expect(store.jobs.cancel('ghost')).resolves.toBeUndefined();
  });
});
