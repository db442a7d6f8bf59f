/**
 * A thin, typed wrapper over one TableClient: every call maps failures to AppError, entities carry
 * string properties only, and batches are checked against the service limits before sending.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { AppError } from '../../domain/errors';
import { payloadBytes } from './codec';
import { guard, isConflict, isNotFound, toAppError } from './errors';

export type Entity = { partitionKey: string; rowKey: string } & Record<string, string>;

export interface Row {
  entity: Entity;
  etag: string;
}

export type BatchAction =
  | { op: 'create'; entity: Entity }
  | { op: 'replace'; entity: Entity; etag: string }
  | { op: 'upsert'; entity: Entity }
  | { op: 'delete'; partitionKey: string; rowKey: string };

/** At most 100 operations and 4 MiB per transaction; we keep a margin on the size. */
export const MAX_BATCH_OPS = 100;
export const MAX_BATCH_BYTES = 3_500_000;

const SYSTEM = new Set(['etag', 'timestamp', 'odata.etag', 'odata.metadata']);

function toEntity(raw: Record<string, unknown>): Row {
  const entity: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (SYSTEM.has(k)) continue;
    if (typeof v === 'string') entity[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') entity[k] = String(v);
  }
  return { entity: entity as Entity, etag: String(raw.etag ?? '') };
}

function toSdkAction(a: BatchAction): TransactionAction {
  if (a.op === 'create') return ['create', a.entity];
  if (a.op === 'upsert') return ['upsert', a.entity, 'Replace'];
  if (a.op === 'replace') return ['update', a.entity, 'Replace', { etag: a.etag }];
  return ['delete', { partitionKey: a.partitionKey, rowKey: a.rowKey }];
}

export function actionBytes(a: BatchAction): number {
  return a.op === 'delete' ? 300 : payloadBytes(a.entity);
}

export class Table {
  constructor(
    readonly client: TableClient,
    readonly name: string,
  ) {}

  async create(): Promise<void> {
    await guard(`create table ${this.name}`, () => this.client.createTable());
  }

  async get(partitionKey: string, rowKey: string): Promise<Row | null> {
    try {
      const raw = await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
      return toEntity(raw);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw toAppError(e, `read ${this.name}`);
    }
  }

  /** Inserts; 'conflict' if the row exists. Returns the new ETag. */
  async insert(entity: Entity): Promise<string> {
    const r = await guard(`insert ${this.name}`, () => this.client.createEntity(entity));
    return r.etag ?? '';
  }

  /** Replaces only if the row still has `etag`; 'conflict' otherwise (or if it is gone). */
  async replace(entity: Entity, etag: string): Promise<string> {
    try {
      const r = await this.client.updateEntity(entity, 'Replace', { etag });
      return r.etag ?? '';
    } catch (e) {
      if (isNotFound(e)) throw new AppError('conflict', `Deleted by someone else meanwhile (${this.name})`);
      throw toAppError(e, `update ${this.name}`);
    }
  }

  async upsert(entity: Entity): Promise<string> {
    const r = await guard(`upsert ${this.name}`, () => this.client.upsertEntity(entity, 'Replace'));
    return r.etag ?? '';
  }

  /**
   * Deletes a row; with `etag` only if unchanged. Returns false if it was already gone or (with
   * an etag) changed meanwhile.
   */
  async remove(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    try {
      await this.client.deleteEntity(partitionKey, rowKey, etag ? { etag } : {});
      return true;
    } catch (e) {
      if (isNotFound(e) || (etag && isConflict(e))) return false;
      throw toAppError(e, `delete ${this.name}`);
    }
  }

  /** Runs an OData query, following continuation pages; stops after `top` rows if given. */
  async query(filter: string, opts: { select?: string[]; top?: number } = {}): Promise<Row[]> {
    return guard(`query ${this.name}`, async () => {
      const rows: Row[] = [];
      const pages = this.client
        .listEntities<Record<string, unknown>>({ queryOptions: { filter, select: opts.select && ['PartitionKey', 'RowKey', ...opts.select] } })
        .byPage({ maxPageSize: opts.top ? Math.min(opts.top, 1000) : 1000 });
      for await (const page of pages) {
        for (const raw of page) {
          rows.push(toEntity(raw));
          if (opts.top && rows.length >= opts.top) return rows;
        }
      }
      return rows;
    });
  }

  /** One all-or-nothing transaction (same partition, within the limits). Returns ETags in order. */
  async transact(actions: BatchAction[]): Promise<string[]> {
    if (actions.length === 0) return [];
    const bytes = actions.reduce((s, a) => s + actionBytes(a), 0);
    if (actions.length > MAX_BATCH_OPS || bytes > MAX_BATCH_BYTES) {
      throw new AppError('internal', `Transaction over the limits (${actions.length} rows, ${bytes} bytes)`);
    }
    const sdk = actions.map(toSdkAction);
    const r = await guard(`transaction ${this.name}`, () => this.client.submitTransaction(sdk));
    return r.subResponses.map((s) => (s.etag ?? '').trim());
  }
}

/** Splits actions into transactions that respect the count and size limits (each atomic on its own). */
export function chunkActions(actions: BatchAction[]): BatchAction[][] {
  const out: BatchAction[][] = [];
  let current: BatchAction[] = [];
  let bytes = 0;
  for (const a of actions) {
    const b = actionBytes(a);
    if (current.length && (current.length >= MAX_BATCH_OPS || bytes + b > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(a);
    bytes += b;
  }
  if (current.length) out.push(current);
  return out;
}
