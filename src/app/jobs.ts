/**
 * What the use cases need of the scheduler, as ports: store a job (ensureJob), run a stored job now
 * (JobRunner, given by the wiring: src/scheduler/run-now.ts), and "may I go on posting?" (WorkLease,
 * held by the scheduler's job run: src/scheduler/work-lease.ts). The use cases say "run this job at
 * that time"; the scheduler decides how and runs them.
 */
import { AppError, type Job } from '../domain';
import type { AppDeps } from './deps';

/** The short lease of a job that posts many cards (src/scheduler/work-lease.ts). */
export const WORK_LEASE_MS = 30_000;

/** What the posting code sees: "may I go on posting?" */
export interface WorkLease {
  /** Renews the lease when half of it is gone; throws when it is no longer ours. */
  hold(): Promise<void>;
}

/** For work run without a job (tests, tools): nothing to hold. */
export const NO_LEASE: WorkLease = { hold: async () => undefined };

/** Runs one stored job at once, the sweep's way; null when the job was not ours to run. */
export interface JobRunner {
  runNow(jobId: string, opts: { leaseMs: number }): Promise<{ failed: number } | null>;
}

/** 'created'/'revived', or the status of the job that already had the id. */
export type EnsureResult = 'created' | 'revived' | Exclude<Job['status'], 'cancelled'>;

/**
 * Schedules `job` unless a job with its id exists. A cancelled one is revived (conditional update);
 * a pending, claimed, done or failed one is left alone, so nothing already sent is sent again.
 */
export async function ensureJob(deps: AppDeps, job: Job, opts: { likelyNew?: boolean } = {}): Promise<EnsureResult> {
  // A job that is likely new is inserted without a look first (one round trip less); a taken id is
  // read and decided below, which costs one more than looking first would have.
  if (opts.likelyNew && (await deps.store.jobs.create(job))) return 'created';
  for (let attempt = 0; ; attempt++) {
    const current = await deps.store.jobs.get(job.id);
    if (!current) {
      await deps.store.jobs.schedule(job);
      return 'created';
    }
    const status = current.value.status;
    if (status !== 'cancelled') return status;
    try {
      await deps.store.jobs.update({ ...job, attempts: current.value.attempts }, current.etag);
      return 'revived';
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= 3) throw e;
    }
  }
}
