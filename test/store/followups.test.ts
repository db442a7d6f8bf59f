import { makeTableClient } from '../../src/store/tables/client';
import { keyPart } from '../../src/store/tables/keys';
import { Table } from '../../src/store/tables/table';
import { uniqueTablePrefix, useAzurite } from '../support/azurite';
import { aFollowUp } from './builders';

describe('follow-up store on Azurite', () => {
  const azurite = useAzurite();

  it('creates a meeting’s follow-ups together and lists them by forum and by meeting', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([aFollowUp({ id: 'a' }), aFollowUp({ id: 'b', meetingId: 'meeting-2' }), aFollowUp({ id: 'c', forumId: 'forum-2' })]);
    expect((await store.followUps.listByForum('forum-1')).map((f) => f.id).sort()).toEqual(['a', 'b']);
    expect((await store.followUps.listByMeeting('forum-1', 'meeting-2')).map((f) => f.id)).toEqual(['b']);
    expect((await store.followUps.get('forum-2', 'c'))?.value).toEqual(aFollowUp({ id: 'c', forumId: 'forum-2' }));
  });

  it('creates none of a meeting’s follow-ups if one of them already exists', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([aFollowUp({ id: 'exists' })]);
    await expect(store.followUps.createMany([aFollowUp({ id: 'new-1' }), aFollowUp({ id: 'exists' })])).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.followUps.listByForum('forum-1')).map((f) => f.id)).toEqual(['exists']);
  });

  it('creates none of 250 follow-ups (more than one transaction) if the last one already exists', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([aFollowUp({ id: 'n249' })]);
    const many = Array.from({ length: 250 }, (_, i) => aFollowUp({ id: `n${String(i).padStart(3, '0')}` }));
    await expect(store.followUps.createMany(many)).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.followUps.listByForum('forum-1')).map((f) => f.id)).toEqual(['n249']);
    expect((await store.followUps.listOpenByAssignee('29:chief-a')).map((f) => f.id)).toEqual(['n249']);
  });

  it('lists a member’s open follow-ups across forums, as assignee or delegate', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([
      aFollowUp({ id: 'mine', assignees: ['29:chief-a'] }),
      aFollowUp({ id: 'delegated', assignees: ['29:chief-b'], delegateUserId: '29:chief-a' }),
      aFollowUp({ id: 'suggested', status: 'suggested' }),
      aFollowUp({ id: 'theirs', assignees: ['29:chief-b'] }),
    ]);
    await store.followUps.createMany([aFollowUp({ id: 'elsewhere', forumId: 'forum-2' })]);
    expect((await store.followUps.listOpenByAssignee('29:chief-a')).map((f) => f.id).sort()).toEqual(['delegated', 'elsewhere', 'mine']);
  });

  it('drops a follow-up from the open list when it is done, and moves it when reassigned', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([aFollowUp({ id: 'x' }), aFollowUp({ id: 'y' })]);
    const x = await store.followUps.get('forum-1', 'x');
    await store.followUps.update({ ...x!.value, status: 'done' }, x!.etag);
    const y = await store.followUps.get('forum-1', 'y');
    await store.followUps.update({ ...y!.value, assignees: ['29:chief-b'] }, y!.etag);
    expect(await store.followUps.listOpenByAssignee('29:chief-a')).toEqual([]);
    expect((await store.followUps.listOpenByAssignee('29:chief-b')).map((f) => f.id)).toEqual(['y']);
  });

  it('lets an owner marking done and a reminder update race without losing either: one gets a conflict', async () => {
    const store = await azurite.newStore();
    await store.followUps.createMany([aFollowUp()]);
    const read = await store.followUps.get('forum-1', 'fu-1');
    const done = { ...read!.value, status: 'done' as const };
    const postponed = { ...read!.value, postponements: [{ from: read!.value.due, reason: 'travlt', at: '2026-05-20T08:00:00.000Z' }] };
    const results = await Promise.allSettled([store.followUps.update(done, read!.etag), store.followUps.update(postponed, read!.etag)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('conflict');
    const stored = (await store.followUps.get('forum-1', 'fu-1'))!.value;
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ value: unknown }>).value.value;
    expect(stored).toEqual(winner);
    expect((await store.followUps.listOpenByAssignee('29:chief-a')).length).toBe(stored.status === 'open' ? 1 : 0);
  });

  it('does not show what a stale index row points at (a crash between index and record)', async () => {
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix });
    await store.followUps.createMany([aFollowUp({ id: 'real' }), aFollowUp({ id: 'closed', status: 'done' })]);
    // What an update that crashed after writing the index, before the record, leaves behind:
    const index = new Table(makeTableClient({ connectionString: azurite.connectionString }, `${prefix}followupsbyuser`), 'idx');
    for (const id of ['real', 'closed', 'never-written']) {
      await index.upsert({ partitionKey: keyPart('29:chief-c'), rowKey: `forum-1|${id}`, forumId: 'forum-1', id, rev: '9' });
    }
    expect((await index.query(`PartitionKey eq '${keyPart('29:chief-c')}'`)).length).toBe(3);
    expect(await store.followUps.listOpenByAssignee('29:chief-c')).toEqual([]);
    expect((await store.followUps.listOpenByAssignee('29:chief-a')).map((f) => f.id)).toEqual(['real']);
  });
});
