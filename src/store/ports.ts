/**
 * What the rest of the product needs from storage. Implemented on Azure Table Storage in
 * `src/store/tables/`; nothing outside `src/store` imports `@azure/data-tables`.
 *
 * Conventions:
 * - `Versioned<T>` carries the ETag of what was read; updates take it back and fail with
 *   `AppError('conflict')` when someone else changed the record in between (no lost update).
 * - Storage unreachable or throttled → `AppError('storage-unavailable')` (retryable).
 * - A write that spans rows of one logical change is all-or-nothing (batch transactions).
 */
import type { AuditEntry, CascadeReceipt, Decision, FollowUp, Forum, ItemResponse, Job, Locale, Meeting, MeetingStatus, PostedCard } from '../domain';

export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface ForumStore {
  get(forumId: string): Promise<Versioned<Forum> | null>;
  /** Fails with 'conflict' if the id exists. */
  create(forum: Forum): Promise<Versioned<Forum>>;
  update(forum: Forum, etag: string): Promise<Versioned<Forum>>;
  /** The forum whose channel or group chat this is. */
  findByConversation(conversationId: string): Promise<Versioned<Forum> | null>;
  /** Forums where the user is on the roster (for 1:1 chat). */
  findByMember(userId: string): Promise<Forum[]>;
  list(): Promise<Forum[]>;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** A Teams conversation the bot can write to proactively. */
export interface StoredConversation {
  conversationId: string;
  kind: ConversationKind;
  tenantId: string;
  /** For personal chats: the user it is with. */
  userId: string | null;
  /** botbuilder's ConversationReference as JSON (opaque to storage). */
  reference: Record<string, unknown>;
  /** ISO instant. */
  updatedAt: string;
}

export interface ConversationStore {
  /** Insert or replace. */
  save(conversation: StoredConversation): Promise<void>;
  get(conversationId: string): Promise<StoredConversation | null>;
  /** The 1:1 chat with a user, if the bot has one. */
  getPersonal(userId: string): Promise<StoredConversation | null>;
  /** Records an incoming activity id; false when it was recorded before (Teams redelivered it). */
  markActivity(conversationId: string, activityId: string): Promise<boolean>;
  /** The language a person chose ("sprog dansk"), or null: then their Teams client's decides. */
  getLocale(userId: string): Promise<Locale | null>;
  /** Stores the person's language; null forgets it. */
  setLocale(userId: string, locale: Locale | null): Promise<void>;
}

export interface MeetingSummary {
  id: string;
  forumId: string;
  date: string;
  start: string | null;
  status: MeetingStatus;
  kind: Meeting['kind'];
  itemCount: number;
}

export interface MeetingStore {
  /** Stores the meeting with all its items at once (any size: 1,000 items, 300 KB sections). */
  create(meeting: Meeting): Promise<Versioned<Meeting>>;
  get(forumId: string, meetingId: string): Promise<Versioned<Meeting> | null>;
  /** Replaces the meeting (header and items); etag from `get`. */
  update(meeting: Meeting, etag: string): Promise<Versioned<Meeting>>;
  delete(forumId: string, meetingId: string): Promise<void>;
  /** Newest date first; one partition query. */
  listByForum(forumId: string): Promise<MeetingSummary[]>;
}

export interface DecisionStore {
  get(meetingId: string, itemNumber: number): Promise<Versioned<Decision> | null>;
  /**
   * Records a decision. `etag` null means "there must be none yet" (else 'conflict');
   * otherwise it must match the current one. The replaced version goes to the history.
   */
  save(decision: Decision, etag: string | null): Promise<Versioned<Decision>>;
  listByMeeting(meetingId: string): Promise<Decision[]>;
  /** Earlier versions of an item's decision, oldest first. */
  history(meetingId: string, itemNumber: number): Promise<Decision[]>;
}

export interface ItemResponseStore {
  /** Insert or replace the user's response to the item. */
  upsert(response: ItemResponse): Promise<void>;
  listByMeeting(meetingId: string): Promise<ItemResponse[]>;
  /** One item's responses (a click needs only its item's tally). */
  listByItem(meetingId: string, itemNumber: number): Promise<ItemResponse[]>;
}

export interface FollowUpStore {
  /**
   * All-or-nothing for one meeting's follow-ups. Their open-list index rows are written at once (a
   * row without its follow-up is ignored by readers), the follow-ups only once `after` has resolved.
   */
  createMany(followUps: FollowUp[], opts?: { after?: Promise<unknown> }): Promise<void>;
  get(forumId: string, id: string): Promise<Versioned<FollowUp> | null>;
  update(followUp: FollowUp, etag: string): Promise<Versioned<FollowUp>>;
  listByForum(forumId: string): Promise<FollowUp[]>;
  listByMeeting(forumId: string, meetingId: string): Promise<FollowUp[]>;
  /** Open follow-ups assigned to or delegated to the user; one partition query. */
  listOpenByAssignee(userId: string): Promise<FollowUp[]>;
}

export interface CascadeStore {
  get(meetingId: string, userId: string): Promise<Versioned<CascadeReceipt> | null>;
  /** Insert when etag is null (conflict if it exists), else a conditional replace. */
  save(receipt: CascadeReceipt, etag: string | null): Promise<Versioned<CascadeReceipt>>;
  listByMeeting(meetingId: string): Promise<CascadeReceipt[]>;
}

/** Cards posted for a meeting, one small row each (docs/storage.md "Publishing and closing converge"). */
export interface PostedCardStore {
  /** Insert if absent: the first record of a key stays, and is what this returns. */
  record(card: PostedCard): Promise<PostedCard>;
  listByMeeting(meetingId: string): Promise<PostedCard[]>;
}

export interface JobStore {
  /** Insert or replace a job by id (scheduling the same id twice keeps one job). */
  schedule(job: Job): Promise<void>;
  /**
   * Inserts a new job unless one with its id exists (true when inserted), without reading first: its
   * index rows are inserted together, then the job itself. False when the id is taken, and when an
   * earlier cut-off insert left its lookup row: the caller reads the job (ensureJob) and decides.
   */
  create(job: Job): Promise<boolean>;
  get(jobId: string): Promise<Versioned<Job> | null>;
  /**
   * Claims up to `limit` jobs due at or before `now` that are pending or whose lease has expired,
   * by an ETag-conditional update setting leaseOwner/leaseUntil; jobs another instance claimed
   * first are skipped. Reads only the due index (entries keyed by due time), never all jobs.
   */
  claimDue(now: Date, opts: { owner: string; leaseMs: number; limit: number }): Promise<Versioned<Job>[]>;
  /** Conditional update of a claimed job (record sentActivityId, complete, fail, reschedule). */
  update(job: Job, etag: string): Promise<Versioned<Job>>;
  cancel(jobId: string): Promise<void>;
  listByForum(forumId: string): Promise<Job[]>;
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  listByForum(forumId: string, opts?: { since?: string; limit?: number }): Promise<AuditEntry[]>;
}

/** Everything the product stores, for backup and moving between environments. */
export interface ForumBackup {
  version: 1;
  forum: Forum;
  meetings: Meeting[];
  decisions: Decision[];
  decisionHistory: Decision[];
  responses: ItemResponse[];
  followUps: FollowUp[];
  cascade: CascadeReceipt[];
  /** Cards posted for the meetings (absent in backups from before it was kept). */
  posted?: PostedCard[];
  jobs: Job[];
  audit: AuditEntry[];
  conversations: StoredConversation[];
}

export interface Store {
  forums: ForumStore;
  conversations: ConversationStore;
  meetings: MeetingStore;
  decisions: DecisionStore;
  responses: ItemResponseStore;
  followUps: FollowUpStore;
  cascade: CascadeStore;
  posted: PostedCardStore;
  jobs: JobStore;
  audit: AuditStore;
  /** Resolves when storage answers; rejects with 'storage-unavailable' otherwise (health check). */
  ping(): Promise<void>;
  exportForum(forumId: string): Promise<ForumBackup>;
  /**
   * Writes a forum's backup. Default: the backup's records replace stored ones with the same keys
   * (restoring into an empty store). `merge`: stored records are kept unless the backup's is further
   * along (src/store/tables/backup.ts); nothing done is re-armed, nothing finished reopened.
   */
  importForum(backup: ForumBackup, opts?: { merge?: boolean }): Promise<void>;
  /** Tables (forums, meetings, follow-ups, jobs) that hold any row: non-empty = a store in use. */
  tablesInUse(): Promise<string[]>;
}
