/**
 * When a follow-up is reminded, under its forum's ReminderPolicy. Pure: no I/O, time comes in as arguments.
 *
 * - Before/on the due date: `daysBefore` calendar days before `due.due` and the due date itself, at
 *   `sendAt` Copenhagen time; a date on a weekend or holiday moves to the PREVIOUS working day.
 * - Overdue: every `overdueEveryWorkingDays`-th working day after the due date.
 * - A period ("uge 44", "medio april") counts against its end, `due.due`.
 * - Not reminded: anything not open, and a follow-up answered on the same day.
 * - Snooze ("påmind mig i morgen"): one extra reminder on the next working day.
 * - Catch-up: a follow-up created (or re-dated) after the reminder that would have covered it had gone
 *   gets that reminder at the next sweep on a working day (`reminders.catchUpAt`, see `missedReminderAt`).
 */
import type { DueDate, FollowUp } from './followup';
import type { ReminderPolicy } from './forum';
import { localDate, localInstant } from './time';
import {
  type CalendarOptions,
  addDays,
  addWorkingDays,
  calendarOf,
  dayNumber,
  isWorkingDay,
  isoWeekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './calendar';

/** What the policy needs to know about a follow-up. */
export type ReminderSubject = Pick<FollowUp, 'due' | 'status' | 'reminders'>;

export type ReminderReason = 'before' | 'due' | 'overdue' | 'snooze' | 'catch-up';

/** The local dates of the reminders before and on the due date, ascending, each a working day. */
export function plannedDates(dueDate: string, policy: ReminderPolicy, cal = calendarOf(policy)): string[] {
  const offsets = [...policy.daysBefore, ...(policy.onDueDate ? [0] : [])];
  const dates = offsets.map((d) => workingDayOnOrBefore(addDays(dueDate, -d), cal));
  return [...new Set(dates)].sort();
}

/** Whether `date` (after the due date) is one of the "every N working days while overdue" dates. */
export function isOverdueReminderDate(dueDate: string, date: string, policy: ReminderPolicy, cal = calendarOf(policy)): boolean {
  if (date <= dueDate || !isWorkingDay(date, cal) || policy.overdueEveryWorkingDays < 1) return false;
  let d = dueDate;
  while (d < date) d = addWorkingDays(d, policy.overdueEveryWorkingDays, cal);
  return d === date;
}

/** The first overdue reminder date on or after `from`, or null when the policy has none. */
function firstOverdueOnOrAfter(dueDate: string, from: string, policy: ReminderPolicy, cal: CalendarOptions): string | null {
  if (policy.overdueEveryWorkingDays < 1) return null;
  let d = addWorkingDays(dueDate, policy.overdueEveryWorkingDays, cal);
  while (d < from) d = addWorkingDays(d, policy.overdueEveryWorkingDays, cal);
  return d;
}

function answeredOn(subject: ReminderSubject, date: string): boolean {
  const at = subject.reminders?.lastAnswer?.at;
  return !!at && localDate(new Date(at)) === date;
}

/** Why the follow-up gets a reminder on the local date `date`, or null when it gets none that day. */
export function reminderReasonOn(
  subject: ReminderSubject,
  date: string,
  policy: ReminderPolicy,
  cal = calendarOf(policy),
  planned = subject.due ? plannedDates(subject.due.due, policy, cal) : [],
): ReminderReason | null {
  if (subject.status !== 'open' || answeredOn(subject, date)) return null;
  if (subject.reminders?.snoozedUntil === date) return 'snooze';
  if (!subject.due) return null;
  if (catchUpDate(subject) === date) return 'catch-up';
  const due = subject.due.due;
  if (planned.includes(date)) return date === workingDayOnOrBefore(due, cal) ? 'due' : 'before';
  return isOverdueReminderDate(due, date, policy, cal) ? 'overdue' : null;
}

function catchUpDate(subject: ReminderSubject): string | null {
  const at = subject.reminders?.catchUpAt;
  return at ? localDate(new Date(at)) : null;
}

/**
 * When a follow-up seen at `now` gets the reminder it missed, or null when it missed none: its
 * reminders have begun (the first of them is today or earlier) and no regular one is still to come
 * today. The catch-up is now on a working day, else the next working day at `sendAt`.
 */
export function missedReminderAt(subject: ReminderSubject, now: Date, policy: ReminderPolicy, cal = calendarOf(policy)): Date | null {
  if (subject.status !== 'open' || !subject.due) return null;
  const today = localDate(now);
  const planned = plannedDates(subject.due.due, policy, cal);
  if (planned.length > 0 ? planned[0] > today : subject.due.due > today) return null;
  if (reminderReasonOn(subject, today, policy, cal, planned) && reminderInstant(today, policy) > now) return null;
  return isWorkingDay(today, cal) ? now : reminderInstant(workingDayOnOrAfter(today, cal), policy);
}

/** The first date on or after `from` (YYYY-MM-DD) with a reminder, or null when there is none. */
export function nextReminderDate(subject: ReminderSubject, from: string, policy: ReminderPolicy, cal = calendarOf(policy)): string | null {
  if (subject.status !== 'open') return null;
  const candidates: string[] = [];
  const snooze = subject.reminders?.snoozedUntil;
  if (snooze && snooze >= from) candidates.push(snooze);
  const planned = subject.due ? plannedDates(subject.due.due, policy, cal) : [];
  if (subject.due) {
    candidates.push(...planned.filter((d) => d >= from));
    const overdue = firstOverdueOnOrAfter(subject.due.due, from, policy, cal);
    if (overdue) candidates.push(overdue, addWorkingDays(overdue, policy.overdueEveryWorkingDays, cal));
  }
  return candidates.sort().find((d) => reminderReasonOn(subject, d, policy, cal, planned) !== null) ?? null;
}

/** The instant of a reminder on a local date: `sendAt` in Copenhagen (summer time included). */
export function reminderInstant(date: string, policy: ReminderPolicy): Date {
  return localInstant(date, policy.sendAt);
}

/** The next reminder strictly after `now`, or null (not open, or no due date and no snooze). */
export function nextReminderAfter(subject: ReminderSubject, now: Date, policy: ReminderPolicy): { date: string; at: Date } | null {
  const cal = calendarOf(policy);
  const today = localDate(now);
  const catchUp = subject.status === 'open' && subject.reminders?.catchUpAt ? new Date(subject.reminders.catchUpAt) : null;
  if (catchUp && catchUp > now) return { date: localDate(catchUp), at: catchUp };
  let date = nextReminderDate(subject, today, policy, cal);
  // Only today's reminder can already have passed; a later date's instant is after `now`.
  if (date === today && reminderInstant(date, policy) <= now) date = nextReminderDate(subject, addDays(date, 1), policy, cal);
  return date ? { date, at: reminderInstant(date, policy) } : null;
}

/** "Påmind mig i morgen": the next working day after the local date of `now`. */
export function snoozeDate(now: Date, policy: ReminderPolicy): string {
  return addWorkingDays(localDate(now), 1, calendarOf(policy));
}

/** Calendar days from `date` to the due date: 0 on the day, negative when overdue. */
export function daysUntilDue(due: DueDate, date: string): number {
  return dayNumber(due.due) - dayNumber(date);
}

/**
 * The weekly digest strictly after `now`: the nominal date (the policy's weekday, the job's key) and the
 * instant, moved to the NEXT working day when the weekday is a holiday (a "this week" digest on 2. påskedag
 * goes out Tuesday, not the Friday before).
 */
export function nextDigest(now: Date, policy: ReminderPolicy): { week: string; at: Date } {
  const cal = calendarOf(policy);
  let week = localDate(now);
  week = addDays(week, (policy.digest.weekday - isoWeekday(week) + 7) % 7);
  for (;;) {
    const at = localInstant(workingDayOnOrAfter(week, cal), policy.digest.at);
    if (at > now) return { week, at };
    week = addDays(week, 7);
  }
}

/** Working days before a meeting that owners get their check-in card. */
export const CHECK_IN_WORKING_DAYS_BEFORE = 5;

/** The check-in instant for a meeting on `meetingDate`: N working days before, at `sendAt`. */
export function checkInInstant(meetingDate: string, policy: ReminderPolicy, workingDaysBefore = CHECK_IN_WORKING_DAYS_BEFORE): Date {
  return localInstant(addWorkingDays(meetingDate, -workingDaysBefore, calendarOf(policy)), policy.sendAt);
}
