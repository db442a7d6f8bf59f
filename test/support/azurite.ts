/**
 * A real Azurite table service for tests: in memory, on a free port, stopped afterwards.
 * One Azurite per test file is cheap (~10 ms once loaded); each store gets its own table prefix,
 * so tests in a file never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../src/logger';
import { startEmbeddedAzurite } from '../../src/store/azurite';
import type { Store } from '../../src/store/ports';
import { createTableStore } from '../../src/store/tables';

export interface TestAzurite {
  connectionString: string;
  url: string;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<TestAzurite> {
  const az = await startEmbeddedAzurite({ host: '127.0.0.1', port: 0, dataDir: null });
  return { connectionString: az.connectionString, url: az.url, stop: az.stop };
}

/** A table-name prefix no other test uses (letters and digits, as Azure requires). */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export interface AzuriteFixture {
  /** Valid inside tests (after beforeAll). */
  readonly connectionString: string;
  /** A store on fresh tables of the shared Azurite. */
  newStore(opts?: { logger?: Logger; tablePrefix?: string; now?: () => number }): Promise<Store>;
  /** Stops Azurite early (to test "storage unreachable"); afterAll then does nothing. */
  stop(): Promise<void>;
}

/**
 * Call at the top of a test file or describe block: starts Azurite in `beforeAll` and stops it
 * in `afterAll`.
 */
export function useAzurite(): AzuriteFixture {
  let az: TestAzurite | null = null;
  beforeAll(async () => {
    az = await startAzurite();
  });
  afterAll(async () => {
    await az?.stop();
  });
  const running = (): TestAzurite => {
    if (!az) throw new Error('Azurite is not running: use the fixture inside tests');
    return az;
  };
  return {
    get connectionString() {
      return running().connectionString;
    },
    newStore: (opts = {}) =>
      createTableStore(
        { connectionString: running().connectionString },
        { tablePrefix: opts.tablePrefix ?? uniqueTablePrefix(), logger: opts.logger, now: opts.now },
      ),
    stop: async () => {
      await az?.stop();
    },
  };
}
