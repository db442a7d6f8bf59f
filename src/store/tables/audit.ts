/**
 * audit: PK = forum id, RK '<ISO instant>|<content hash>': append-only, oldest first, a `since`
 * filter is a RowKey range. The hash makes an entry's key deterministic, so restoring a backup
 * twice does not duplicate entries. An entry too big for one row keeps who/what/when and replaces
 * before/after by a note (the audit log is not where content lives).
 */
import type { AuditEntry } from '../../domain';
import { AppError } from '../../domain/errors';
import type { AuditStore } from '../ports';
import { jsonProps, readJson } from './codec';
import type { StoreContext } from './context';
import { keyPart, odata, shortHash } from './keys';
import type { Entity } from './table';

function instantKey(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

function entity(e: AuditEntry): Entity {
  const json = JSON.stringify(e);
  let props: Record<string, string>;
  try {
    props = jsonProps(e, 'Audit entry');
  } catch {
    const note = { omitted: 'too large to keep in the audit log', characters: json.length };
    props = jsonProps({ ...e, before: note, after: note }, 'Audit entry');
  }
  return { partitionKey: keyPart(e.forumId), rowKey: `${instantKey(e.at)}|${shortHash(json)}`, ...props };
}

export function createAuditStore(ctx: StoreContext): AuditStore & { put(e: AuditEntry): Promise<void> } {
  const table = ctx.tables.audit;
  return {
    async append(e) {
      try {
        await table.insert(entity(e));
      } catch (err) {
        // The same entry (same content, same instant) is already there: appending is idempotent.
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      }
    },
    async listByForum(forumId, opts = {}) {
      const since = opts.since ? ` and RowKey ge '${odata(instantKey(opts.since))}'` : '';
      const rows = await table.query(`PartitionKey eq '${odata(keyPart(forumId))}'${since}`, { top: opts.limit });
      return rows.sort((a, b) => (a.entity.rowKey < b.entity.rowKey ? -1 : 1)).map((r) => readJson<AuditEntry>(r.entity));
    },
    async put(e) {
      await table.upsert(entity(e));
    },
  };
}
