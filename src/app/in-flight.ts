/**
 * Work in flight that shutdown waits for: turns being answered (src/bot/endpoint.ts), the
 * background runs a click starts (src/app/background.ts) and coalesced card updates (card-updates.ts).
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const forget = () => this.running.delete(p);
    p.then(forget, forget);
    return p;
  }

  get size(): number {
    return this.running.size;
  }

  /**
   * Resolves when everything tracked has settled, including work tracked while waiting (a card update
   * that background work asked for), or after `timeoutMs` (returns how many were left).
   */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    while (this.running.size > 0 && !timedOut) await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
    return this.running.size;
  }
}
