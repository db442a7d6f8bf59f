/**
 * Danish working-day calendar: weekends, public holidays (helligdage) and the configurable days many
 * workplaces close (24 and 31 December, grundlovsdag). Pure: dates are YYYY-MM-DD strings, no zone, no I/O.
 */
import type { ReminderPolicy } from './forum';

/** Which of the customary closing days count as non-working. Defaults: all three (docs/reminders.md). */
export interface CalendarOptions {
  christmasEve: boolean;
  newYearsEve: boolean;
  constitutionDay: boolean;
}

export const DEFAULT_CALENDAR: CalendarOptions = { christmasEve: true, newYearsEve: true, constitutionDay: true };

/** The calendar a forum's reminder policy asks for (missing settings fall back to the defaults). */
export function calendarOf(policy: Pick<ReminderPolicy, 'nonWorkingDays'>): CalendarOptions {
  const o = policy.nonWorkingDays ?? {};
  return {
    christmasEve: o.christmasEve ?? DEFAULT_CALENDAR.christmasEve,
    newYearsEve: o.newYearsEve ?? DEFAULT_CALENDAR.newYearsEve,
    constitutionDay: o.constitutionDay ?? DEFAULT_CALENDAR.constitutionDay,
  };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (calendar arithmetic only, no time zone). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Holiday {
  date: string;
  /** Danish name, e.g. "Kristi himmelfartsdag". */
  name: string;
}

/** Public holidays and (per options) customary closing days of a year, in date order. */
export function danishHolidays(year: number, opts: CalendarOptions = DEFAULT_CALENDAR): Holiday[] {
  const easter = easterSunday(year);
  const rel = (days: number, name: string): Holiday => ({ date: addDays(easter, days), name });
  const fixed = (md: string, name: string): Holiday => ({ date: `${year}-${md}`, name });
  const days: Holiday[] = [
    fixed('01-01', 'Nytårsdag'),
    rel(-3, 'Skærtorsdag'),
    rel(-2, 'Langfredag'),
    rel(0, 'Påskedag'),
    rel(1, '2. påskedag'),
    rel(39, 'Kristi himmelfartsdag'),
    rel(49, 'Pinsedag'),
    rel(50, '2. pinsedag'),
    fixed('12-25', 'Juledag'),
    fixed('12-26', '2. juledag'),
  ];
  // Store bededag (4th Friday after Easter) was abolished as a public holiday from 2024.
  if (year <= 2023) days.push(rel(26, 'Store bededag'));
  if (opts.constitutionDay) days.push(fixed('06-05', 'Grundlovsdag'));
  if (opts.christmasEve) days.push(fixed('12-24', 'Juleaftensdag'));
  if (opts.newYearsEve) days.push(fixed('12-31', 'Nytårsaftensdag'));
  return days.sort((x, y) => x.date.localeCompare(y.date));
}

// Derived, immutable data: the same year and options always give the same set.
const yearCache = new Map<string, Map<string, string>>();

function holidaysOf(year: number, opts: CalendarOptions): Map<string, string> {
  const key = `${year}:${Number(opts.christmasEve)}${Number(opts.newYearsEve)}${Number(opts.constitutionDay)}`;
  let map = yearCache.get(key);
  if (!map) {
    map = new Map(danishHolidays(year, opts).map((h) => [h.date, h.name]));
    yearCache.set(key, map);
  }
  return map;
}

/** The holiday's name, or null when the date is no holiday. */
export function holidayName(date: string, opts: CalendarOptions = DEFAULT_CALENDAR): string | null {
  return holidaysOf(Number(date.slice(0, 4)), opts).get(date) ?? null;
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(date: string, opts: CalendarOptions = DEFAULT_CALENDAR): boolean {
  return isoWeekday(date) <= 5 && holidayName(date, opts) === null;
}

/** The date itself when it is a working day, else the nearest working day before it. */
export function workingDayOnOrBefore(date: string, opts: CalendarOptions = DEFAULT_CALENDAR): string {
  let d = date;
  while (!isWorkingDay(d, opts)) d = addDays(d, -1);
  return d;
}

/** The date itself when it is a working day, else the nearest working day after it. */
export function workingDayOnOrAfter(date: string, opts: CalendarOptions = DEFAULT_CALENDAR): string {
  let d = date;
  while (!isWorkingDay(d, opts)) d = addDays(d, 1);
  return d;
}

/** The n-th working day after `date` (n >= 1; `date` itself does not count). Negative n counts back. */
export function addWorkingDays(date: string, n: number, opts: CalendarOptions = DEFAULT_CALENDAR): string {
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d, opts)) left--;
  }
  return d;
}
