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
 *
 * Teams counts an operation when it arrives, somewhere between our send start and our receipt of the
 * response. So an operation holds a slot from its start (pending) until its completion + the window:
 * a new one may start at `now` when pending + (completed after now - W) < L for every window. An old
 * one completed at c <= now - W arrived at <= c, the new one arrives at >= now: no W-window holds both.
 * This needs no guess of network jitter; slow responses simply delay the next start by their latency.
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
  /** Optional extra slack added to every window (default 0; the completion-time rule is already safe). */
  marginMs?: number;
}

/** Leave to perform one operation; call `done()` once the HTTP call has finished, successfully or not. */
export interface Permit {
  /** How long `acquire` waited for room. */
  readonly waitedMs: number;
  /** Marks the operation complete (idempotent). Until then it counts against every window. */
  done(): void;
}

/** What one conversation or tenant has in flight and has completed (ascending completion times). */
interface KeyState {
  pending: number;
  completed: number[];
  waiters: (() => void)[];
  /** How long completions matter: the key's longest window (1 s for a tenant, 1 h for a chat). */
  horizon: number;
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

/** Until when we must wait: `0` = now, a number of ms, or `'completion'` (in-flight operations alone fill a window). */
type Delay = number | 'completion';

/** One process's view of what it sent; each instance of the service has its own. */
export class RateLimiter {
  private readonly states = new Map<string, KeyState>();
  private readonly perConversation: readonly RateWindow[];
  private readonly global: readonly RateWindow[];
  private readonly ticker: Ticker;
  private readonly margin: number;
  private acquisitions = 0;

  constructor(opts: RateLimiterOptions = {}) {
    this.perConversation = opts.perConversation ?? TEAMS_PER_CONVERSATION;
    this.global = opts.global ?? TEAMS_GLOBAL_PER_TENANT;
    this.ticker = opts.ticker ?? realTicker;
    this.margin = opts.marginMs ?? 0;
  }

  /** Waits until one more operation in `conversationId` (tenant `tenantId`) may start, then counts it as in flight. */
  async acquire(conversationId: string, tenantId: string): Promise<Permit> {
    const start = this.ticker.now();
    const keys: [string, readonly RateWindow[]][] = [
      [`c|${conversationId}`, this.perConversation],
      [`t|${tenantId}`, this.global],
    ];
    const active = keys.filter(([, windows]) => windows.length > 0);
    for (;;) {
      const now = this.ticker.now();
      let wait = 0;
      let blockedBy: string | null = null;
      for (const [key, windows] of active) {
        const d = this.delay(key, windows, now);
        if (d === 'completion') blockedBy = key;
        else wait = Math.max(wait, d);
      }
      if (blockedBy !== null) await this.completion(blockedBy);
      else if (wait > 0) await this.ticker.sleep(wait);
      else return this.grant(active, now, now - start);
    }
  }

  /** How long until every window of `key` has room for one more. */
  private delay(key: string, windows: readonly RateWindow[], now: number): Delay {
    const s = this.states.get(key);
    if (!s) return 0;
    let wait = 0;
    for (const w of windows) {
      const span = w.ms + this.margin;
      const log = s.completed;
      const inWindow = log.length - firstAfter(log, now - span);
      if (s.pending + inWindow < w.limit) continue;
      // Room comes when all but (limit - 1 - pending) of the completed ones have aged out.
      const mustLeave = s.pending + inWindow - w.limit + 1;
      if (mustLeave > inWindow) return 'completion';
      const blocking = log[log.length - inWindow + mustLeave - 1];
      wait = Math.max(wait, blocking + span - now);
    }
    return wait;
  }

  private grant(keys: [string, readonly RateWindow[]][], now: number, waitedMs: number): Permit {
    const states = keys.map(([key, windows]) => this.state(key, this.margin + Math.max(0, ...windows.map((w) => w.ms))));
    for (const s of states) s.pending++;
    if (++this.acquisitions % 1000 === 0) this.pruneAll(now);
    let finished = false;
    return {
      waitedMs,
      done: () => {
        if (finished) return;
        finished = true;
        const at = this.ticker.now();
        for (const s of states) this.complete(s, at);
      },
    };
  }

  private state(key: string, horizon: number): KeyState {
    let s = this.states.get(key);
    if (!s) {
      s = { pending: 0, completed: [], waiters: [], horizon };
      this.states.set(key, s);
    }
    return s;
  }

  private complete(s: KeyState, at: number): void {
    s.pending--;
    const drop = firstAfter(s.completed, at - s.horizon);
    if (drop > 0) s.completed.splice(0, drop);
    s.completed.push(at);
    const waiters = s.waiters;
    s.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves at the next completion of an operation under `key`. */
  private completion(key: string): Promise<void> {
    const s = this.states.get(key);
    return s ? new Promise((resolve) => s.waiters.push(resolve)) : Promise.resolve();
  }

  /** Forgets keys with nothing in flight and nothing inside the longest window (keeps memory bounded). */
  private pruneAll(now: number): void {
    for (const [key, s] of this.states) {
      const last = s.completed[s.completed.length - 1];
      if (s.pending === 0 && s.waiters.length === 0 && (last === undefined || last <= now - s.horizon)) this.states.delete(key);
    }
  }
}
