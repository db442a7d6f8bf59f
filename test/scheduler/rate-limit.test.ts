/**
 * Teams' rate limits and the retry rules, with a fake clock for time and waiting; requests go over
 * real HTTP to the recording fake Bot Connector through the real bot messenger.
 */
import { AppError, FixedClock } from '../../src/domain';
import { classifyFailure, Delivery } from '../../src/scheduler/delivery';
import { RateLimiter, type RateWindow, TEAMS_PER_CONVERSATION, type Ticker } from '../../src/scheduler/rate-limiter';
import { useAzurite } from '../support/azurite';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector';
import { botMessenger, personalChat } from './support';

/** Time that only moves when someone waits; records every wait. */
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

async function acquireTimes(limiter: RateLimiter, ticker: Ticker, n: number, conversation: (i: number) => string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await limiter.acquire(conversation(i), 'tenant');
    times.push(ticker.now());
  }
  return times;
}

describe('the rate limiter', () => {
  it('lets 7 messages into a conversation at once and holds the 8th for a second, the 9th for two', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker, marginMs: 0 }), ticker, 9, () => 'a:chat');
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
  });

  it('keeps a safety margin so a burst that arrives late at Teams still fits its window', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 8, () => 'a:chat');
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

  it('keeps all conversations of a tenant together under 50 per second', async () => {
    const ticker = fakeTicker();
    const times = await acquireTimes(new RateLimiter({ ticker }), ticker, 400, (i) => `a:chat-${i}`);
    expect(maxInWindow(times, 1000)).toBe(50);
    expect(times[399]).toBeLessThan(8 * 1150 + 1);
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

  it('does not retry a message Teams rejects as too large (413): that is our bug, not the recipient', async () => {
    const { d, chat } = await setUp();
    fake.failNext(1, 413);
    const error = await d.send(chat, { text: 'x' }).catch((e: unknown) => e);
    expect(classifyFailure(error)).toBe('rejected');
    expect(sends()).toHaveLength(1);
  });
});
