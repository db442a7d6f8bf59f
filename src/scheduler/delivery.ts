/**
 * A Messenger that holds under throttling and faults: every request waits for the rate limiter; 429 is
 * retried after Retry-After (plus jitter), 412/5xx/network errors with exponential backoff and
 * jitter, all bounded by `maxAttempts` and `maxTotalMs`; 403/404 are permanent (undeliverable) and
 * never retried. What still fails is thrown as AppError('delivery-failed') for the sweep to handle.
 */
import type { Messenger, OutgoingMessage } from '../app/messenger';
import { AppError, type Forum, type Member } from '../domain';
import type { Logger } from '../logger';
import type { StoredConversation } from '../store/ports';
import { RateLimiter, type RateLimiterOptions, realTicker, type Ticker } from './rate-limiter';

export type FailureKind = 'retry' | 'undeliverable' | 'rejected';

export interface DeliveryOptions {
  limiter?: RateLimiter;
  /** Used when no limiter is given. */
  limits?: Omit<RateLimiterOptions, 'ticker'>;
  ticker?: Ticker;
  /** 0 <= x < 1; injected for deterministic tests. */
  random?: () => number;
  /** Attempts per request, the first included (default 6). */
  maxAttempts?: number;
  /** First backoff step for 412/5xx (default 500 ms), doubling, capped at `maxDelayMs` (default 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Upper bound for one request including all waits (default 120 s; keep it well below the job lease). */
  maxTotalMs?: number;
  logger?: Logger;
}

export interface DeliveryStats {
  requests: number;
  retries: number;
  throttled: number;
  waitedMs: number;
}

function detailsOf(e: unknown): { status: number | null; retryAfterMs: number | null; permanent: boolean } {
  const d = e instanceof AppError ? e.details : {};
  const status = typeof d.status === 'number' ? d.status : null;
  const retryAfterMs = typeof d.retryAfterMs === 'number' && d.retryAfterMs >= 0 ? d.retryAfterMs : null;
  return { status, retryAfterMs, permanent: d.permanent === true };
}

/** How a failed Teams request should be treated. Errors without a status (network) are retried. */
export function classifyFailure(e: unknown): FailureKind {
  const { status, permanent } = detailsOf(e);
  if (status === 403 || status === 404) return 'undeliverable';
  // Other permanent failures (400 bad activity, 413 too big) are our fault, not the recipient's.
  if (permanent) return status === null ? 'undeliverable' : 'rejected';
  if (e instanceof AppError && e.code !== 'delivery-failed' && e.code !== 'storage-unavailable' && e.code !== 'internal') return 'rejected';
  if (status === null || status === 429 || status === 412 || status >= 500) return 'retry';
  return 'rejected';
}

/** The HTTP status behind a delivery error, if any. */
export function failureStatus(e: unknown): number | null {
  return detailsOf(e).status;
}

export class Delivery implements Messenger {
  readonly stats: DeliveryStats = { requests: 0, retries: 0, throttled: 0, waitedMs: 0 };
  private readonly limiter: RateLimiter;
  private readonly ticker: Ticker;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxTotalMs: number;

  constructor(
    private readonly inner: Messenger,
    private readonly opts: DeliveryOptions = {},
  ) {
    this.ticker = opts.ticker ?? realTicker;
    this.limiter = opts.limiter ?? new RateLimiter({ ...opts.limits, ticker: this.ticker });
    this.random = opts.random ?? Math.random;
    this.maxAttempts = opts.maxAttempts ?? 6;
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.maxTotalMs = opts.maxTotalMs ?? 120_000;
  }

  send(conversation: StoredConversation, message: OutgoingMessage): Promise<{ activityId: string }> {
    return this.withRetry('send', conversation.conversationId, conversation.tenantId, () => this.inner.send(conversation, message));
  }

  update(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void> {
    return this.withRetry('update', conversation.conversationId, conversation.tenantId, () => this.inner.update(conversation, activityId, message));
  }

  /** Creating a 1:1 counts against the same limits as a send (keyed by the user until the chat exists). */
  ensurePersonal(forum: Forum, member: Member): Promise<StoredConversation> {
    return this.withRetry('create-conversation', `user|${member.userId}`, forum.tenantId, () => this.inner.ensurePersonal(forum, member));
  }

  private async withRetry<T>(op: string, conversationId: string, tenantId: string, call: () => Promise<T>): Promise<T> {
    const start = this.ticker.now();
    for (let attempt = 1; ; attempt++) {
      const permit = await this.limiter.acquire(conversationId, tenantId);
      this.stats.waitedMs += permit.waitedMs;
      this.stats.requests++;
      let failure: unknown;
      try {
        return await call();
      } catch (e) {
        failure = e;
      } finally {
        permit.done(); // the response is in: from here on Teams has counted it
      }
      const kind = classifyFailure(failure);
      const { status, retryAfterMs } = detailsOf(failure);
      if (kind !== 'retry') throw failure;
      const wait = this.backoff(attempt, status, retryAfterMs);
      const elapsed = this.ticker.now() - start;
      if (attempt >= this.maxAttempts || elapsed + wait > this.maxTotalMs) {
        throw new AppError('delivery-failed', `Teams ${op} still failing after ${attempt} attempts (status ${status ?? 'none'})`, {
          status,
          retryAfterMs,
          permanent: false,
          attempts: attempt,
        });
      }
      if (status === 429) this.stats.throttled++;
      this.stats.retries++;
      this.opts.logger?.warn({ op, status, attempt, waitMs: wait }, 'Teams request failed; retrying');
      await this.ticker.sleep(wait);
      this.stats.waitedMs += wait;
    }
  }

  /** Retry-After (never shortened) plus up to 20% jitter; otherwise exponential backoff, jittered in its upper half. */
  private backoff(attempt: number, status: number | null, retryAfterMs: number | null): number {
    if (status === 429 && retryAfterMs !== null) return Math.round(Math.min(retryAfterMs * (1 + 0.2 * this.random()), this.maxTotalMs));
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(cap / 2 + (cap / 2) * this.random());
  }
}

/** A delivering messenger over `messenger` with Teams' limits (options override for tests and benchmarks). */
export function createDelivery(messenger: Messenger, opts: DeliveryOptions = {}): Delivery {
  return messenger instanceof Delivery ? messenger : new Delivery(messenger, opts);
}
