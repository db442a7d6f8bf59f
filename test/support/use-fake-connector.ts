import { lateBound } from './late-bound';
import { type FakeConnector, type RosterMember, startFakeConnector } from './fake-connector';

/**
 * Call at the top of a test file or describe block: starts the recording fake Bot Connector in
 * `beforeAll` and closes it in `afterAll`. Resetting between tests stays with the test.
 */
export function useFakeConnector(opts: { roster?: RosterMember[] } = {}): FakeConnector {
  let running: FakeConnector | null = null;
  beforeAll(async () => {
    running = await startFakeConnector(opts);
  });
  afterAll(async () => {
    await running?.close();
  });
  return lateBound('the fake Bot Connector', () => running);
}
