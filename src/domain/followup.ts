/** Follow-ups, deadlines and the messages chiefs carry back to their departments. */

export type FollowUpKind = 'task' | 'event' | 'return-to-forum' | 'communication';

/** How exact a due date is: a day, an ISO week, part of a month, a month, a season, a year. */
export type DuePrecision = 'day' | 'week' | 'month-part' | 'month' | 'season' | 'year' | 'range';

/**
 * A deadline as the forum wrote it. A period ("medio april", "uge 44") is an interval:
 * `due` is its end (what reminders count against), `dueFrom` its start.
 */
export interface DueDate {
  /** YYYY-MM-DD, the last day of the period. */
  due: string;
  /** YYYY-MM-DD, the first day of the period (equals `due` for a day). */
  dueFrom: string;
  precision: DuePrecision;
  /** The original Danish words, e.g. "medio april", "den 23. maj 2019". */
  text: string;
}

export type OwnerKind = 'department' | 'member' | 'role' | 'all-chiefs' | 'person';

export interface Owner {
  kind: OwnerKind;
  /** As written or chosen: "Kultur & Fritid", "Cheferne", "direktøren", "Morten Kjær". */
  name: string;
  /** Teams user id when resolved to a forum member. */
  userId?: string;
  /**
   * For a person outside the roster ("Jonatan Petersen"): the forum member who answers for the
   * follow-up and gets its reminders (default: the secretary).
   */
  responsible?: { userId: string; name: string };
}

export type FollowUpStatus = 'suggested' | 'open' | 'done' | 'dismissed';

export interface FollowUp {
  id: string;
  forumId: string;
  meetingId: string;
  itemNumber: number;
  text: string;
  kind: FollowUpKind;
  owner: Owner | null;
  due: DueDate | null;
  /** The sentence the follow-up was found in (empty when typed by a person). */
  evidence: string;
  /** 0..1; 1 for follow-ups entered or confirmed by a person. */
  confidence: number;
  status: FollowUpStatus;
  /** Teams user ids reminded about this follow-up: the owner's chief(s), resolved from the roster. */
  assignees: string[];
  /** Colleague doing the work (also reminded); the owner stays accountable. */
  delegateUserId: string | null;
  /** Earlier due dates, oldest first, each with the reason given when postponing. */
  postponements: { from: DueDate | null; reason: string | null; at: string }[];
  /** ISO instant of the last change. */
  updatedAt: string;
  /** ISO instant the follow-up was first recorded; absent on older records (the meeting's date counts). */
  createdAt?: string;
  /** ISO instant it was marked done or dismissed, null once reopened; absent on older records (`updatedAt` counts). */
  resolvedAt?: string | null;
  /** Scheduler bookkeeping (snooze, check-in answer, undeliverable reminders); absent until first used. */
  reminders?: ReminderState;
}

/** What the reminders of a follow-up have seen: answers from the owner and delivery failures. */
export interface ReminderState {
  /** YYYY-MM-DD: "remind me tomorrow" asked for a reminder on this working day. */
  snoozedUntil: string | null;
  /**
   * ISO instant of the reminder this follow-up missed (created or re-dated after the reminder that
   * would have covered it had gone): sent at the next sweep on a working day. Absent when none.
   */
  catchUpAt?: string | null;
  /** The latest answer to a reminder or check-in card. */
  lastAnswer: { kind: 'done' | 'postpone' | 'snooze' | CheckInStatus; userId: string; at: string } | null;
  /** The latest check-in answer before a meeting (fills "Opfølgning på beslutninger"). */
  checkIn: { status: CheckInStatus; newDate: string | null; userId: string; at: string; meetingId: string | null } | null;
  /** Recipients the bot could not reach (403/404): reminders for them were not delivered. */
  undeliverable: { userId: string; status: number; at: string }[];
}

/** An owner's answer to a check-in card: on track, late (with a new date), or done. */
export type CheckInStatus = 'on-track' | 'late' | 'done';

/** A follow-up as the minutes core suggests it from a text, before anyone confirmed it. */
export type FollowUpSuggestion = Pick<FollowUp, 'itemNumber' | 'text' | 'kind' | 'owner' | 'due' | 'evidence' | 'confidence'>;

/** One message for the chiefs to pass on to their departments. */
export interface Communication {
  id: string;
  text: string;
  /** YYYY-MM-DD; not to be passed on before this date (embargo), or null. */
  notBefore: string | null;
  /** The embargo's original words ("først ud i uge 12"), or null. */
  notBeforeText: string | null;
  /** Target departments; empty means all. */
  departments: string[];
}
