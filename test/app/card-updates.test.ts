/** The coalescer of shared card updates (src/app/card-updates.ts), with updates we finish by hand. */
import { CardUpdates } from '../../src/app/card-updates';
import { InFlight } from '../../src/app/in-flight';

/** An update that records when it ran and what the state was, and finishes when told. */
function recorder() {
  let state = 0;
  const seen: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const finishers: (() => void)[] = [];
  const update = () => {
    seen.push(state);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<void>((resolve) =>
      finishers.push(() => {
        inFlight--;
        resolve();
      }),
    );
  };
  const finishOne = async () => {
    finishers.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { update, seen, finishOne, set: (v: number) => (state = v), maxInFlight: () => maxInFlight };
}

describe('CardUpdates', () => {
  it('runs one update per card at a time and folds what is asked meanwhile into one more, with the latest state', async () => {
    const cards = new CardUpdates();
    const r = recorder();
    const done: number[] = [];
    r.set(1);
    void cards.request('overview|m', r.update).then(() => done.push(1));
    for (let click = 2; click <= 20; click++) {
      r.set(click);
      void cards.request('overview|m', r.update).then(() => done.push(click));
    }
    expect(r.seen).toEqual([1]);
    await r.finishOne();
    expect(done).toEqual([1]);
    expect(r.seen).toEqual([1, 20]);
    await r.finishOne();
    await cards.idle();
    expect(done).toHaveLength(20);
    expect(r.seen).toEqual([1, 20]);
    expect(r.maxInFlight()).toBe(1);
    expect(cards.pending).toBe(0);
  });

  it('updates different cards side by side', async () => {
    const cards = new CardUpdates();
    const a = recorder();
    const b = recorder();
    void cards.request('overview|m', a.update);
    void cards.request('summary|m', b.update);
    expect([a.seen.length, b.seen.length]).toEqual([1, 1]);
    await a.finishOne();
    await b.finishOne();
    await cards.idle();
  });

  it('keeps going after a failed update, and registers its work for shutdown', async () => {
    const tracked: Promise<void>[] = [];
    const cards = new CardUpdates({ track: (w) => tracked.push(w) });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('Teams said no');
    };
    const first = cards.request('overview|m', failing);
    const second = cards.request('overview|m', failing);
    await Promise.all([first, second]);
    expect(calls).toBe(2);
    expect(tracked).toHaveLength(1);
    await cards.request('overview|m', async () => {
      calls++;
    });
    expect(calls).toBe(3);
    expect(tracked).toHaveLength(2);
  });

  it('lets shutdown wait for the updates, also one asked for while it waits (a closing run refreshing the overview)', async () => {
    const background = new InFlight();
    const cards = new CardUpdates({ track: (w) => background.track(w) });
    const shown: string[] = [];
    const slow = (what: string, then?: () => void) => async () => {
      await new Promise((r) => setTimeout(r, 50));
      shown.push(what);
      then?.();
    };
    void cards.request(
      'overview|m',
      slow('overview', () => void cards.request('summary|m', slow('summary'))),
    );
    expect(await background.drain(5_000)).toBe(0);
    expect(shown).toEqual(['overview', 'summary']);
  });
});
