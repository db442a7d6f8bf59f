/**
 * Sliding-window rate limits for what the bot sends to Teams, per conversation and per tenant.
 *
 * Source: Microsoft Learn, "Optimize your bot with rate limiting and best practices in Teams"
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit), checked Nov 2026:
 *
 * | Per bot per thread (conversation) | time-period (s) | max operations |
 * |-----------------------------------|-----------------|----------------|
 * | Send to conversation              | 1               | 7              |
 * | Send to conversation              | 2               | 8              |
 * | Send to conversation              | 30              | 60             |
 * | Send to conversation              | 3600            | 1800           |
 * | Create conversation               | (same as send)  |                |
 * | Get conversation members          | 1 / 2 / 30 / 3600 | 14 / 16 / 120 / 3600 |
 * | Per thread, all bots: send        | 1 / 2           | 14 / 16        |
 * | Global, per app per tenant        | 1               | 50 (all bot API calls) |
 *
 * The global limit is per app across all service instances; with N instances give each
 * `global: [{ limit: 50 / N, ms: 1000 }]` (429 handling in delivery.ts covers the rest).
 * Exact values may change; a 429 is always honoured whatever these numbers say.
 */

/** At most `limit` operations in any `ms`-long window. */
export interface RateWindow {
  limit: number;
  ms: number;
}

export const TEAMS_PER_CONVERSATION: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

export const TEAMS_GLOBAL_PER_TENANT: readonly RateWindow[] = [{ limit: 50, ms: 1_000 }];

/** Monotonic time and waiting, injected so tests and benchmarks control them. */
export interface Ticker {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTicker: Ticker = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface RateLimiterOptions {
  /** Default: Teams' per-bot per-conversation send limits. `[]` disables (tests). */
  perConversation?: readonly RateWindow[];
  /** Default: 50 per second per tenant. `[]` disables. */
  global?: readonly RateWindow[];
  ticker?: Ticker;
  /**
   * Added to every window (default 150 ms): we count a request when it leaves, Teams when it arrives,
   * and requests sent together arrive spread out; without slack the 8th message of a burst can land
   * inside Teams' 1-second window of the first seven.
   */
  marginMs?: number;
}

/** Index of the first entry > t in an ascending array. */
function firstAfter(log: number[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One process's view of what it sent; each instance of the service has its own. */
export class RateLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly perConversation: readonly RateWindow[];
  private readonly global: readonly RateWindow[];
  private readonly ticker: Ticker;
  private readonly horizon: number;
  private readonly margin: number;
  private acquisitions = 0;

  constructor(opts: RateLimiterOptions = {}) {
    this.perConversation = opts.perConversation ?? TEAMS_PER_CONVERSATION;
    this.global = opts.global ?? TEAMS_GLOBAL_PER_TENANT;
    this.ticker = opts.ticker ?? realTicker;
    this.margin = opts.marginMs ?? 150;
    this.horizon = this.margin + Math.max(0, ...this.perConversation.map((w) => w.ms), ...this.global.map((w) => w.ms));
  }

  /** Waits until one more operation in `conversationId` (tenant `tenantId`) is allowed, then counts it. Returns ms waited. */
  async acquire(conversationId: string, tenantId: string): Promise<number> {
    const start = this.ticker.now();
    const convKey = `c|${conversationId}`;
    const globalKey = `t|${tenantId}`;
    for (;;) {
      const now = this.ticker.now();
      const wait = Math.max(this.delay(convKey, this.perConversation, now), this.delay(globalKey, this.global, now));
      if (wait <= 0) {
        if (this.perConversation.length) this.record(convKey, now);
        if (this.global.length) this.record(globalKey, now);
        if (++this.acquisitions % 1000 === 0) this.pruneAll(now);
        return now - start;
      }
      await this.ticker.sleep(wait);
    }
  }

  /** How long until every window of `key` has room for one more (0 = now). */
  private delay(key: string, windows: readonly RateWindow[], now: number): number {
    const log = this.logs.get(key);
    if (!log || windows.length === 0) return 0;
    let wait = 0;
    for (const w of windows) {
      const span = w.ms + this.margin;
      const inWindow = log.length - firstAfter(log, now - span);
      if (inWindow >= w.limit) {
        const blocking = log[log.length - w.limit];
        wait = Math.max(wait, blocking + span - now);
      }
    }
    return wait;
  }

  private record(key: string, now: number): void {
    const log = this.logs.get(key) ?? [];
    const drop = firstAfter(log, now - this.horizon);
    if (drop > 0) log.splice(0, drop);
    log.push(now);
    this.logs.set(key, log);
  }

  /** Forgets conversations with nothing inside the longest window (keeps memory bounded). */
  private pruneAll(now: number): void {
    for (const [key, log] of this.logs) {
      if (log.length === 0 || log[log.length - 1] <= now - this.horizon) this.logs.delete(key);
    }
  }
}
