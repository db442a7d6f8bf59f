/**
 * The Store on Azure Table Storage (a storage account, Cosmos DB for Table, or Azurite).
 * Table layout: docs/storage.md. Nothing outside src/store imports @azure/data-tables.
 */
import type { Logger } from '../../logger';
import type { Store } from '../ports';
import { createAuditStore } from './audit';
import { exportForum, importForum, type Repositories, tablesInUse } from './backup';
import { createCascadeStore } from './cascade';
import { makeTableClient, type StoreTarget } from './client';
import { TABLE_NAMES, type StoreContext, type TableName } from './context';
import { createConversationStore } from './conversations';
import { createDecisionStore } from './decisions';
import { createFollowUpStore } from './followups';
import { createForumStore } from './forums';
import { createJobStore } from './jobs';
import { createMeetingStore } from './meetings';
import { createPostedCardStore } from './posted';
import { createItemResponseStore } from './responses';
import { Table } from './table';

export type { StoreTarget } from './client';

export interface TableStoreOptions {
  /** Prepended to every table name (letters and digits), e.g. one per test or per environment. */
  tablePrefix?: string;
  logger?: Logger;
  /** Monotonic ms for the store's memos (default `performance.now`); tests pass a fake. */
  now?: () => number;
}

/** Connects and creates the tables if missing; fails with 'storage-unavailable' if storage does not answer. */
export async function createTableStore(target: StoreTarget, opts: TableStoreOptions = {}): Promise<Store> {
  const prefix = opts.tablePrefix ?? '';
  if (prefix && !/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(prefix)) {
    throw new Error(`Table prefix must be letters and digits, starting with a letter: ${prefix}`);
  }
  const tables = Object.fromEntries(TABLE_NAMES.map((n) => [n, new Table(makeTableClient(target, `${prefix}${n}`), `${prefix}${n}`)])) as Record<
    TableName,
    Table
  >;
  await Promise.all(Object.values(tables).map((t) => t.create()));
  const ctx: StoreContext = { tables, logger: opts.logger ?? null, now: opts.now ?? (() => performance.now()) };
  const repos: Repositories = {
    forums: createForumStore(ctx),
    conversations: createConversationStore(ctx),
    meetings: createMeetingStore(ctx),
    decisions: createDecisionStore(ctx),
    responses: createItemResponseStore(ctx),
    followUps: createFollowUpStore(ctx),
    cascade: createCascadeStore(ctx),
    posted: createPostedCardStore(ctx),
    jobs: createJobStore(ctx),
    audit: createAuditStore(ctx),
  };
  return {
    ...repos,
    async ping() {
      await tables.forums.get('ping', 'ping');
    },
    exportForum: (forumId) => exportForum(repos, forumId),
    importForum: (backup, opts) => importForum(repos, backup, opts?.merge ? 'merge' : 'replace'),
    tablesInUse: () => tablesInUse(tables),
  };
}
