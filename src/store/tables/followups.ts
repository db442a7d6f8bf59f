/**
 * followups: PK = forum id, RK = follow-up id (the record; `rev` counts its versions).
 * followupsbyuser: PK = user id, RK '<forum>|<follow-up>': one row per open follow-up the user is
 * assigned or delegated, so a member's open follow-ups are one partition query. Index rows are
 * written before the record changes and removed after (see dropIndexRowUnlessNewer); readers check
 * each hit against the record, so a crash in between never shows a wrong follow-up.
 */
import type { FollowUp } from '../../domain';
import { AppError } from '../../domain/errors';
import type { FollowUpStore, Versioned } from '../ports';
import { jsonProps, readJson } from './codec';
import { dropIndexRowUnlessNewer, mapLimit, type StoreContext } from './context';
import { keyPart, odata } from './keys';
import { chunkActions, type Entity, type Row } from './table';

/** Users whose open list shows the follow-up. */
export function openUsersOf(f: FollowUp): string[] {
  if (f.status !== 'open') return [];
  return [...new Set([...f.assignees, ...(f.delegateUserId ? [f.delegateUserId] : [])])];
}

export function followUpEntity(f: FollowUp, rev: number): Entity {
  return {
    partitionKey: keyPart(f.forumId),
    rowKey: keyPart(f.id),
    meetingId: f.meetingId,
    status: f.status,
    rev: String(rev),
    ...jsonProps(f, 'Follow-up'),
  };
}

const indexRowKey = (forumId: string, id: string): string => `${keyPart(forumId)}|${keyPart(id)}`;

/** The row in `userId`'s open list pointing at the follow-up. */
export function followUpIndexEntity(userId: string, f: FollowUp, rev: number): Entity {
  return { partitionKey: keyPart(userId), rowKey: indexRowKey(f.forumId, f.id), forumId: f.forumId, id: f.id, rev: String(rev) };
}
/** Row keys per query when reading a user's open follow-ups (a filter stays well within the URL limit). */
const IDS_PER_QUERY = 20;

const fromRow = (row: Row): Versioned<FollowUp> => ({ value: readJson<FollowUp>(row.entity), etag: row.etag });

export function createFollowUpStore(ctx: StoreContext): FollowUpStore & { put(f: FollowUp): Promise<void> } {
  const { followups, followupsbyuser } = ctx.tables;

  const writeIndex = (f: FollowUp, rev: number): Promise<unknown> =>
    Promise.all(openUsersOf(f).map((u) => followupsbyuser.upsert(followUpIndexEntity(u, f, rev))));

  const dropStale = async (before: FollowUp | null, after: FollowUp, rev: number): Promise<void> => {
    const keep = new Set(openUsersOf(after));
    const stale = (before ? openUsersOf(before) : []).filter((u) => !keep.has(u));
    await Promise.all(stale.map((u) => dropIndexRowUnlessNewer(followupsbyuser, keyPart(u), indexRowKey(after.forumId, after.id), rev)));
  };

  // The versions this store last read or wrote, by ETag: a version never changes, and the replace that
  // uses it is ETag-conditional, so an update of a follow-up just read need not read it again.
  const known = new Map<string, { value: FollowUp; rev: number }>();
  const remember = (f: FollowUp, rev: number, etag: string): void => {
    if (!etag) return;
    if (known.size >= 2_000) known.delete(known.keys().next().value as string);
    known.set(`${f.forumId}\u0000${f.id}\u0000${etag}`, { value: f, rev });
  };

  const partition = (forumId: string): string => `PartitionKey eq '${odata(keyPart(forumId))}'`;

  return {
    async createMany(list, opts = {}) {
      await Promise.all([...list.map((f) => writeIndex(f, 1)), opts.after]);
      const byForum = new Map<string, Entity[]>();
      for (const f of list) byForum.set(f.forumId, [...(byForum.get(f.forumId) ?? []), followUpEntity(f, 1)]);
      const done: Entity[] = [];
      try {
        for (const rows of byForum.values()) {
          for (const chunk of chunkActions(rows.map((e) => ({ op: 'create' as const, entity: e })))) {
            await followups.transact(chunk);
            for (const a of chunk) if (a.op === 'create') done.push(a.entity);
          }
        }
      } catch (e) {
        // More than one transaction was needed and a later one failed: undo the earlier ones.
        await Promise.all(done.map((row) => followups.remove(row.partitionKey, row.rowKey).catch(() => false)));
        throw e;
      }
    },
    async get(forumId, id) {
      const row = await followups.get(keyPart(forumId), keyPart(id));
      if (!row) return null;
      const read = fromRow(row);
      remember(structuredClone(read.value), Number(row.entity.rev ?? '1'), row.etag);
      return read;
    },
    async update(f, etag) {
      let before = known.get(`${f.forumId}\u0000${f.id}\u0000${etag}`);
      if (!before) {
        const current = await followups.get(keyPart(f.forumId), keyPart(f.id));
        if (!current || current.etag !== etag) throw new AppError('conflict', 'The follow-up was changed by someone else meanwhile');
        before = { value: readJson<FollowUp>(current.entity), rev: Number(current.entity.rev ?? '1') };
      }
      const rev = before.rev + 1;
      await writeIndex(f, rev);
      const newEtag = await followups.replace(followUpEntity(f, rev), etag);
      remember(structuredClone(f), rev, newEtag);
      await dropStale(before.value, f, rev);
      return { value: f, etag: newEtag };
    },
    async listByForum(forumId) {
      return (await followups.query(partition(forumId))).map((r) => readJson<FollowUp>(r.entity));
    },
    async listByMeeting(forumId, meetingId) {
      const rows = await followups.query(`${partition(forumId)} and meetingId eq '${odata(meetingId)}'`);
      return rows.map((r) => readJson<FollowUp>(r.entity));
    },
    async listOpenByAssignee(userId) {
      const hits = await followupsbyuser.query(`PartitionKey eq '${odata(keyPart(userId))}'`, { select: ['forumId', 'id'] });
      // One query per forum (a few ids each), not one read per follow-up.
      const byForum = new Map<string, string[]>();
      for (const h of hits) byForum.set(h.entity.forumId, [...(byForum.get(h.entity.forumId) ?? []), keyPart(h.entity.id)]);
      const queries = [...byForum].flatMap(([forumId, ids]) =>
        Array.from({ length: Math.ceil(ids.length / IDS_PER_QUERY) }, (_, i) => {
          const some = ids.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY).map((id) => `RowKey eq '${odata(id)}'`);
          return `${partition(forumId)} and (${some.join(' or ')})`;
        }),
      );
      const rows = (await mapLimit(queries, 16, (q) => followups.query(q))).flat();
      return rows
        .map((r) => readJson<FollowUp>(r.entity))
        .filter((f) => openUsersOf(f).includes(userId))
        .sort((a, b) => (a.due?.due ?? '9999').localeCompare(b.due?.due ?? '9999') || a.id.localeCompare(b.id));
    },
    async put(f) {
      const current = await followups.get(keyPart(f.forumId), keyPart(f.id));
      const rev = Number(current?.entity.rev ?? '0') + 1;
      await writeIndex(f, rev);
      await followups.upsert(followUpEntity(f, rev));
      await dropStale(current ? readJson<FollowUp>(current.entity) : null, f, rev);
    },
  };
}
