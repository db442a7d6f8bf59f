/**
 * The due index of scheduled jobs (table `jobsdue`). PK = one of SHARDS fixed shards `s<n>` (by
 * hash of the job id), RK = '<epoch ms, 13 digits>|<job id>' at the time the job can next be claimed: its
 * due time while pending, its lease expiry while claimed. "What is due now" is a RowKey range
 * query (RowKey < now) on each shard, so it reads due entries only. Entries carry the job's `rev`
 * that wrote them (see dropIndexRowUnlessNewer); done, failed and cancelled jobs have none.
 */
import { createHash } from 'node:crypto';
import type { Job } from '../../domain';
import { keyPart, pad } from './keys';
import type { Entity, Row, Table } from './table';

/**
 * Index partitions. One partition takes ~2,000 writes/s on Azure and a reminder costs about three
 * index writes in its life, far beyond this product's load; more shards spread writes but cost one
 * query each per sweep (and on Azurite each query walks the whole table). Entries written under
 * another shard count stay readable only if SHARDS does not shrink.
 */
export const SHARDS = 1;
const TERMINAL = new Set<Job['status']>(['done', 'failed', 'cancelled']);

export function shardOf(jobId: string): string {
  return `s${createHash('sha256').update(jobId).digest()[0] % SHARDS}`;
}

export function dueRowKey(ms: number, jobId: string): string {
  return `${pad(ms, 13)}|${keyPart(jobId)}`;
}

/** When the job can next be claimed (epoch ms), or null if it never can again. */
export function eligibleAt(job: Job): number | null {
  if (TERMINAL.has(job.status)) return null;
  const due = Date.parse(job.dueAt);
  if (job.status === 'claimed' && job.leaseUntil) return Math.max(due, Date.parse(job.leaseUntil));
  return due;
}

export function dueEntry(job: Job, ms: number, rev: number): Entity {
  return { partitionKey: shardOf(job.id), rowKey: dueRowKey(ms, job.id), jobId: job.id, forumId: job.forumId, rev: String(rev) };
}

/** Due entries with time ≤ nowMs from every shard, oldest first, at most `perShard` per shard. */
export async function readDue(table: Table, nowMs: number, perShard: number): Promise<{ rows: Row[]; more: boolean }> {
  const upper = pad(nowMs + 1, 13);
  const shards = Array.from({ length: SHARDS }, (_, i) => `s${i}`);
  const results = await Promise.all(
    shards.map((s) => table.query(`PartitionKey eq '${s}' and RowKey lt '${upper}'`, { top: perShard, select: ['jobId', 'forumId', 'rev'] })),
  );
  const rows = results.flat().sort((a, b) => (a.entity.rowKey < b.entity.rowKey ? -1 : 1));
  return { rows, more: results.some((r) => r.length >= perShard) };
}
