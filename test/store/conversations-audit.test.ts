import type { StoredConversation } from '../../src/store/ports';
import { useAzurite } from '../support/azurite';
import { anAuditEntry, longDanishText } from './builders';

const personal = (userId: string, over: Partial<StoredConversation> = {}): StoredConversation => ({
  conversationId: `a:1on1-${userId}`,
  kind: 'personal',
  tenantId: 'tenant-1',
  userId,
  reference: { conversation: { id: `a:1on1-${userId}` }, serviceUrl: 'https://smba.example/emea/' },
  updatedAt: '2026-03-01T08:00:00.000Z',
  ...over,
});

describe('conversations and audit log on Azurite', () => {
  const azurite = useAzurite();

  it('finds the 1:1 chat with a user, and the newest reference after a re-install', async () => {
    const store = await azurite.newStore();
    await store.conversations.save(personal('29:chief-a'));
    await store.conversations.save(personal('29:chief-a', { conversationId: 'a:new', reference: { v: 2 } }));
    expect((await store.conversations.getPersonal('29:chief-a'))?.conversationId).toBe('a:new');
    expect(await store.conversations.getPersonal('29:nobody')).toBeNull();
  });

  it('stores a channel conversation by id and does not take it for a 1:1 chat', async () => {
    const store = await azurite.newStore();
    const channel: StoredConversation = { ...personal('x'), conversationId: `19:ch/#?'æ@thread.tacv2`, kind: 'channel', userId: null };
    await store.conversations.save(channel);
    expect(await store.conversations.get(channel.conversationId)).toEqual(channel);
    expect(await store.conversations.getPersonal('x')).toBeNull();
  });

  it('recognises a redelivered activity id per conversation', async () => {
    const store = await azurite.newStore();
    expect(await store.conversations.markActivity('19:chan/with#odd?chars', 'f:1')).toBe(true);
    expect(await store.conversations.markActivity('19:chan/with#odd?chars', 'f:1')).toBe(false);
    expect(await store.conversations.markActivity('a:other', 'f:1')).toBe(true);
  });

  it('lists audit entries oldest first, from a given instant and up to a limit', async () => {
    const store = await azurite.newStore();
    for (const at of ['2026-03-10T12:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-10T11:00:00.000Z']) {
      await store.audit.append(anAuditEntry({ at, after: { at } }));
    }
    await store.audit.append(anAuditEntry({ forumId: 'forum-2' }));
    expect((await store.audit.listByForum('forum-1')).map((e) => e.at)).toEqual([
      '2026-03-10T10:00:00.000Z',
      '2026-03-10T11:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
    ]);
    expect((await store.audit.listByForum('forum-1', { since: '2026-03-10T11:00:00.000Z', limit: 1 })).map((e) => e.at)).toEqual(['2026-03-10T11:00:00.000Z']);
  });

  it('keeps who, what and when of an audit entry too big for one row', async () => {
    const store = await azurite.newStore();
    await store.audit.append(anAuditEntry({ before: longDanishText(600_000), after: null }));
    const [entry] = await store.audit.listByForum('forum-1');
    expect(entry).toMatchObject({ actorUserId: '29:secretary', action: 'decision.recorded', before: { omitted: expect.any(String) } });
  });
});
