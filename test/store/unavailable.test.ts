import { AppError } from '../../src/domain/errors';
import { startEmbeddedAzurite } from '../../src/store/azurite';
import { createTableStore } from '../../src/store/tables';
import { uniqueTablePrefix } from '../support/azurite';
import { countStorageCalls } from '../support/storage-calls';
import { aForum } from './builders';

describe('when storage is unreachable', () => {
  it("fails after the client's quick retries with a retryable storage-unavailable error, and works again once storage is back", async () => {
    const azurite = await startEmbeddedAzurite({ port: 0 });
    const prefix = uniqueTablePrefix();
    const store = await createTableStore({ connectionString: azurite.connectionString }, { tablePrefix: prefix });
    await store.forums.create(aForum());
    await azurite.stop();

    // Promptly: the client's three attempts (two quick retries), each refused at once, then the error;
    // no waiting for the 20 s request timeout.
    const calls = countStorageCalls(azurite.connectionString);
    // (Another forum than the one just written: this instance serves that one from its 2 s forum cache.)
    const error = await store.forums.get('forum-2').catch((e: unknown) => e);
    calls.stop();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage-unavailable', details: { retryable: true, code: 'ECONNREFUSED' } });
    expect(calls.count({ method: 'GET' })).toBe(3);
    await expect(store.ping()).rejects.toMatchObject({ code: 'storage-unavailable' });
    await expect(store.followUps.listOpenByAssignee('29:chief-a')).rejects.toMatchObject({ code: 'storage-unavailable' });
    await expect(createTableStore({ connectionString: azurite.connectionString }, { tablePrefix: prefix })).rejects.toMatchObject({
      code: 'storage-unavailable',
    });

    const again = await startEmbeddedAzurite({ port: azurite.port });
    try {
      const fresh = await createTableStore({ connectionString: again.connectionString }, { tablePrefix: prefix });
      await expect(fresh.ping()).resolves.toBeUndefined();
    } finally {
      await again.stop();
    }
  });
});
