/**
 * `npx ts-node --transpile-only bench/durable-store.bench.ts [--smoke]`: what saving before answering
 * costs the embedded Azurite (src/store/azurite.ts). Each write is answered only once the whole
 * LokiJS database is on disk (temp file, fsync, rename); concurrent writes share a save (group
 * commit). Compared with the same Azurite in memory, which is what a write cost before: Azurite's
 * own 5 s autosave ran outside the request. Writes are one ~1 KB entity each (an upsert), from
 * 1 and from 16 concurrent writers, on a database that already holds 0, 2,000 and 10,000 such rows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TableClient } from '@azure/data-tables';
import { startEmbeddedAzurite } from '../src/store/azurite';
import { inParallel } from './turn-latency.bench';

const smoke = process.argv.includes('--smoke');
const BODY = 'x'.repeat(1000);

interface Row {
  storage: string;
  rows: number;
  dbMb: number;
  writers: number;
  writes: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function seed(client: TableClient, rows: number): Promise<void> {
  const batches = Array.from({ length: Math.ceil(rows / 100) }, (_, b) => b);
  await inParallel(batches, 8, async (b) => {
    const n = Math.min(100, rows - b * 100);
    await client.submitTransaction(Array.from({ length: n }, (_, i) => ['upsert', { partitionKey: `seed-${b}`, rowKey: String(i), body: BODY }]));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(client: TableClient, writers: number, writes: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const times: number[] = [];
  const t0 = performance.now();
  await inParallel(
    Array.from({ length: writes }, (_, i) => i),
    writers,
    async (i) => {
      const start = performance.now();
      await client.upsertEntity({ partitionKey: 'w', rowKey: String(i % 500), body: BODY, i });
      times.push(performance.now() - start);
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: writes / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function run(durable: boolean, rows: number): Promise<Row[]> {
  const dir = durable ? mkdtempSync(path.join(tmpdir(), 'durable-bench-')) : null;
  const azurite = await startEmbeddedAzurite({ dataDir: dir });
  const out: Row[] = [];
  try {
    const client = TableClient.fromConnectionString(azurite.connectionString, 'bench', { allowInsecureConnection: true });
    await client.createTable();
    await seed(client, rows);
    await measure(client, 4, 20); // warm-up
    for (const writers of [1, 16]) {
      const writes = smoke ? 50 : writers === 1 ? 100 : 400;
      const m = await measure(client, writers, writes);
      const dbMb = dir ? statSync(path.join(dir, '__azurite_db_table__.json')).size / 1024 ** 2 : 0;
      out.push({ storage: durable ? 'on disk, saved before answering' : 'in memory (no save in the request)', rows, dbMb, writers, writes, ...m });
    }
  } finally {
    await azurite.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const seeded of smoke ? [0, 2000] : [0, 2000, 10000]) {
    for (const durable of [false, true]) rows.push(...(await run(durable, seeded)));
  }
  console.log('\nEmbedded Azurite: a write answered only once on disk, against the same Azurite in memory\n');
  console.log('storage                              | rows   | db MB | writers | writes | writes/s | p50 ms | p99 ms');
  console.log('-------------------------------------|--------|-------|---------|--------|----------|--------|-------');
  for (const r of rows) {
    console.log(
      [
        r.storage.padEnd(36),
        String(r.rows).padStart(6),
        r.dbMb.toFixed(1).padStart(5),
        String(r.writers).padStart(7),
        String(r.writes).padStart(6),
        r.perSecond.toFixed(0).padStart(8),
        r.p50.toFixed(1).padStart(6),
        r.p99.toFixed(1).padStart(6),
      ].join(' | '),
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
