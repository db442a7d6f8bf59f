/**
 * The service's scheduler loop: a sweep every `intervalMs` (config SWEEP_INTERVAL_MS, default a
 * minute), one at a time, never overlapping; the forums' recurring jobs (digest, check-in) are
 * ensured at start and about hourly. Errors are logged and the loop goes on. `stop()` stops claiming,
 * lets the jobs in hand finish, and resolves when the loop has ended.
 */
import type { AppDeps } from '../app/deps';
import { errorLogFields } from '../app/errors';
import { createDelivery, type Delivery } from './delivery';
import { ensureRecurringJobs } from './recurring';
import { type SweepOptions, type SweepResult, sweepOnce } from './sweep';

export interface SchedulerOptions {
  intervalMs: number;
  /** This instance's lease owner name (config.instanceId). */
  owner: string;
  /** Default: a delivery over deps.messenger (the same one when it already is a Delivery). */
  delivery?: Delivery;
  /** Other sweep settings (lease, batch size...). */
  sweep?: Omit<SweepOptions, 'owner' | 'delivery' | 'signal' | 'now'>;
  /** How often the recurring jobs are ensured (default hourly). */
  recurringEveryMs?: number;
  /** Called after each sweep, also one that found nothing due (tests, metrics). */
  onSweep?: (result: SweepResult) => void;
}

export interface SchedulerHandle {
  stop(): Promise<void>;
}

export function startScheduler(deps: AppDeps, opts: SchedulerOptions): SchedulerHandle {
  const delivery = opts.delivery ?? createDelivery(deps.messenger, { logger: deps.logger });
  const log = deps.logger.child({ component: 'scheduler', owner: opts.owner });
  const abort = new AbortController();
  const recurringEvery = Math.max(1, Math.round((opts.recurringEveryMs ?? 3_600_000) / opts.intervalMs));
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  const tick = async (n: number): Promise<void> => {
    if (n % recurringEvery === 0) await ensureRecurringJobs(deps);
    const result = await sweepOnce(deps, { ...opts.sweep, owner: opts.owner, delivery, signal: abort.signal });
    if (result.claimed > 0) log.info(result, 'sweep');
    opts.onSweep?.(result);
  };

  const loop = (async () => {
    for (let n = 0; !abort.signal.aborted; n++) {
      try {
        await tick(n);
      } catch (e) {
        log.error(errorLogFields(e), 'sweep failed; trying again next interval');
      }
      if (abort.signal.aborted) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, opts.intervalMs);
      });
    }
  })();

  return {
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
