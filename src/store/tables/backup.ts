/** Export and import of everything stored about one forum (backup, moving between environments). */
import type { AuditEntry, CascadeReceipt, Decision, FollowUp, Forum, Job, Meeting, PostedCard } from '../../domain';
import { AppError } from '../../domain/errors';
import type {
  AuditStore,
  CascadeStore,
  ConversationStore,
  DecisionStore,
  FollowUpStore,
  ForumBackup,
  ForumStore,
  ItemResponseStore,
  JobStore,
  MeetingStore,
  PostedCardStore,
  StoredConversation,
} from '../ports';
import type { TableName } from './context';
import type { Table } from './table';

/** The repositories plus their restore-only writes (no version checks). */
export interface Repositories {
  forums: ForumStore & { put(f: Forum): Promise<void> };
  conversations: ConversationStore;
  meetings: MeetingStore & { put(m: Meeting): Promise<void> };
  decisions: DecisionStore & { put(current: Decision | null, history: Decision[]): Promise<void> };
  responses: ItemResponseStore;
  followUps: FollowUpStore & { put(f: FollowUp): Promise<void> };
  cascade: CascadeStore & { put(r: CascadeReceipt): Promise<void> };
  posted: PostedCardStore & { put(card: PostedCard): Promise<void> };
  jobs: JobStore;
  audit: AuditStore & { put(e: AuditEntry): Promise<void> };
}

export async function exportForum(r: Repositories, forumId: string): Promise<ForumBackup> {
  const forum = (await r.forums.get(forumId))?.value;
  if (!forum) throw new AppError('not-found', `No forum with id ${forumId}`);
  const meetings: Meeting[] = [];
  const decisions: Decision[] = [];
  const decisionHistory: Decision[] = [];
  const responses: ForumBackup['responses'] = [];
  const cascade: CascadeReceipt[] = [];
  const posted: PostedCard[] = [];
  for (const summary of await r.meetings.listByForum(forumId)) {
    const meeting = (await r.meetings.get(forumId, summary.id))?.value;
    if (!meeting) continue;
    meetings.push(meeting);
    const current = await r.decisions.listByMeeting(meeting.id);
    decisions.push(...current);
    for (const d of current) decisionHistory.push(...(await r.decisions.history(meeting.id, d.itemNumber)));
    responses.push(...(await r.responses.listByMeeting(meeting.id)));
    cascade.push(...(await r.cascade.listByMeeting(meeting.id)));
    posted.push(...(await r.posted.listByMeeting(meeting.id)));
  }
  const conversations: StoredConversation[] = [];
  const channel = await r.conversations.get(forum.conversationId);
  if (channel) conversations.push(channel);
  for (const m of forum.members) {
    const personal = await r.conversations.getPersonal(m.userId);
    if (personal) conversations.push(personal);
  }
  return {
    version: 1,
    forum,
    meetings,
    decisions,
    decisionHistory,
    responses,
    followUps: await r.followUps.listByForum(forumId),
    cascade,
    posted,
    jobs: await r.jobs.listByForum(forumId),
    audit: await r.audit.listByForum(forumId),
    conversations,
  };
}

/**
 * How a restore treats records that already exist. 'replace' (restoring into an empty store): the
 * backup's record is written. 'merge' (`restore --force` into a store in use): the store's record is
 * kept, except where the backup's is further along: a follow-up last changed later (a finished one in
 * the store is never reopened) and a job further along (pending < claimed < sent/done/failed/cancelled).
 * Records only in the backup are added. docs/deployment.md, "Backup and restore".
 */
export type RestoreMode = 'replace' | 'merge';

export async function importForum(r: Repositories, b: ForumBackup, mode: RestoreMode = 'replace'): Promise<void> {
  if (b.version !== 1) throw new AppError('invalid-input', `Unknown backup version ${String(b.version)}`);
  const merge = mode === 'merge';
  const absent = async (existing: Promise<unknown>): Promise<boolean> => !merge || !(await existing);
  if (await absent(r.forums.get(b.forum.id))) await r.forums.put(b.forum);
  for (const c of b.conversations) if (await absent(r.conversations.get(c.conversationId))) await r.conversations.save(c);
  for (const m of b.meetings) if (await absent(r.meetings.get(m.forumId, m.id))) await r.meetings.put(m);
  const itemKey = (d: Decision): string => `${d.meetingId}\u0000${d.itemNumber}`;
  const history = new Map<string, Decision[]>();
  for (const d of b.decisionHistory) history.set(itemKey(d), [...(history.get(itemKey(d)) ?? []), d]);
  const current = new Map(b.decisions.map((d) => [itemKey(d), d]));
  for (const k of new Set([...current.keys(), ...history.keys()])) {
    const [meetingId, itemNumber] = k.split('\u0000');
    if (await absent(r.decisions.get(meetingId, Number(itemNumber)))) await r.decisions.put(current.get(k) ?? null, history.get(k) ?? []);
  }
  const storedResponses = new Map<string, Set<string>>();
  for (const x of b.responses) {
    if (merge && !storedResponses.has(x.meetingId)) {
      storedResponses.set(x.meetingId, new Set((await r.responses.listByMeeting(x.meetingId)).map((s) => `${s.itemNumber}\u0000${s.userId}`)));
    }
    if (!storedResponses.get(x.meetingId)?.has(`${x.itemNumber}\u0000${x.userId}`)) await r.responses.upsert(x);
  }
  for (const f of b.followUps) if (!merge || followUpWins(f, (await r.followUps.get(f.forumId, f.id))?.value)) await r.followUps.put(f);
  for (const c of b.cascade) if (await absent(r.cascade.get(c.meetingId, c.userId))) await r.cascade.put(c);
  // A card recorded as posted stays as recorded (the first record wins).
  for (const p of b.posted ?? []) await (merge ? r.posted.record(p) : r.posted.put(p));
  for (const j of b.jobs) if (!merge || jobWins(j, (await r.jobs.get(j.id))?.value)) await r.jobs.schedule(j);
  for (const a of b.audit) await r.audit.put(a);
}

const FINISHED: FollowUp['status'][] = ['done', 'dismissed'];

function followUpWins(backup: FollowUp, stored: FollowUp | undefined): boolean {
  if (!stored) return true;
  if (FINISHED.includes(stored.status) && !FINISHED.includes(backup.status)) return false;
  return backup.updatedAt > stored.updatedAt;
}

const progress = (j: Job): number => (j.sentActivityId || ['done', 'failed', 'cancelled'].includes(j.status) ? 2 : j.status === 'claimed' ? 1 : 0);

function jobWins(backup: Job, stored: Job | undefined): boolean {
  return !stored || progress(backup) > progress(stored);
}

const IN_USE_TABLES = ['forums', 'meetings', 'followups', 'jobs'] as const;

/** Which of the tables a restore would merge into already hold rows (empty = a fresh store). */
export async function tablesInUse(tables: Pick<Record<TableName, Table>, (typeof IN_USE_TABLES)[number]>): Promise<string[]> {
  const found = await Promise.all(IN_USE_TABLES.map(async (n) => (await tables[n].query("PartitionKey ge ''", { top: 1 })).length > 0));
  return IN_USE_TABLES.filter((_, i) => found[i]);
}
