/**
 * Teams' rate limits and the retry rules, with a fake clock for time and waiting; requests go over
 * real HTTP to the recording fake Bot Connector through the real bot messenger.
 */
import fc from 'fast-check';
import { AppError, FixedClock } from '../../src/domain';
import { classifyFailure, Delivery } from '../../src/scheduler/delivery';
import { type Permit, RateLimiter, type RateWindow, TEAMS_GLOBAL_PER_TENANT, TEAMS_PER_CONVERSATION, type Ticker } from '../../src/scheduler/rate-limiter';
import { useAzurite } from '../support/azurite';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector';
import { botMessenger, personalChat } from './support';

/** Time that only moves when someone waits; records every wait. For one task at a time. */
function fakeTicker(): Ticker & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Virtual time for many concurrent tasks: a sleep ends when `run` moves the clock to its deadline. */
function simTicker(): Ticker & { run(until?: number): Promise<void> } {
  let now = 0;
  let seq = 0;
  const timers: { at: number; seq: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => timers.push({ at: now + Math.max(0, ms), seq: seq++, wake })),
    /** Fires timers in time order until none is left (or the next lies beyond `until`, where the clock then stops). */
    async run(until = Number.POSITIVE_INFINITY) {
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > until) {
          if (until !== Number.POSITIVE_INFINITY) now = Math.max(now, until);
          return;
        }
        timers.shift();
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}

/** The most operations in any window of `ms` among ascending times. */
function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Start times of `n` operations done one after another, each answered at once. */
async function acquireTimes(limiter: RateLimiter, ticker: Ticker, n: number, conversation: (i: number) => string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const permit = await limiter.acquire(conversation(i), 'tenant');
    times.push(ticker.now());
    permit.done();
  }
  return times;
}

/** An operation as Teams may see it: it arrived at some moment in [start, end]. */
interface Span {
  key: string;
  start: number;
  end: number;
}

/**
 * The most operations an adversarial network can put into one `ms`-window [t, t + ms) at Teams: every
 * span that overlaps it (arrival = end for the early ones, = start for the late ones). The worst t is
 * always some operation's end.
 */
function worstWindow(spans: Span[], ms: number): number {
  let best = 0;
  for (const { end: t } of spans) best = Math.max(best, spans.filter((s) => s.start < t + ms && s.end >= t).length);
  return best;
}

function expectNoWindowOverLimit(spans: Span[], windows: readonly RateWindow[]): void {
  for (const w of windows) expect(worstWindow(spans, w.ms)).toBeLessThanOrEqual(w.limit);
}

describe('the rate limiter', () => {
  it('lets 7 messages into a conversation at once and holds the 8th for a second, the 9th for two', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 9, () => 'a:chat');
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
  });

  it('adds an optional extra margin to every window when an operator asks for slack', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker, marginMs: 150 }), ticker, 8, () => 'a:chat');
    expect(times[7]).toBe(1150);
  });

  it('never exceeds any of the per-conversation windows (7/1 s, 8/2 s, 60/30 s)', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 300, () => 'a:chat');
    for (const w of TEAMS_PER_CONVERSATION.slice(0, 3)) expect(maxInWindow(times, w.ms)).toBeLessThanOrEqual(w.limit);
    expect(maxInWindow(times, 30_000)).toBe(60);
  });

  it('holds the 1,801st message to one conversation until an hour after the first', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 1801, () => 'a:chat');
    expect(times[1800] - times[0]).toBeGreaterThanOrEqual(3_600_000);
    expect(maxInWindow(times, 3_600_000)).toBe(1800);
  });

  it('sends 1,000 messages to different people in the 19 s the 50-per-second tenant limit allows, not more', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 1000, (i) => `a:chat-${i}`);
    expect(maxInWindow(times, 1000)).toBe(50);
    expect(times[999]).toBe(19_000);
  });

  it('counts a message still in flight: with 7 unanswered in a chat the 8th waits for an answer, then for its window', async () => {
    const ticker = simTicker();
    const limiter = new RateLimiter({ ticker });
    const inFlight = await Promise.all(Array.from({ length: 7 }, () => limiter.acquire('a:chat', 'tenant')));
    let eighthAt: number | null = null;
    const eighth = limiter.acquire('a:chat', 'tenant').then((p) => {
      eighthAt = ticker.now();
      return p;
    });
    await ticker.run(10_000);
    expect(eighthAt).toBeNull();
    inFlight[0].done();
    await ticker.run();
    expect(eighthAt).toBe(11_000);
    expect((await eighth).waitedMs).toBe(11_000);
  });

  it('lets a slow answer push the next window: 7 answered after 300 ms make the 8th wait until 1.3 s', async () => {
    const ticker = simTicker();
    const limiter = new RateLimiter({ ticker });
    const starts: number[] = [];
    const send = async () => {
      const permit = await limiter.acquire('a:chat', 'tenant');
      starts.push(ticker.now());
      await ticker.sleep(300);
      permit.done();
    };
    const all = Promise.all(Array.from({ length: 8 }, send));
    await ticker.run();
    await all;
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1300]);
  });

  it('never lets Teams see more than a window allows, wherever in [send, answer] each request arrives', async () => {
    const latency = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1500 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(latency, { minLength: 50, maxLength: 250 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 64 }),
        async (latencies, chats, concurrency) => {
          const ticker = simTicker();
          const limiter = new RateLimiter({ ticker });
          const spans: Span[] = [];
          let next = 0;
          const worker = async () => {
            for (let i = next++; i < latencies.length; i = next++) {
              const key = `chat-${i % chats}`;
              const permit = await limiter.acquire(key, 'tenant');
              const start = ticker.now();
              await ticker.sleep(latencies[i]);
              permit.done();
              spans.push({ key, start, end: ticker.now() });
            }
          };
          const all = Promise.all(Array.from({ length: concurrency }, worker));
          await ticker.run();
          await all;
          expect(spans).toHaveLength(latencies.length);
          expectNoWindowOverLimit(spans, TEAMS_GLOBAL_PER_TENANT);
          for (let c = 0; c < chats; c++)
            expectNoWindowOverLimit(
              spans.filter((s) => s.key === `chat-${c}`),
              TEAMS_PER_CONVERSATION.slice(0, 3),
            );
        },
      ),
      { numRuns: 40, seed: 20261110 },
    );
  });

  it('counts a permit finished twice only once: the requests still in flight keep their places', async () => {
    const ticker = simTicker();
    const limiter = new RateLimiter({ ticker, perConversation: [{ limit: 2, ms: 1000 }], global: [] });
    const first: Permit = await limiter.acquire('a:chat', 'tenant');
    await limiter.acquire('a:chat', 'tenant');
    first.done();
    first.done();
    await ticker.run(5000);
    await limiter.acquire('a:chat', 'tenant');
    let fourthAt: number | null = null;
    void limiter.acquire('a:chat', 'tenant').then(() => {
      fourthAt = ticker.now();
    });
    await ticker.run(60_000);
    expect(fourthAt).toBeNull();
  });

  it('can be switched off for tests that are about something else', async () => {
    const ticker = fakeTicker();
    const none: RateWindow[] = [];
    await acquireTimes(new RateLimiter({ ticker, perConversation: none, global: none }), ticker, 500, () => 'a:chat');
    expect(ticker.sleeps).toEqual([]);
  });
});

describe('delivery with retries', () => {
  const az = useAzurite();
  let fake: FakeConnector;
  beforeAll(async () => {
    fake = await startFakeConnector();
  });
  afterAll(async () => {
    await fake.close();
  });

  async function setUp(opts: ConstructorParameters<typeof Delivery>[1] = {}) {
    fake.reset();
    const store = await az.newStore();
    const ticker = fakeTicker();
    const d = new Delivery(botMessenger(store, new FixedClock('2026-03-10T07:00:00Z')), { ticker, random: () => 0.5, ...opts });
    return { d, ticker, chat: personalChat(fake, '29:chief-1') };
  }

  const sends = () => fake.requests().filter((r) => r.kind === 'send' || r.kind === 'reply');

  it('waits out Retry-After on 429 (plus jitter, never less) and then delivers', async () => {
    const { d, ticker, chat } = await setUp();
    fake.failNext(2, 429, { headers: { 'Retry-After': '7' } });
    await d.send(chat, { text: 'Påmindelse' });
    expect(sends().map((r) => (r.status < 300 ? 'ok' : r.status))).toEqual([429, 429, 'ok']);
    expect(ticker.sleeps).toEqual([7700, 7700]);
    expect(d.stats).toMatchObject({ throttled: 2, retries: 2 });
  });

  it('retries 412 and 5xx with growing, bounded backoff', async () => {
    const { d, ticker, chat } = await setUp({ baseDelayMs: 100, maxDelayMs: 300, maxAttempts: 6 });
    fake.failNext(1, 412);
    fake.failNext(1, 500);
    fake.failNext(1, 502);
    fake.failNext(1, 504);
    await d.send(chat, { text: 'Påmindelse' });
    expect(sends()).toHaveLength(5);
    expect(ticker.sleeps).toEqual([75, 150, 225, 225]);
  });

  it('gives up after the last attempt with a retryable delivery error (the sweep puts the job back)', async () => {
    const { d, chat } = await setUp({ baseDelayMs: 1, maxAttempts: 3 });
    fake.failNext(5, 503);
    const error = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(classifyFailure(error)).toBe('retry');
    expect(sends()).toHaveLength(3);
  });

  it('does not retry 403 or 404: the recipient is unreachable', async () => {
    const { d, chat } = await setUp();
    fake.failNext(1, 403);
    const e403 = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    fake.failNext(1, 404);
    const e404 = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    expect([classifyFailure(e403), classifyFailure(e404)]).toEqual(['undeliverable', 'undeliverable']);
    expect(sends()).toHaveLength(2);
  });

  it('frees the place of a failed request: the next message to the chat still goes out when its window allows', async () => {
    const { d, ticker, chat } = await setUp({ limits: { perConversation: [{ limit: 1, ms: 1000 }], global: [] } });
    fake.failNext(1, 403);
    const error = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    expect(classifyFailure(error)).toBe('undeliverable');
    await d.send(chat, { text: 'Påmindelse' });
    expect(ticker.sleeps).toEqual([1000]);
    expect(sends().map((r) => (r.status < 300 ? 'ok' : r.status))).toEqual([403, 'ok']);
  }, 3000);

  it('does not retry a message Teams rejects as too large (413): that is our bug, not the recipient', async () => {
    const { d, chat } = await setUp();
    fake.failNext(1, 413);
    const error = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    expect(classifyFailure(error)).toBe('rejected');
    expect(sends()).toHaveLength(1);
  });
});
