/** cascade: PK = meeting id, RK = user id; one receipt per chief and meeting. */
import type { CascadeReceipt } from '../../domain';
import type { CascadeStore } from '../ports';
import { jsonProps, readJson } from './codec';
import type { StoreContext } from './context';
import { keyPart, odata } from './keys';
import type { Entity } from './table';

function entity(r: CascadeReceipt): Entity {
  return { partitionKey: keyPart(r.meetingId), rowKey: keyPart(r.userId), ...jsonProps(r, 'Receipt') };
}

export function createCascadeStore(ctx: StoreContext): CascadeStore & { put(r: CascadeReceipt): Promise<void> } {
  const table = ctx.tables.cascade;
  return {
    async get(meetingId, userId) {
      const row = await table.get(keyPart(meetingId), keyPart(userId));
      return row ? { value: readJson<CascadeReceipt>(row.entity), etag: row.etag } : null;
    },
    async save(receipt, etag) {
      const newEtag = etag === null ? await table.insert(entity(receipt)) : await table.replace(entity(receipt), etag);
      return { value: receipt, etag: newEtag };
    },
    async listByMeeting(meetingId) {
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(meetingId))}'`);
      return rows.map((r) => readJson<CascadeReceipt>(r.entity));
    },
    async put(r) {
      await table.upsert(entity(r));
    },
  };
}
