/** The tables one store works on, and the index-row helper shared by the repositories. */
import type { Logger } from '../../logger';
import type { Table } from './table';

export const TABLE_NAMES = [
  'forums',
  'forumindex',
  'conversations',
  'meetings',
  'decisions',
  'responses',
  'followups',
  'followupsbyuser',
  'cascade',
  'posted',
  'jobs',
  'jobids',
  'jobsdue',
  'audit',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

export interface StoreContext {
  tables: Record<TableName, Table>;
  logger: Logger | null;
  /** Monotonic milliseconds, for the store's short-lived memos. */
  now: () => number;
}

/**
 * What this store instance wrote or found lately, by key, forgotten after `maxAgeMs` and beyond
 * `capacity` (oldest first; each entry weighs 1 unless `set` says more). Only ever a hint: every user
 * of it checks the hint against storage or accepts that a stale hint costs one redundant write.
 */
export class RecentMemo<T> {
  private readonly entries = new Map<string, { value: T; at: number; weight: number }>();
  private total = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxAgeMs: number,
    private readonly capacity = 10_000,
  ) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at <= this.maxAgeMs) return hit.value;
    this.delete(key);
    return undefined;
  }

  set(key: string, value: T, weight = 1): void {
    this.delete(key);
    if (weight > this.capacity) return;
    this.entries.set(key, { value, at: this.now(), weight });
    this.total += weight;
    for (const oldest of this.entries.keys()) {
      if (this.total <= this.capacity) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.total -= hit.weight;
  }
}

/**
 * Index rows are written before the primary row changes and removed after, so an index is a
 * superset of the truth and readers check each hit against the primary row. `rev` on an index
 * row is the primary's revision that wrote it: a writer only removes rows no newer than the
 * revision it committed, so it never removes a row a later writer needs.
 */
export async function dropIndexRowUnlessNewer(table: Table, partitionKey: string, rowKey: string, committedRev: number): Promise<void> {
  const row = await table.get(partitionKey, rowKey);
  if (!row) return;
  if (Number(row.entity.rev ?? '0') > committedRev) return;
  await table.remove(partitionKey, rowKey, row.etag);
}

/** Runs `fn` over items with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
