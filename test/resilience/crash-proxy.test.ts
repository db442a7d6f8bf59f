/** The crash-point proxy itself: k calls reach storage, then the process's storage is gone. */
import { startCrashProxy } from '../support/crash-proxy';
import { createTableStore } from '../../src/store/tables';
import { uniqueTablePrefix, useAzurite } from '../support/azurite';
import type { StoredConversation } from '../../src/store/ports';

const chat = (userId: string): StoredConversation => ({
  conversationId: `a:${userId}`,
  kind: 'channel',
  tenantId: 'tenant-1',
  userId,
  reference: { conversation: { id: `a:${userId}` } },
  updatedAt: '2026-01-05T09:00:00.000Z',
});

describe('crash-point proxy', () => {
  const azurite = useAzurite();

  async function twoStores() {
    const proxy = await startCrashProxy(azurite.connectionString);
    const tablePrefix = uniqueTablePrefix();
    const dying = await createTableStore({ connectionString: proxy.connectionString }, { tablePrefix });
    const survivor = await createTableStore({ connectionString: azurite.connectionString }, { tablePrefix });
    return { proxy, dying, survivor };
  }

  it('lets exactly k calls through, answered, then refuses every call', async () => {
    const { proxy, dying, survivor } = await twoStores();
    proxy.arm(1);
    await dying.conversations.save(chat('u-1'));
    expect(proxy.crashed()).toBe(true);
    await expect(dying.conversations.save(chat('u-2'))).rejects.toMatchObject({ code: 'storage-unavailable' });
    expect((await survivor.conversations.get('a:u-1'))?.userId).toBe('u-1');
    expect(await survivor.conversations.get('a:u-2')).toBeNull();
    await proxy.close();
  });

  it("'lost-answer' applies the k-th call but the caller never hears of it", async () => {
    const { proxy, dying, survivor } = await twoStores();
    proxy.arm(1, 'lost-answer');
    await expect(dying.conversations.save(chat('u-3'))).rejects.toMatchObject({ code: 'storage-unavailable' });
    expect((await survivor.conversations.get('a:u-3'))?.userId).toBe('u-3');
    await proxy.close();
  });
});
