import type { Forum } from '../../src/domain';
import { lateBound } from './late-bound';
import { type Harness, type HarnessOptions, startHarness } from './harness';

export interface UseHarnessOptions extends HarnessOptions {
  /** Seed the test forum (`h.seedForum(...)`) once the service is up: `true`, or the forum's overrides. */
  seedForum?: boolean | Partial<Forum>;
}

/**
 * Call at the top of a describe block (or file): starts the service in `beforeAll` (and seeds the
 * test forum when asked), stops it in `afterAll`, and clears what the fake connector recorded
 * before each test (after the card updates still under way).
 *
 *   const h = useHarness({ seedForum: true });
 *   test('…', async () => { await h.post(h.aMessage('hjælp')); });
 */
export function useHarness(opts: UseHarnessOptions = {}): Harness {
  const { seedForum, ...harnessOptions } = opts;
  let running: Harness | null = null;
  beforeAll(async () => {
    running = await startHarness(harnessOptions);
    if (seedForum) await running.seedForum(seedForum === true ? {} : seedForum);
  });
  afterAll(async () => {
    await running?.stop();
  });
  beforeEach(async () => {
    // A card update the previous test's clicks asked for lands before, not in, this test's record.
    await running?.app.deps.cardUpdates?.idle();
    running?.fake.reset();
  });
  return lateBound('the harness', () => running);
}
