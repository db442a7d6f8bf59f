/** Seeding big benchmark worlds: rows straight into their tables, and repeatable pseudo-random numbers. */
import { type BatchAction, chunkActions, type Entity, type Table } from '../src/store/tables/table';
import { inParallel } from './turn-latency.bench';

/** Writes rows grouped by table and partition, four transactions at a time. */
export async function seedRows(rows: { table: Table; entity: Entity }[], op: 'create' | 'upsert' = 'upsert'): Promise<void> {
  const groups = new Map<string, { table: Table; actions: BatchAction[] }>();
  for (const { table, entity } of rows) {
    const k = `${table.name}\u0000${entity.partitionKey}`;
    const g = groups.get(k) ?? { table, actions: [] };
    g.actions.push({ op, entity });
    groups.set(k, g);
  }
  const batches = [...groups.values()].flatMap((g) => chunkActions(g.actions).map((c) => ({ table: g.table, c })));
  await inParallel(batches, 4, async (b) => {
    await b.table.transact(b.c);
  });
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
