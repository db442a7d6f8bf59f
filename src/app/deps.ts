/** What every application service, handler and scheduled job is given. Nothing global. */
import type { Config } from '../config';
import type { Clock } from '../domain';
import type { Logger } from '../logger';
import type { Store } from '../store/ports';
import type { CardUpdates } from './card-updates';
import type { InFlight } from './in-flight';
import type { JobRunner } from './jobs';
import type { Messenger } from './messenger';

export interface AppDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: Config;
  messenger: Messenger;
  /** Runs a stored job now, the scheduler's way (src/scheduler/run-now.ts, given by the wiring). */
  jobs: JobRunner;
  /** New unique ids (random UUIDs in production; tests may pass a counter). */
  newId: () => string;
  /** Background runs started by clicks (publish, close), so shutdown can let them finish. */
  background?: InFlight;
  /** Coalesced updates of shared cards (overview, summary); without it (CLI, service tests) they run inline. */
  cardUpdates?: CardUpdates;
}
