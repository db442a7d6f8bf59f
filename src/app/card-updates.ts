/**
 * Updates of shared cards (the channel's agenda overview, the meeting summary), coalesced per card.
 * Many people click at once and every click changes the card's tally, but Teams allows a bot only
 * 60 operations per 30 s in a conversation: one update per click would queue behind the rate limiter,
 * and a click that waited for it would miss Teams' 5 s. So a click only asks for an update and answers
 * at once. Per card at most one update is in flight; what is asked meanwhile is folded into one more
 * update after it, which reads the state when it starts: the latest state wins, and no click's change
 * is left off the card. Updates go through the messenger (rate limiter, 429 retried after Retry-After).
 */
import { asAppError } from '../domain';
import type { Logger } from '../logger';

export interface CardUpdatesOptions {
  /** Registers each card's chain of updates as background work, so shutdown waits for it. */
  track?: (work: Promise<void>) => void;
  logger?: Logger;
}

interface Slot {
  /** The newest update asked for and not yet started. */
  next: (() => Promise<void>) | null;
  /** Who waits for `next` to finish. */
  waiting: (() => void)[];
}

export class CardUpdates {
  private readonly slots = new Map<string, Slot>();
  private readonly chains = new Set<Promise<void>>();

  constructor(private readonly opts: CardUpdatesOptions = {}) {}

  /**
   * Asks for card `key` to be brought up to date by `update` (which reads the state when it runs).
   * Resolves, never rejects, once an update started after this call has finished.
   */
  request(key: string, update: () => Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const slot = this.slots.get(key);
      if (slot) {
        slot.next = update;
        slot.waiting.push(resolve);
        return;
      }
      const fresh: Slot = { next: update, waiting: [resolve] };
      this.slots.set(key, fresh);
      const chain = this.run(key, fresh);
      this.chains.add(chain);
      void chain.finally(() => this.chains.delete(chain));
      this.opts.track?.(chain);
    });
  }

  /** Cards with an update in flight or asked for. */
  get pending(): number {
    return this.slots.size;
  }

  /** Resolves when no card has an update in flight or asked for. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains]);
  }

  private async run(key: string, slot: Slot): Promise<void> {
    try {
      while (slot.next) {
        const update = slot.next;
        const waiting = slot.waiting;
        slot.next = null;
        slot.waiting = [];
        try {
          await update();
        } catch (e) {
          const err = asAppError(e);
          this.opts.logger?.warn({ card: key, code: err.code, reason: err.message.split('\n')[0].slice(0, 200) }, 'card update failed');
        } finally {
          for (const done of waiting) done();
        }
      }
    } finally {
      this.slots.delete(key);
    }
  }
}
