/**
 * forums: PK = forum id, RK 'forum'. forumindex: PK 'c|<conversation>' or 'm|<user>', RK = forum id
 * (lookup rows for findByConversation / findByMember, checked against the forum on read).
 */
import type { Forum } from '../../domain';
import { AppError } from '../../domain/errors';
import type { ForumStore, Versioned } from '../ports';
import { jsonProps, readJson } from './codec';
import { dropIndexRowUnlessNewer, mapLimit, RecentMemo, type StoreContext } from './context';
import { key, keyPart, odata } from './keys';
import type { Entity, Row } from './table';

const RK = 'forum';
/**
 * A forum read stays good this long for this instance's next reads: a burst of clicks reads it once.
 * Writes through this instance replace it at once; another instance's roster change shows here within
 * this time (every write still checks the ETag, so nothing is written over a newer forum).
 */
const FRESH_MS = 2_000;

function indexKeys(forum: Forum): string[] {
  return [key('c', forum.conversationId), ...forum.members.map((m) => key('m', m.userId))];
}

export function forumEntity(forum: Forum, rev: number): Entity {
  return {
    partitionKey: keyPart(forum.id),
    rowKey: RK,
    rev: String(rev),
    tenantId: forum.tenantId,
    ...jsonProps(forum, 'Forum'),
  };
}

function fromRow(row: Row): Versioned<Forum> {
  return { value: readJson<Forum>(row.entity), etag: row.etag };
}

export function createForumStore(ctx: StoreContext): ForumStore & { put(forum: Forum): Promise<void> } {
  const { forums, forumindex } = ctx.tables;
  // Which forum a conversation belongs to, as last found: a hint, checked against the forum itself.
  const forumOfConversation = new RecentMemo<string>(ctx.now, 10 * 60_000);

  const writeIndex = (forum: Forum, rev: number): Promise<unknown> =>
    Promise.all(indexKeys(forum).map((pk) => forumindex.upsert({ partitionKey: pk, rowKey: keyPart(forum.id), rev: String(rev) })));

  const dropStale = async (before: Forum, after: Forum, rev: number): Promise<void> => {
    const keep = new Set(indexKeys(after));
    const stale = indexKeys(before).filter((k) => !keep.has(k));
    await Promise.all(stale.map((pk) => dropIndexRowUnlessNewer(forumindex, pk, keyPart(after.id), rev)));
  };

  const recent = new RecentMemo<Promise<Versioned<Forum> | null>>(ctx.now, FRESH_MS, 1_000);
  const remember = (forum: Versioned<Forum>) => recent.set(forum.value.id, Promise.resolve(structuredClone(forum)));

  const get = async (forumId: string): Promise<Versioned<Forum> | null> => {
    let pending = recent.get(forumId);
    if (!pending) {
      const read = forums.get(keyPart(forumId), RK).then((row) => (row ? fromRow(row) : null));
      pending = read;
      recent.set(forumId, read);
      read.catch(() => {
        if (recent.get(forumId) === read) recent.delete(forumId);
      });
    }
    // Callers may change what they get: each gets its own copy.
    return structuredClone(await pending);
  };

  /** A write: what is remembered is dropped first, and replaced by what was written once it is stored. */
  const writing = async <T extends Versioned<Forum>>(forumId: string, write: () => Promise<T>): Promise<T> => {
    recent.delete(forumId);
    try {
      const written = await write();
      remember(written);
      return written;
    } catch (e) {
      recent.delete(forumId);
      throw e;
    }
  };

  const lookup = async (indexPk: string): Promise<Versioned<Forum>[]> => {
    const hits = await forumindex.query(`PartitionKey eq '${odata(indexPk)}'`, { select: ['RowKey'] });
    const found = await mapLimit(hits, 8, (h) => forums.get(h.entity.rowKey, RK));
    return found.filter((r): r is Row => r !== null).map(fromRow);
  };

  return {
    get,
    create: (forum) =>
      writing(forum.id, async () => {
        await writeIndex(forum, 1);
        const etag = await forums.insert(forumEntity(forum, 1));
        return { value: forum, etag };
      }),
    update: (forum, etag) =>
      writing(forum.id, async () => {
        const current = await forums.get(keyPart(forum.id), RK);
        if (!current || current.etag !== etag) throw new AppError('conflict', 'The forum was changed by someone else meanwhile');
        const rev = Number(current.entity.rev ?? '1') + 1;
        await writeIndex(forum, rev);
        const newEtag = await forums.replace(forumEntity(forum, rev), etag);
        await dropStale(readJson<Forum>(current.entity), forum, rev);
        return { value: forum, etag: newEtag };
      }),
    async findByConversation(conversationId) {
      const hinted = forumOfConversation.get(conversationId);
      const likely = hinted ? await get(hinted) : null;
      if (likely?.value.conversationId === conversationId) return likely;
      const hits = await lookup(key('c', conversationId));
      const found = hits.find((f) => f.value.conversationId === conversationId) ?? null;
      if (found) forumOfConversation.set(conversationId, found.value.id);
      else forumOfConversation.delete(conversationId);
      return found;
    },
    async findByMember(userId) {
      const hits = await lookup(key('m', userId));
      return hits.map((h) => h.value).filter((f) => f.members.some((m) => m.userId === userId));
    },
    async list() {
      const rows = await forums.query(`RowKey eq '${RK}'`);
      return rows.map((r) => readJson<Forum>(r.entity));
    },
    /** Insert or replace without a version check (restore from backup). */
    async put(forum) {
      recent.delete(forum.id);
      try {
        const current = await forums.get(keyPart(forum.id), RK);
        const rev = Number(current?.entity.rev ?? '0') + 1;
        await writeIndex(forum, rev);
        await forums.upsert(forumEntity(forum, rev));
        if (current) await dropStale(readJson<Forum>(current.entity), forum, rev);
      } finally {
        recent.delete(forum.id);
      }
    },
  };
}
