/**
 * Runs one due job at once, through the sweep's own path (claim with a lease → handler → acknowledge,
 * defer or fail): for work a person asked for in a turn that must not wait for the next sweep, such as
 * publishing an agenda or closing a meeting. The turn answers first and calls this afterwards.
 * A job another instance holds, a job not due yet, or one already finished is left alone; a crash
 * half-way leaves the job claimed, and the next sweep after its lease takes it over.
 */
import type { AppDeps } from '../app/deps';
import type { JobRunner } from '../app/jobs';
import { AppError } from '../domain';
import { ReadCache } from '../app/read-cache';
import { createDelivery, type Delivery } from './delivery';
import { jobHandlers } from './handlers';
import { JobRun } from './job-run';
import { emptyResult, processJob, type SweepResult } from './sweep';

export interface RunNowOptions {
  /** Lease owner name (this instance). */
  owner: string;
  leaseMs?: number;
  maxAttempts?: number;
  delivery?: Delivery;
}

/** The use cases' JobRunner port (src/app/jobs.ts): runs as this instance; `deps` is read when a job runs. */
export function jobRunner(deps: () => AppDeps): JobRunner {
  return { runNow: (jobId, { leaseMs }) => runJobNow(deps(), jobId, { owner: deps().config.instanceId, leaseMs }) };
}

/** The job's outcome counted as a sweep would; null when the job was not ours to run. */
export async function runJobNow(deps: AppDeps, jobId: string, opts: RunNowOptions): Promise<SweepResult | null> {
  const leaseMs = opts.leaseMs ?? 300_000;
  const now = deps.clock.now();
  const current = await deps.store.jobs.get(jobId);
  if (!current) return null;
  const job = current.value;
  const leaseOver = job.status === 'claimed' && !!job.leaseUntil && Date.parse(job.leaseUntil) <= now.getTime();
  if ((job.status !== 'pending' && !leaseOver) || Date.parse(job.dueAt) > now.getTime()) return null;
  let claimed: Awaited<ReturnType<AppDeps['store']['jobs']['update']>>;
  try {
    const lease = { status: 'claimed' as const, leaseOwner: opts.owner, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    claimed = await deps.store.jobs.update({ ...job, ...lease }, current.etag);
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') return null; // a sweep claimed it first
    throw e;
  }
  const delivery = opts.delivery ?? createDelivery(deps.messenger, { logger: deps.logger });
  const log = deps.logger.child({ jobId, kind: job.kind, runNow: true });
  const run = new JobRun({ ...deps, messenger: delivery }, claimed, delivery, new ReadCache(deps), log, {
    leaseMs,
    minLeaseLeftMs: Math.min(leaseMs / 2, 150_000),
    now: () => deps.clock.now(),
  });
  const result = { ...emptyResult(), claimed: 1 };
  await processJob(run, jobHandlers[job.kind], result, opts.maxAttempts ?? 8);
  return result;
}
