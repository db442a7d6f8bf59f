/**
 * A turn's reads are remembered for the turn (src/store/read-scope.ts), and the store remembers which
 * forum a channel belongs to and which conversation references it wrote: fewer storage round trips,
 * never an answer older than the turn's own writes.
 */
import { uniqueTablePrefix, useAzurite } from '../support/azurite';
import { countStorageCalls, type StorageCalls } from '../support/storage-calls';
import { readScope } from '../../src/store/read-scope';
import type { StoredConversation } from '../../src/store/ports';
import { aDecision, aForum, aMeeting } from './builders';

describe('reads within one turn', () => {
  const azurite = useAzurite();
  let calls: StorageCalls;
  beforeAll(() => {
    calls = countStorageCalls(azurite.connectionString);
  });
  afterAll(() => calls.stop());

  it('asks storage once for a meeting the turn reads three times', async () => {
    const store = await azurite.newStore();
    await store.meetings.create(aMeeting());
    const scope = readScope(store);
    calls.reset();
    const reads = await Promise.all([1, 2, 3].map(() => scope.store.meetings.get('forum-1', 'meeting-1')));
    expect(reads.map((m) => m?.value.items.length)).toEqual([2, 2, 2]);
    const once = calls.count();
    await scope.store.meetings.get('forum-1', 'meeting-1');
    expect(calls.count()).toBe(once);
    expect(scope.hits()).toBe(3);
  });

  it('gives each caller its own copy, so changing one read does not change the next', async () => {
    const store = await azurite.newStore();
    await store.meetings.create(aMeeting());
    const scope = readScope(store);
    const first = await scope.store.meetings.get('forum-1', 'meeting-1');
    first!.value.items[0].title = 'Ændret i hukommelsen';
    const second = await scope.store.meetings.get('forum-1', 'meeting-1');
    expect(second?.value.items[0].title).toBe(aMeeting().items[0].title);
  });

  it('reads from storage again after a write, and sees what was written', async () => {
    const store = await azurite.newStore();
    const scope = readScope(store);
    expect(await scope.store.decisions.get('meeting-1', 1)).toBeNull();
    const saved = await scope.store.decisions.save(aDecision({ text: 'Godkendt.' }), null);
    calls.reset();
    const afterSave = await scope.store.decisions.get('meeting-1', 1);
    expect(afterSave).toEqual(saved);
    expect(calls.count()).toBe(0);
    await scope.store.decisions.save(aDecision({ text: 'Godkendt med ændringer.' }), saved.etag);
    expect((await scope.store.decisions.get('meeting-1', 1))?.value.text).toBe('Godkendt med ændringer.');
  });

  it('after a conflict, reads the version someone else saved, not the one it remembered', async () => {
    const store = await azurite.newStore();
    const first = await store.decisions.save(aDecision({ text: 'Første udgave.' }), null);
    const scope = readScope(store);
    expect((await scope.store.decisions.get('meeting-1', 1))?.value.text).toBe('Første udgave.');
    await store.decisions.save(aDecision({ text: 'En kollegas udgave.' }), first.etag);
    await expect(scope.store.decisions.save(aDecision({ text: 'Min udgave.' }), first.etag)).rejects.toMatchObject({ code: 'conflict' });
    expect((await scope.store.decisions.get('meeting-1', 1))?.value.text).toBe('En kollegas udgave.');
  });

  it('goes to storage for every read once the turn has ended', async () => {
    const store = await azurite.newStore();
    await store.forums.create(aForum());
    const scope = readScope(store);
    expect((await scope.store.forums.get('forum-1'))?.value.name).toBe(aForum().name);
    scope.end();
    const current = await store.forums.get('forum-1');
    await store.forums.update(aForum({ name: 'Ledelsesforum Sydby' }), current!.etag);
    const hits = scope.hits();
    expect((await scope.store.forums.get('forum-1'))?.value.name).toBe('Ledelsesforum Sydby');
    expect(scope.hits()).toBe(hits);
  });

  it('answers "the forum of this channel" and then "that forum" with one lookup', async () => {
    const store = await azurite.newStore();
    await store.forums.create(aForum());
    const scope = readScope(store);
    const found = await scope.store.forums.findByConversation(aForum().conversationId);
    calls.reset();
    expect(await scope.store.forums.get('forum-1')).toEqual(found);
    expect(calls.count()).toBe(0);
  });
});

describe('what the store remembers between turns', () => {
  const azurite = useAzurite();
  let calls: StorageCalls;
  beforeAll(() => {
    calls = countStorageCalls(azurite.connectionString);
  });
  afterAll(() => calls.stop());

  const reference = (serviceUrl: string, updatedAt: string): StoredConversation => ({
    conversationId: '19:channel-nordby@thread.tacv2',
    kind: 'channel',
    tenantId: 'tenant-1',
    userId: null,
    reference: { serviceUrl, conversation: { id: '19:channel-nordby@thread.tacv2' } },
    updatedAt,
  });

  it('does not rewrite a conversation reference it wrote less than a minute ago, but writes a changed one', async () => {
    let now = 0;
    const store = await azurite.newStore({ now: () => now });
    await store.conversations.save(reference('https://smba.example/emea/', '2026-03-10T08:00:00Z'));
    calls.reset();
    now = 30_000;
    await store.conversations.save(reference('https://smba.example/emea/', '2026-03-10T08:00:30Z'));
    expect(calls.count({ table: 'conversations' })).toBe(0);
    await store.conversations.save(reference('https://smba.example/amer/', '2026-03-10T08:00:31Z'));
    expect(calls.count({ table: 'conversations' })).toBe(1);
    expect((await store.conversations.get('19:channel-nordby@thread.tacv2'))?.reference.serviceUrl).toBe('https://smba.example/amer/');
  });

  it('writes the same reference again after a minute (another instance may have written a different one)', async () => {
    let now = 0;
    const store = await azurite.newStore({ now: () => now });
    await store.conversations.save(reference('https://smba.example/emea/', '2026-03-10T08:00:00Z'));
    calls.reset();
    now = 61_000;
    await store.conversations.save(reference('https://smba.example/emea/', '2026-03-10T08:01:01Z'));
    expect(calls.count({ table: 'conversations' })).toBe(1);
  });

  it('finds the forum of a channel with one read the second time, and follows the channel to a new forum', async () => {
    const store = await azurite.newStore();
    const created = await store.forums.create(aForum());
    await store.forums.findByConversation(aForum().conversationId);
    calls.reset();
    expect((await store.forums.findByConversation(aForum().conversationId))?.value.id).toBe('forum-1');
    expect(calls.count()).toBeLessThanOrEqual(1);

    await store.forums.update(aForum({ conversationId: '19:another-channel@thread.tacv2' }), created.etag);
    await store.forums.create(aForum({ id: 'forum-2', name: 'Nyt forum' }));
    expect((await store.forums.findByConversation(aForum().conversationId))?.value.id).toBe('forum-2');
  });

  it("reads a forum once for a burst of clicks, and sees another instance's roster change within 2 s", async () => {
    let now = 0;
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix, now: () => now });
    const otherInstance = await azurite.newStore({ tablePrefix: prefix });
    const created = await store.forums.create(aForum());
    calls.reset();
    const burst = await Promise.all(Array.from({ length: 20 }, () => store.forums.get('forum-1')));
    expect(burst.every((f) => f?.value.name === aForum().name)).toBe(true);
    expect(calls.count({ table: 'forums' })).toBe(0);
    burst[0]!.value.name = 'changed by a caller';
    expect((await store.forums.get('forum-1'))?.value.name).toBe(aForum().name);

    await otherInstance.forums.update(aForum({ name: 'Ledelsesforum Sydby' }), created.etag);
    now = 2_001;
    expect((await store.forums.get('forum-1'))?.value.name).toBe('Ledelsesforum Sydby');
  });

  it("reads a meeting it has read before with one request, and sees another instance's change at once", async () => {
    const prefix = uniqueTablePrefix();
    const store = await azurite.newStore({ tablePrefix: prefix });
    const otherInstance = await azurite.newStore({ tablePrefix: prefix });
    await store.meetings.create(aMeeting());
    await store.meetings.get('forum-1', 'meeting-1');
    calls.reset();
    const again = await store.meetings.get('forum-1', 'meeting-1');
    expect(calls.count()).toBe(1);
    again!.value.items[0].title = 'Ændret i hukommelsen';

    const current = await otherInstance.meetings.get('forum-1', 'meeting-1');
    await otherInstance.meetings.update({ ...current!.value, location: 'Byrådssalen' }, current!.etag);
    const fresh = await store.meetings.get('forum-1', 'meeting-1');
    expect(fresh?.value.location).toBe('Byrådssalen');
    expect(fresh?.value.items[0].title).toBe(aMeeting().items[0].title);
  });
});
