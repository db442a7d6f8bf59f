/**
 * Meetings of any size. A small meeting (≤ 100 rows with the header) is written in one
 * transaction. A bigger one is written as a new version: its content rows first, then the header
 * is switched to the new version with an ETag-conditional update (the commit), then the old
 * version's rows are removed. Readers follow the header, so they see the old or the new meeting,
 * never a mix; a crash before the switch leaves only unreferenced rows, removed with the meeting.
 */
import { randomBytes } from 'node:crypto';
import type { Meeting } from '../../domain';
import { AppError } from '../../domain/errors';
import type { MeetingStore, Versioned } from '../ports';
import { RecentMemo, type StoreContext } from './context';
import { keyPart, odata, rowKeyPrefix } from './keys';
import { contentFilter, contentKey, contentRows, fromContentRows, headerEntity, headerKey, SUMMARY_COLUMNS, summaryOf } from './meeting-rows';
import { type BatchAction, chunkActions, MAX_BATCH_BYTES, MAX_BATCH_OPS, actionBytes, type Entity, type Table } from './table';

const newVersion = (): string => randomBytes(6).toString('hex');

function fitsOneTransaction(actions: BatchAction[]): boolean {
  return actions.length <= MAX_BATCH_OPS && actions.reduce((s, a) => s + actionBytes(a), 0) <= MAX_BATCH_BYTES;
}

/** Creates rows as several transactions (not atomic as a whole; callers clean up on failure). */
async function writeRows(table: Table, rows: Entity[]): Promise<void> {
  const chunks = chunkActions(rows.map((entity) => ({ op: 'create' as const, entity })));
  for (const chunk of chunks) await table.transact(chunk);
}

async function deleteRows(table: Table, partitionKey: string, rowKeys: string[]): Promise<void> {
  const chunks = chunkActions(rowKeys.map((rowKey) => ({ op: 'delete' as const, partitionKey, rowKey })));
  for (const chunk of chunks) {
    try {
      await table.transact(chunk);
    } catch {
      // Some rows were already gone (the whole transaction fails then): remove one by one.
      for (const a of chunk) if (a.op === 'delete') await table.remove(a.partitionKey, a.rowKey);
    }
  }
}

const versionKeys = (meetingId: string, version: string, count: number): string[] => Array.from({ length: count }, (_, i) => contentKey(meetingId, version, i));

/** Recently read meeting versions kept in memory, all meetings together, in KB of their JSON. */
const REMEMBERED_KB = 16 * 1024;

export function createMeetingStore(ctx: StoreContext): MeetingStore & { put(meeting: Meeting): Promise<void> } {
  const table = ctx.tables.meetings;
  // A version's content rows are written once and never changed (an update writes a new version), so
  // a version read before can be answered from memory after the header read names it.
  const versions = new RecentMemo<Meeting>(ctx.now, 10 * 60_000, REMEMBERED_KB);

  /** Removes rows of a version that never became current or is no longer current; failures only logged. */
  const cleanup = async (forumId: string, meetingId: string, version: string, count: number): Promise<void> => {
    try {
      await deleteRows(table, keyPart(forumId), versionKeys(meetingId, version, count));
    } catch (e) {
      ctx.logger?.warn({ err: { message: (e as Error).message }, meetingId }, 'could not remove unused meeting rows');
    }
  };

  const create = async (meeting: Meeting): Promise<Versioned<Meeting>> => {
    const version = newVersion();
    const rows = contentRows(meeting, version);
    const header = headerEntity(meeting, version, rows.length);
    const actions: BatchAction[] = [...rows.map((entity) => ({ op: 'create' as const, entity })), { op: 'create', entity: header }];
    if (fitsOneTransaction(actions)) {
      const etags = await table.transact(actions);
      return { value: meeting, etag: etags[etags.length - 1] };
    }
    try {
      await writeRows(table, rows);
      return { value: meeting, etag: await table.insert(header) };
    } catch (e) {
      await cleanup(meeting.forumId, meeting.id, version, rows.length);
      throw e;
    }
  };

  const update = async (meeting: Meeting, etag: string): Promise<Versioned<Meeting>> => {
    const current = await table.get(keyPart(meeting.forumId), headerKey(meeting.id));
    if (!current || current.etag !== etag) throw new AppError('conflict', 'The meeting was changed by someone else meanwhile');
    const old = { version: current.entity.version, rows: Number(current.entity.rows) };
    const version = newVersion();
    const rows = contentRows(meeting, version);
    const header = headerEntity(meeting, version, rows.length);
    const pk = keyPart(meeting.forumId);
    const actions: BatchAction[] = [
      ...rows.map((entity) => ({ op: 'create' as const, entity })),
      { op: 'replace', entity: header, etag },
      ...versionKeys(meeting.id, old.version, old.rows).map((rowKey) => ({ op: 'delete' as const, partitionKey: pk, rowKey })),
    ];
    if (fitsOneTransaction(actions)) {
      const etags = await table.transact(actions);
      return { value: meeting, etag: etags[rows.length] };
    }
    let newEtag: string;
    try {
      await writeRows(table, rows);
      newEtag = await table.replace(header, etag);
    } catch (e) {
      await cleanup(meeting.forumId, meeting.id, version, rows.length);
      throw e;
    }
    await cleanup(meeting.forumId, meeting.id, old.version, old.rows);
    return { value: meeting, etag: newEtag };
  };

  const get = async (forumId: string, meetingId: string): Promise<Versioned<Meeting> | null> => {
    // A reader racing an update may find the old version's rows already removed: read again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const header = await table.get(keyPart(forumId), headerKey(meetingId));
      if (!header) return null;
      const versionKey = `${forumId}\u0000${meetingId}\u0000${header.entity.version}`;
      const known = versions.get(versionKey);
      if (known) return { value: structuredClone(known), etag: header.etag };
      const rows = await table.query(contentFilter(forumId, meetingId, header.entity.version));
      if (rows.length === Number(header.entity.rows)) {
        const meeting = fromContentRows(rows.map((r) => r.entity));
        versions.set(versionKey, structuredClone(meeting), Math.ceil(JSON.stringify(meeting).length / 1024));
        return { value: meeting, etag: header.etag };
      }
    }
    throw new AppError('conflict', 'The meeting is being changed right now; try again');
  };

  return {
    create,
    get,
    update,
    async delete(forumId, meetingId) {
      await table.remove(keyPart(forumId), headerKey(meetingId));
      const rows = await table.query(contentFilter(forumId, meetingId), { select: ['RowKey'] });
      await deleteRows(
        table,
        keyPart(forumId),
        rows.map((r) => r.entity.rowKey),
      );
    },
    async listByForum(forumId) {
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(forumId))}' and ${rowKeyPrefix('h|')}`, {
        select: SUMMARY_COLUMNS,
      });
      return rows.map((r) => summaryOf(r.entity)).sort((a, b) => (b.date + (b.start ?? '')).localeCompare(a.date + (a.start ?? '')));
    },
    /** Create, or replace whatever is there (restore from backup). */
    async put(meeting) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await table.get(keyPart(meeting.forumId), headerKey(meeting.id));
        try {
          if (current) await update(meeting, current.etag);
          else await create(meeting);
          return;
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'conflict') || attempt === 2) throw e;
        }
      }
    },
  };
}
