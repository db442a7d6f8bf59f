/**
 * Follow-up figures for the chair and the secretary, computed from the follow-ups' own history
 * (created, due, postponed, done, dismissed dates). Pure: "today" and "now" are passed in.
 * Every figure is defined in docs/protocol.md "Follow-up figures".
 */
import { DateTime } from 'luxon';
import type { FollowUp } from './followup';
import type { Forum } from './forum';
import { localDate, ZONE } from './time';

/** What became of a follow-up, as of a day. */
export type Outcome = 'on-time' | 'late' | 'open' | 'dismissed';

/** The state of an open follow-up, as of a day: one and only one per follow-up. */
export type OpenState = 'overdue' | 'due-this-week' | 'postponed' | 'on-track';

export const OPEN_STATES: readonly OpenState[] = ['on-track', 'due-this-week', 'overdue', 'postponed'];
export const OUTCOMES: readonly Outcome[] = ['on-time', 'late', 'open', 'dismissed'];

export type OpenCounts = Record<OpenState, number>;
export type OutcomeCounts = Record<Outcome, number>;

const zeroOpen = (): OpenCounts => ({ 'on-track': 0, 'due-this-week': 0, overdue: 0, postponed: 0 });
const zeroOutcomes = (): OutcomeCounts => ({ 'on-time': 0, late: 0, open: 0, dismissed: 0 });

/** Suggested follow-ups nobody confirmed yet are not the forum's follow-ups: no figure counts them. */
const counted = (f: FollowUp): boolean => f.status !== 'suggested';

/** The due date the meeting agreed: the first one, before any postponement (YYYY-MM-DD), or null. */
export function agreedDue(f: FollowUp): string | null {
  const first = f.postponements[0];
  return first ? (first.from?.due ?? null) : (f.due?.due ?? null);
}

/** The local date a done or dismissed follow-up was closed; `updatedAt` for records older than `resolvedAt`. */
export function resolvedDate(f: FollowUp): string | null {
  if (f.status !== 'done' && f.status !== 'dismissed') return null;
  return localDate(new Date(f.resolvedAt ?? f.updatedAt));
}

/** Done on time: done on or before the agreed due date (or with none). Late: done after it. */
export function outcomeOf(f: FollowUp): Outcome {
  if (f.status === 'dismissed') return 'dismissed';
  if (f.status !== 'done') return 'open';
  const due = agreedDue(f);
  const done = resolvedDate(f);
  return !due || !done || done <= due ? 'on-time' : 'late';
}

/**
 * The state of an open follow-up on `today` with the week ending `weekEnd` (both YYYY-MM-DD), first
 * match wins: overdue (current due date before today), due this week (due on or before weekEnd),
 * postponed (moved at least once), on track (everything else, no due date included).
 */
export function openStateOf(f: FollowUp, today: string, weekEnd: string): OpenState {
  const due = f.due?.due ?? null;
  if (due && due < today) return 'overdue';
  if (due && due <= weekEnd) return 'due-this-week';
  if (f.postponements.length > 0) return 'postponed';
  return 'on-track';
}

/** The forum's open follow-ups by state. */
export function openByState(followUps: FollowUp[], today: string, weekEnd: string): OpenCounts {
  const counts = zeroOpen();
  for (const f of followUps) if (f.status === 'open') counts[openStateOf(f, today, weekEnd)]++;
  return counts;
}

/** Follow-ups marked done after `since` and at or before `now` (ISO instants). */
export function doneBetween(followUps: FollowUp[], since: string, now: string): number {
  const from = Date.parse(since);
  const to = Date.parse(now);
  return followUps.filter((f) => {
    if (f.status !== 'done') return false;
    const at = Date.parse(f.resolvedAt ?? f.updatedAt);
    return at > from && at <= to;
  }).length;
}

export interface GroupCounts {
  /** A department, or an owner's name when the forum has no departments. */
  name: string;
  counts: OpenCounts;
  total: number;
}

/**
 * The group an open follow-up counts under. With departments: a department owner's name, else the
 * department of the owner's member or of the first assignee that has one. Without: the owner's name.
 * Null when none is known (counted under "no department"/"no owner" by the caller).
 */
export function groupOf(f: FollowUp, forum: Pick<Forum, 'departments' | 'members'>): string | null {
  const byDepartment = forum.departments.length > 0;
  const owner = f.owner;
  if (!byDepartment) return owner?.name.trim() || null;
  if (owner?.kind === 'department' && owner.name.trim()) return owner.name.trim();
  const ids = [...(owner?.userId ? [owner.userId] : []), ...f.assignees];
  for (const id of ids) {
    const dept = forum.members.find((m) => m.userId === id)?.department;
    if (dept) return dept;
  }
  return null;
}

/** Open follow-ups by state per department (or owner), largest total first, then by name. */
export function openByGroup(
  followUps: FollowUp[],
  forum: Pick<Forum, 'departments' | 'members'>,
  today: string,
  weekEnd: string,
  unknown: string,
): GroupCounts[] {
  const groups = new Map<string, OpenCounts>();
  for (const f of followUps) {
    if (f.status !== 'open') continue;
    const name = groupOf(f, forum) ?? unknown;
    const counts = groups.get(name) ?? zeroOpen();
    counts[openStateOf(f, today, weekEnd)]++;
    groups.set(name, counts);
  }
  return [...groups.entries()]
    .map(([name, counts]) => ({ name, counts, total: OPEN_STATES.reduce((s, k) => s + counts[k], 0) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'da'));
}

export interface MeetingRef {
  id: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface MeetingOutcomes {
  meetingId: string;
  date: string;
  counts: OutcomeCounts;
  total: number;
}

/** Outcomes of each meeting's follow-ups, for `meetings` in the order given. */
export function outcomesByMeeting(followUps: FollowUp[], meetings: MeetingRef[]): MeetingOutcomes[] {
  return meetings.map((m) => {
    const counts = zeroOutcomes();
    for (const f of followUps) if (f.meetingId === m.id && counted(f)) counts[outcomeOf(f)]++;
    return { meetingId: m.id, date: m.date, counts, total: OUTCOMES.reduce((s, k) => s + counts[k], 0) };
  });
}

/** The last `n` meetings held on or before `today`, oldest first. */
export function lastMeetings<M extends MeetingRef>(meetings: M[], today: string, n = 6): M[] {
  return meetings
    .filter((m) => m.date <= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .slice(-n);
}

/** The meetings held since the last one before `meetingDate`: every meeting on the latest date before it. */
export function meetingsSinceLast<M extends MeetingRef>(meetings: M[], meetingDate: string, today: string): M[] {
  const before = meetings.filter((m) => m.date < meetingDate && m.date <= today);
  const last = before
    .map((m) => m.date)
    .sort()
    .pop();
  return lastMeetings(
    before.filter((m) => m.date === last),
    today,
  );
}

export interface Share {
  /** Follow-ups done by their agreed due date. */
  onTime: number;
  /** Follow-ups whose agreed due date fell in the period (dismissed and suggested ones excluded). */
  total: number;
  /** Whole percent, or null when total is 0. */
  percent: number | null;
}

/** The last quarter before `today`: [today minus three calendar months, yesterday]. */
export function lastQuarter(today: string): { from: string; to: string } {
  const day = DateTime.fromISO(today, { zone: ZONE });
  return { from: day.minus({ months: 3 }).toISODate()!, to: day.minus({ days: 1 }).toISODate()! };
}

/**
 * Done on time over the last quarter: of the follow-ups whose agreed due date lies in
 * lastQuarter(today) and that were not dismissed, the share done on or before that date.
 */
export function onTimeShare(followUps: FollowUp[], today: string): Share {
  const { from, to } = lastQuarter(today);
  let onTime = 0;
  let total = 0;
  for (const f of followUps) {
    if (!counted(f) || f.status === 'dismissed') continue;
    const due = agreedDue(f);
    if (!due || due < from || due > to) continue;
    total++;
    if (outcomeOf(f) === 'on-time') onTime++;
  }
  return { onTime, total, percent: total === 0 ? null : Math.round((onTime / total) * 100) };
}
