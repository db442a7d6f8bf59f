/** Seeding big benchmark worlds fast: rows straight into their tables, in transactions of up to 100. */
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
