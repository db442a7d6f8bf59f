/**
 * One sweep: claim due jobs with a lease (ETag-conditional, so several instances can sweep the same
 * storage), run each through its handler, and acknowledge it. Safe to run concurrently on many
 * instances; see job-run.ts for the send-once protocol.
 */
import type { AppDeps } from '../app/deps';
import { errorLogFields } from '../app/errors';
import { AppError, type JobKind } from '../domain';
import { ReadCache } from '../app/read-cache';
import { classifyFailure, createDelivery, type Delivery } from './delivery';
import { jobHandlers } from './handlers';
import type { JobHandler, JobOutcome } from './handlers/types';
import { JobRun, LeaseLostError } from './job-run';
import { noticeSecretary } from './notices';

export interface SweepOptions {
  /** This instance's name: the lease owner. */
  owner: string;
  /** The sweep's time (default: the clock). */
  now?: Date;
  /** How long a claim holds (default 5 min). Must exceed the longest delivery (delivery maxTotalMs). */
  leaseMs?: number;
  /** Jobs claimed per round (default 50) and worked on at once (default 8). */
  batchSize?: number;
  concurrency?: number;
  /** Stop claiming after this many jobs in one sweep (default 20,000). */
  maxJobs?: number;
  /** A job failing this many times is given up and the secretary told (default 8). */
  maxAttempts?: number;
  /** Shared across sweeps of one process so the rate limits hold between them. */
  delivery?: Delivery;
  handlers?: Record<JobKind, JobHandler>;
  /** Stops claiming more jobs (jobs in hand are finished). */
  signal?: AbortSignal;
}

export interface SweepResult {
  claimed: number;
  /** Messages sent in this sweep. */
  sent: number;
  /** Jobs given up (undeliverable, rejected, or out of attempts); each one told the secretary. */
  failed: number;
  /** Teams requests retried inside this sweep (429, 412, 5xx). */
  retried: number;
  /** Jobs put back for a later sweep after a transient failure. */
  deferred: number;
  /** Jobs completed without resending because an earlier run had recorded the send. */
  recovered: number;
  /** Jobs that had nothing to send, or sent nothing of their own (fan-out, publishing). */
  completed: number;
  /** Jobs another instance took over meanwhile (our lease ran out). */
  lost: number;
}

export const emptyResult = (): SweepResult => ({ claimed: 0, sent: 0, failed: 0, retried: 0, deferred: 0, recovered: 0, completed: 0, lost: 0 });

/** Backoff before a failed job is tried again: 1, 2, 4 ... minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export async function sweepOnce(deps: AppDeps, opts: SweepOptions): Promise<SweepResult> {
  const leaseMs = opts.leaseMs ?? 300_000;
  const batchSize = opts.batchSize ?? 50;
  const concurrency = opts.concurrency ?? 8;
  const maxJobs = opts.maxJobs ?? 20_000;
  const delivery = opts.delivery ?? createDelivery(deps.messenger, { logger: deps.logger });
  const handlers = opts.handlers ?? jobHandlers;
  const now = (): Date => opts.now ?? deps.clock.now();
  const result = emptyResult();
  const retriesBefore = delivery.stats.retries;
  const runDeps: AppDeps = { ...deps, messenger: delivery };
  const cache = new ReadCache(deps);

  while (result.claimed < maxJobs && !opts.signal?.aborted) {
    const limit = Math.min(batchSize, maxJobs - result.claimed);
    const batch = await deps.store.jobs.claimDue(now(), { owner: opts.owner, leaseMs, limit });
    if (batch.length === 0) break;
    result.claimed += batch.length;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batch.length) {
        const claimed = batch[next++];
        const run = new JobRun(runDeps, claimed, delivery, cache, deps.logger.child({ jobId: claimed.value.id, kind: claimed.value.kind }), {
          leaseMs,
          minLeaseLeftMs: Math.min(leaseMs / 2, 150_000),
          now,
        });
        await processJob(run, handlers[claimed.value.kind], result, opts.maxAttempts ?? 8);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
  }
  result.retried = delivery.stats.retries - retriesBefore;
  return result;
}

/** Runs one claimed job through its handler and acknowledges, defers or fails it (also used by run-now.ts). */
export async function processJob(run: JobRun, handler: JobHandler | undefined, result: SweepResult, maxAttempts: number): Promise<void> {
  try {
    if (!handler) throw new AppError('internal', `No handler for job kind ${run.job.kind}`);
    // Sent by an earlier run that did not get to acknowledge it: complete without sending again.
    const recorded = run.job.sentActivityId;
    if (recorded) run.recovered = true;
    const outcome: JobOutcome = recorded ? { status: 'sent', activityId: recorded } : await handler.run(run);
    await finish(run, outcome);
    if (outcome.status === 'undeliverable') result.failed++;
    else if (run.recovered) result.recovered++;
    else if (outcome.status === 'sent') result.sent++;
    else result.completed++;
  } catch (e) {
    if (run.sent) result.sent++;
    // A conditional write of the job failed: another instance holds it now (our lease ran out).
    if (e instanceof LeaseLostError || (e instanceof AppError && e.code === 'conflict')) {
      result.lost++;
      run.log.warn(errorLogFields(e), 'Job taken over by another instance');
      return;
    }
    try {
      const gaveUp = await failOrDefer(run, e, maxAttempts);
      if (gaveUp) result.failed++;
      else result.deferred++;
    } catch (inner) {
      // Storage is failing too: the lease runs out and another sweep picks the job up again.
      run.log.error(errorLogFields(inner), 'Could not record the failure of a job; it will be retried after its lease');
    }
  }
}

async function finish(run: JobRun, outcome: JobOutcome): Promise<void> {
  const job = run.version.value;
  if (job.status === 'done') return; // completed together with recording the send
  const failed = outcome.status === 'undeliverable';
  await run.write({
    ...job,
    status: failed ? 'failed' : 'done',
    leaseOwner: null,
    leaseUntil: null,
    lastError: failed ? outcome.error : job.lastError,
  });
}

/** Puts the job back for later, or gives up on it and tells the secretary. Returns true when given up. */
async function failOrDefer(run: JobRun, e: unknown, maxAttempts: number): Promise<boolean> {
  const job = run.version.value;
  if (job.status === 'done') {
    run.log.warn(errorLogFields(e), 'Job failed after it was completed; nothing to undo');
    return false;
  }
  const attempts = job.attempts + 1;
  const message = e instanceof Error ? e.message : String(e);
  const transient = classifyFailure(e) === 'retry' || (e instanceof AppError && e.code === 'storage-unavailable');
  if (transient && attempts < maxAttempts) {
    const dueAt = new Date(run.now.getTime() + retryDelayMs(attempts)).toISOString();
    await run.write({ ...job, status: 'pending', attempts, dueAt, leaseOwner: null, leaseUntil: null, lastError: message });
    run.log.warn({ attempts, dueAt, ...errorLogFields(e) }, 'Job failed; will retry');
    return false;
  }
  await run.write({ ...job, status: 'failed', attempts, leaseOwner: null, leaseUntil: null, lastError: message });
  run.log.error({ attempts, ...errorLogFields(e) }, 'Job failed for good');
  await noticeSecretary(run, 'failed', message);
  return true;
}
