/**
 * The short lease of a job that posts many cards (publishing an agenda, closing a meeting): 30 s,
 * renewed while the run is alive, so a run that died is taken over by the first sweep after its
 * lease ran out (at most a sweep interval later), not after the sweep's 5-minute lease. A claim
 * longer than that (the sweep's) is shortened when the work starts.
 *
 * The run renews through its JobRun (the job's ETag stays in one place): `hold()` before each post,
 * and a heartbeat while a slow send (Teams' throttling, up to 2 minutes) is under way. A lease that
 * is gone (another instance claimed the job) stops the run before its next post.
 */
import { JobRun, LeaseLostError } from './job-run';
import type { JobContext } from './handlers/types';
import { AppError } from '../domain';
import { NO_LEASE, WORK_LEASE_MS, type WorkLease } from '../app/jobs';

class Keeper implements WorkLease {
  private chain: Promise<void> = Promise.resolve();
  private lost: LeaseLostError | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly run: JobRun,
    private readonly leaseMs: number,
  ) {
    this.timer = setInterval(() => this.hold().catch(() => undefined), Math.max(1000, leaseMs / 6));
    this.timer.unref();
  }

  hold(): Promise<void> {
    const next = this.chain.then(() => this.renewIfDue());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async renewIfDue(): Promise<void> {
    if (this.lost) throw this.lost;
    const job = this.run.version.value;
    const now = this.run.now.getTime();
    const left = (job.leaseUntil ? Date.parse(job.leaseUntil) : 0) - now;
    if (left >= this.leaseMs / 2 && left <= this.leaseMs) return;
    try {
      await this.run.write({ ...job, leaseUntil: new Date(now + this.leaseMs).toISOString() });
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') this.lost = new LeaseLostError(job.id, false);
      throw this.lost ?? e;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
  }
}

/**
 * Runs `work` under the job's short lease (renewed until `work` ends, and settled before the job is
 * acknowledged). Outside a real job run, `work` gets NO_LEASE.
 */
export async function withWorkLease<T>(ctx: JobContext, work: (lease: WorkLease) => Promise<T>, leaseMs = WORK_LEASE_MS): Promise<T> {
  if (!(ctx instanceof JobRun)) return work(NO_LEASE);
  const keeper = new Keeper(ctx, leaseMs);
  try {
    await keeper.hold();
    return await work(keeper);
  } finally {
    await keeper.stop();
  }
}
