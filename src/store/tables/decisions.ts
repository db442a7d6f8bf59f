/**
 * decisions: PK = meeting id. Current decision RK 'd|<item>', earlier versions RK
 * 'h|<item>|<seq>'. Saving a new version replaces the current row (ETag-conditional) and adds the
 * replaced one to the history in one transaction.
 */
import type { Decision } from '../../domain';
import { AppError } from '../../domain/errors';
import type { DecisionStore, Versioned } from '../ports';
import { jsonProps, readJson } from './codec';
import type { StoreContext } from './context';
import { keyPart, odata, pad, rowKeyPrefix } from './keys';
import type { Entity } from './table';

const currentKey = (item: number): string => `d|${pad(item, 5)}`;
const historyKey = (item: number, seq: number): string => `h|${pad(item, 5)}|${pad(seq, 6)}`;

function entity(d: Decision, rowKey: string, hist: number): Entity {
  return { partitionKey: keyPart(d.meetingId), rowKey, hist: String(hist), ...jsonProps(d, 'Decision') };
}

export function createDecisionStore(ctx: StoreContext): DecisionStore & {
  /** Restore: writes the current decision and its history as given (oldest first). */
  put(current: Decision | null, history: Decision[]): Promise<void>;
} {
  const table = ctx.tables.decisions;
  const partition = (meetingId: string): string => `PartitionKey eq '${odata(keyPart(meetingId))}'`;

  return {
    async get(meetingId, itemNumber) {
      const row = await table.get(keyPart(meetingId), currentKey(itemNumber));
      return row ? { value: readJson<Decision>(row.entity), etag: row.etag } : null;
    },
    async save(decision, etag): Promise<Versioned<Decision>> {
      const rowKey = currentKey(decision.itemNumber);
      if (etag === null) return { value: decision, etag: await table.insert(entity(decision, rowKey, 0)) };
      const current = await table.get(keyPart(decision.meetingId), rowKey);
      if (!current || current.etag !== etag) throw new AppError('conflict', 'The decision was changed by someone else meanwhile');
      const hist = Number(current.entity.hist ?? '0');
      const previous = readJson<Decision>(current.entity);
      const etags = await table.transact([
        { op: 'replace', entity: entity(decision, rowKey, hist + 1), etag },
        { op: 'create', entity: entity(previous, historyKey(decision.itemNumber, hist), 0) },
      ]);
      return { value: decision, etag: etags[0] };
    },
    async listByMeeting(meetingId) {
      const rows = await table.query(`${partition(meetingId)} and ${rowKeyPrefix('d|')}`);
      return rows.map((r) => readJson<Decision>(r.entity)).sort((a, b) => a.itemNumber - b.itemNumber);
    },
    async history(meetingId, itemNumber) {
      const rows = await table.query(`${partition(meetingId)} and ${rowKeyPrefix(`h|${pad(itemNumber, 5)}|`)}`);
      return rows.sort((a, b) => (a.entity.rowKey < b.entity.rowKey ? -1 : 1)).map((r) => readJson<Decision>(r.entity));
    },
    async put(current, history) {
      const all = [...history, ...(current ? [current] : [])];
      if (!all.length) return;
      const item = all[0].itemNumber;
      await Promise.all(history.map((d, i) => table.upsert(entity(d, historyKey(item, i), 0))));
      if (current) await table.upsert(entity(current, currentKey(item), history.length));
    },
  };
}
