/**
 * `followup sweep [--now <ISO time>] [--owner <name>]`: one scheduler sweep against the configured
 * storage, with the real bot messenger, as the service runs every minute. `--now` fixes the clock
 * (FixedClock) for ops and tests: jobs due at or before it are claimed and run. Prints the result as
 * one JSON line: { claimed, sent, failed, retried, deferred, recovered, completed, lost }.
 *
 * Local mode (no MicrosoftAppId): messages go, without a token, to the serviceUrl stored with each
 * conversation (the Agents Playground's mock connector while it runs). With nothing listening there,
 * each send fails as a network error, the job is put back for a later sweep (attempts + 1; after 8
 * attempts the secretary is told) and nothing is lost. See docs/reminders.md.
 */
import { hostname } from 'node:os';
import type { AppDeps } from '../app/deps';
import { BotAdapter, createBotAuthentication } from '../bot/adapter';
import { createBotMessenger } from '../bot/messenger';
import type { CliCommand, CliIo } from '../cli';
import { loadConfig } from '../config';
import { type Clock, FixedClock, systemClock } from '../domain/clock';
import { AppError } from '../domain/errors';
import { createLogger } from '../logger';
import { jobRunner } from '../scheduler/run-now';
import { sweepOnce } from '../scheduler/sweep';
import { openStore } from '../store/open';

function parseArgs(args: string[]): { now: Date | null; owner: string | null } {
  let now: Date | null = null;
  let owner: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = args[i + 1];
    if ((a === '--now' || a === '--owner') && (value === undefined || value.startsWith('--'))) {
      throw new AppError('invalid-input', `${a} needs a value`);
    }
    if (a === '--now') {
      now = new Date(value);
      if (Number.isNaN(now.getTime())) throw new AppError('invalid-input', `--now must be an ISO time, e.g. 2026-03-10T08:00:00+01:00 (got ${value})`);
      i++;
    } else if (a === '--owner') {
      owner = value;
      i++;
    } else {
      throw new AppError('invalid-input', `Unknown option ${a}`);
    }
  }
  return { now, owner };
}

export const sweepCommand: CliCommand = {
  summary: 'Run one scheduler sweep (reminders, digests, check-ins, held messages, agendas)',
  usage: 'sweep [--now <ISO time>] [--owner <name>]',
  async run(args: string[], io: CliIo) {
    const { now, owner } = parseArgs(args);
    const config = loadConfig(io.env, { instanceId: `cli-${hostname()}-${process.pid}` });
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { write: (s: string) => io.stderr(s) });
    const clock: Clock = now ? new FixedClock(now) : systemClock;
    const opened = await openStore(config, logger);
    try {
      const adapter = new BotAdapter(createBotAuthentication(config));
      const messenger = createBotMessenger({ adapter, appId: config.bot.appId, store: opened.store, clock });
      let n = 0;
      const deps: AppDeps = { store: opened.store, clock, logger, config, messenger, newId: () => `cli-${process.pid}-${++n}`, jobs: jobRunner(() => deps) };
      const result = await sweepOnce(deps, { owner: owner ?? config.instanceId });
      io.stdout(`${JSON.stringify(result)}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
