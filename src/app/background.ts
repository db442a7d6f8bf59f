/**
 * Work a person starts with a click that takes longer than Teams waits for an answer (about 5 s):
 * publishing an agenda, closing a meeting. The turn stores the work as a job due now, answers at once,
 * and then runs that job in the background through the scheduler's own path (`deps.jobs`, src/scheduler/run-now.ts):
 * idempotent, under a short lease (30 s, renewed while the run is alive: src/scheduler/work-lease.ts), so a
 * crash half-way is finished by the first sweep after the lease, and a failure for good tells
 * the secretary (the sweep's notice) as well as the person who asked (`onFailed`).
 */
import type { Job } from '../domain';
import { AppError, asAppError } from '../domain';
import { WORK_LEASE_MS } from './jobs';
import type { AppDeps } from './deps';

/**
 * Makes `job` the one pending run of its work, due now. A run in progress (claimed, lease not over)
 * is left alone; a pending one is moved to now with the new payload; a finished, failed or cancelled
 * one is replaced, so asking again after a failure tries again.
 */
export async function scheduleNow(deps: AppDeps, job: Job): Promise<void> {
  const now = deps.clock.now();
  for (let attempt = 0; ; attempt++) {
    const current = await deps.store.jobs.get(job.id);
    const v = current?.value;
    if (v?.status === 'claimed' && v.leaseUntil && Date.parse(v.leaseUntil) > now.getTime()) return;
    try {
      if (current && v?.status === 'pending') await deps.store.jobs.update({ ...job, attempts: v.attempts }, current.etag);
      else await deps.store.jobs.schedule(job);
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= 3) throw e;
    }
  }
}

export interface KickHooks {
  /** The job failed for good (after the sweep's own handling: the secretary's notice). */
  onFailed?: (job: Job) => Promise<void>;
}

/**
 * Runs the job now, after the caller has answered. Never throws: whatever goes wrong is logged and
 * left to the sweep (the job stays pending or claimed). Shutdown waits for it (`deps.background`).
 */
export function kick(deps: AppDeps, jobId: string, hooks: KickHooks = {}): Promise<void> {
  const log = deps.logger.child({ jobId, background: true });
  const run = (async () => {
    try {
      const result = await deps.jobs.runNow(jobId, { leaseMs: WORK_LEASE_MS });
      if (!result) log.info('job already taken or finished; nothing to run');
      if (result && result.failed > 0 && hooks.onFailed) {
        const job = await deps.store.jobs.get(jobId);
        if (job?.value.status === 'failed') await hooks.onFailed(job.value);
      }
    } catch (e) {
      const err = asAppError(e);
      log.warn({ code: err.code, reason: err.message.split('\n')[0].slice(0, 200) }, 'background run failed; the next sweep takes over');
    }
  })();
  return deps.background ? deps.background.track(run) : run;
}
