/**
 * `npm start`: configuration from the environment → logger → storage (embedded Azurite when none is
 * configured) → the app → listen → the scheduler. SIGINT/SIGTERM stop it gracefully: no new
 * requests, turns in flight and the jobs in hand finish, then storage closes.
 */
// First: silences restify's one known deprecation warning before restify loads (see the file).
import './quiet-deprecations';
import { hostname } from 'node:os';
import { createApp } from './wiring';
import { type Config, loadConfig } from './config';
import { systemClock } from './domain/clock';
import { asAppError } from './domain/errors';
import { createLogger } from './logger';
import { startScheduler } from './scheduler/runner';
import { openStore } from './store/open';
import { warnIfSingleMachine } from './store/single-machine';

function configOrExit(): Config {
  try {
    return loadConfig(process.env, { instanceId: `${hostname()}-${process.pid}` });
  } catch (e) {
    process.stderr.write(`${asAppError(e).message}\n`);
    process.exit(1);
  }
}

/** What the banner says about who is served: the truth about tokens and reach. */
function modeNote(config: Config): string {
  if (!config.localMode) return '';
  if (config.unauthenticatedPublic) {
    return ` (local mode: UNAUTHENTICATED on ${config.host}: anyone who can reach this address is served without a Bot Framework token)`;
  }
  return ' (local mode: no Bot Framework token needed, loopback only)';
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  const storage = await openStore(config, logger);
  warnIfSingleMachine(config, logger);
  const app = createApp({ store: storage.store, clock: systemClock, logger, config });
  const { url } = await app.start();
  const scheduler = startScheduler(app.deps, { intervalMs: config.sweepIntervalMs, owner: config.instanceId });
  logger.info({ url, storage: storage.describe, localMode: config.localMode, unauthenticatedPublic: config.unauthenticatedPublic }, 'service started');
  if (config.unauthenticatedPublic)
    logger.warn({ host: config.host }, 'local mode on a non-loopback address (ALLOW_UNAUTHENTICATED=true): requests are not authenticated');
  process.stdout.write(
    [`Bot endpoint: ${url}/api/messages${modeNote(config)}`, `Health:       ${url}/healthz`, `Storage:      ${storage.describe}`, ''].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing turns and jobs in flight');
    Promise.all([app.stop(), scheduler.stop()])
      .then(() => storage.close())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (e: unknown) => {
          logger.error({ err: asAppError(e).message }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  const err = asAppError(e);
  process.stderr.write(`Could not start: ${err.code === 'internal' ? '' : `${err.code}: `}${err.message.split('\n')[0]}\n`);
  process.exit(1);
});
