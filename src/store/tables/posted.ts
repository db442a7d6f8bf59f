/**
 * posted: PK = meeting id, RK = the card's key ('overview', 'item:3', 'personal:3:<user>', 'summary').
 * One small row per card the bot posted for a meeting, inserted right after the post: the one write
 * between a post and the knowledge of it (docs/storage.md "Publishing and closing converge").
 */
import type { PostedCard } from '../../domain';
import { AppError } from '../../domain/errors';
import type { PostedCardStore } from '../ports';
import { jsonProps, readJson } from './codec';
import type { StoreContext } from './context';
import { keyPart, odata } from './keys';
import type { Entity } from './table';

function entity(card: PostedCard): Entity {
  return { partitionKey: keyPart(card.meetingId), rowKey: keyPart(card.key), ...jsonProps(card, 'PostedCard') };
}

export function createPostedCardStore(ctx: StoreContext): PostedCardStore & { put(card: PostedCard): Promise<void> } {
  const table = ctx.tables.posted;
  return {
    async record(card) {
      try {
        await table.insert(entity(card));
        return card;
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'conflict')) throw e;
        // Recorded before (an earlier run, or a retried insert whose answer was lost): that one stays.
        const row = await table.get(keyPart(card.meetingId), keyPart(card.key));
        if (!row) throw e;
        return readJson<PostedCard>(row.entity);
      }
    },
    async listByMeeting(meetingId) {
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(meetingId))}'`);
      return rows.map((r) => readJson<PostedCard>(r.entity));
    },
    async put(card) {
      await table.upsert(entity(card));
    },
  };
}
