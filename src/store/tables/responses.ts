/** responses: PK = meeting id, RK '<item>|<user id>'; one row per chief and item, replaced on edit. */
import type { ItemResponse } from '../../domain';
import type { ItemResponseStore } from '../ports';
import { jsonProps, readJson } from './codec';
import type { StoreContext } from './context';
import { keyPart, odata, pad, rowKeyPrefix } from './keys';

export function createItemResponseStore(ctx: StoreContext): ItemResponseStore {
  const table = ctx.tables.responses;
  return {
    async upsert(r) {
      await table.upsert({
        partitionKey: keyPart(r.meetingId),
        rowKey: `${pad(r.itemNumber, 5)}|${keyPart(r.userId)}`,
        ...jsonProps(r, 'Response'),
      });
    },
    async listByMeeting(meetingId) {
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(meetingId))}'`);
      return rows.map((row) => readJson<ItemResponse>(row.entity));
    },
    async listByItem(meetingId, itemNumber) {
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(meetingId))}' and ${rowKeyPrefix(`${pad(itemNumber, 5)}|`)}`);
      return rows.map((row) => readJson<ItemResponse>(row.entity));
    },
  };
}
