/**
 * One claimed job being worked on: holds its current version (ETag) and implements the
 * send-once protocol. Order per job: [renew lease] → send → record sentActivityId → mark done.
 * - crash before the send: the lease expires, another instance claims the job and sends;
 * - crash after recording: the next claimer finds sentActivityId and completes without resending;
 * - the one window left is a crash between Teams accepting the send and the record (milliseconds):
 *   Teams has no idempotency key, so that message can repeat (documented in docs/reminders.md).
 */
import type { AppDeps } from '../app/deps';
import type { OutgoingMessage } from '../app/messenger';
import { AppError, type Job } from '../domain';
import type { Logger } from '../logger';
import type { StoredConversation, Versioned } from '../store/ports';
import type { Delivery } from './delivery';
import type { ReadCache } from '../app/read-cache';
import type { JobContext, SendOnceOptions } from './handlers/types';

const RECORD_RETRY_FIRST_MS = 250;
const RECORD_RETRY_MAX_MS = 4000;
const RECORD_RETRY_ATTEMPTS = 10;

/** Someone else owns the job now (our lease ran out): stop working on it. */
export class LeaseLostError extends AppError {
  constructor(
    jobId: string,
    readonly afterSend: boolean,
  ) {
    super('conflict', `Lost the lease on job ${jobId}${afterSend ? ' after sending' : ''}`, { jobId, afterSend });
  }
}

export interface JobRunOptions {
  leaseMs: number;
  /** Renew the lease before sending when less than this is left (covers the longest delivery). */
  minLeaseLeftMs: number;
  now: () => Date;
}

export class JobRun implements JobContext {
  readonly job: Job;
  /** True when the message had been sent by an earlier run. */
  recovered = false;
  sent = false;
  private current: Versioned<Job>;

  constructor(
    readonly deps: AppDeps,
    claimed: Versioned<Job>,
    readonly delivery: Delivery,
    readonly cache: ReadCache,
    readonly log: Logger,
    private readonly opts: JobRunOptions,
  ) {
    this.current = claimed;
    this.job = claimed.value;
  }

  get now(): Date {
    return this.opts.now();
  }

  get version(): Versioned<Job> {
    return this.current;
  }

  async sendOnce(conversation: StoredConversation, message: OutgoingMessage, opts: SendOnceOptions = {}): Promise<string> {
    const recorded = this.current.value.sentActivityId;
    if (recorded) {
      this.recovered = true;
      return recorded;
    }
    if (this.sent) throw new AppError('internal', `Job ${this.job.id} tried to send twice`);
    await this.ensureLease();
    const { activityId } = await this.delivery.send(conversation, message);
    this.sent = true;
    try {
      const job = this.current.value;
      const payload = { ...job.payload, ...opts.record };
      const done = opts.last ? { status: 'done' as const, leaseOwner: null, leaseUntil: null } : {};
      await this.recordSend({ ...job, sentActivityId: activityId, payload, ...done });
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') throw new LeaseLostError(this.job.id, true);
      throw e;
    }
    return activityId;
  }

  /**
   * The message is out: recording that is what stops a resend, so a storage outage here is waited
   * out (bounded, and only while our lease holds) instead of leaving the job to be sent again.
   */
  private async recordSend(next: Job): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.write(next);
        return;
      } catch (e) {
        const heldUntil = this.current.value.leaseUntil;
        const leaseLeft = (heldUntil ? Date.parse(heldUntil) : 0) - this.opts.now().getTime();
        const waitMs = Math.min(RECORD_RETRY_MAX_MS, RECORD_RETRY_FIRST_MS * 2 ** attempt);
        const retryable = e instanceof AppError && e.code === 'storage-unavailable';
        if (!retryable || attempt >= RECORD_RETRY_ATTEMPTS || leaseLeft < waitMs) throw e;
        this.log.warn({ jobId: this.job.id, attempt, waitMs }, 'storage unavailable after a send; retrying the record');
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  /** Conditional write of the job's next state; keeps the new ETag. */
  async write(next: Job): Promise<void> {
    this.current = await this.deps.store.jobs.update(next, this.current.etag);
  }

  private async ensureLease(): Promise<void> {
    const now = this.opts.now().getTime();
    const until = this.current.value.leaseUntil ? Date.parse(this.current.value.leaseUntil) : 0;
    if (until - now >= this.opts.minLeaseLeftMs) return;
    try {
      await this.write({ ...this.current.value, leaseUntil: new Date(now + this.opts.leaseMs).toISOString() });
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') throw new LeaseLostError(this.job.id, false);
      throw e;
    }
  }
}
