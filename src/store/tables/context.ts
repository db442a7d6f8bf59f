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
 * `max` entries (oldest first). Only ever a hint: every user of it checks the hint against storage
 * or accepts that a stale hint costs one redundant write.
 */
export class RecentMemo<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxAgeMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at <= this.maxAgeMs) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
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
