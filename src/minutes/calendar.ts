/** Calendar arithmetic on plain YYYY-MM-DD strings (dates without time or zone) and Danish month words. */
import { DateTime } from 'luxon';

const MONTH_WORDS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Regex source for a Danish month name or its abbreviation (full names first). */
export const MONTH_SOURCE =
  '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)';

/** 1-12 for a Danish month word ("maj", "okt."), or null. */
export function monthNumber(word: string): number | null {
  return MONTH_WORDS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth ?? 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Monday..Sunday of ISO week `week` of ISO week-year `year`, or null when that week does not exist. */
export function isoWeek(year: number, week: number): { from: string; to: string } | null {
  if (week < 1 || week > 53) return null;
  const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'utc' });
  if (!monday.isValid || monday.weekNumber !== week) return null;
  return { from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
}

/** ISO week-year of a date (the year a "uge N" near New Year belongs to). */
export function weekYearOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekYear;
}
