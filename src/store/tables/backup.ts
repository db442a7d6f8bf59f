/** Export and import of everything stored about one forum (backup, moving between environments). */
import type { AuditEntry, CascadeReceipt, Decision, FollowUp, Forum, Meeting, PostedCard } from '../../domain';
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

/** Writes a backup over whatever is stored for that forum (records with the same keys are replaced). */
export async function importForum(r: Repositories, b: ForumBackup): Promise<void> {
  if (b.version !== 1) throw new AppError('invalid-input', `Unknown backup version ${String(b.version)}`);
  await r.forums.put(b.forum);
  for (const c of b.conversations) await r.conversations.save(c);
  for (const m of b.meetings) await r.meetings.put(m);
  const itemKey = (d: Decision): string => `${d.meetingId}\u0000${d.itemNumber}`;
  const history = new Map<string, Decision[]>();
  for (const d of b.decisionHistory) history.set(itemKey(d), [...(history.get(itemKey(d)) ?? []), d]);
  const current = new Map(b.decisions.map((d) => [itemKey(d), d]));
  for (const k of new Set([...current.keys(), ...history.keys()])) await r.decisions.put(current.get(k) ?? null, history.get(k) ?? []);
  for (const x of b.responses) await r.responses.upsert(x);
  for (const f of b.followUps) await r.followUps.put(f);
  for (const c of b.cascade) await r.cascade.put(c);
  for (const p of b.posted ?? []) await r.posted.put(p);
  for (const j of b.jobs) await r.jobs.schedule(j);
  for (const a of b.audit) await r.audit.put(a);
}
