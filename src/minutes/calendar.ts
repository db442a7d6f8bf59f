/** Calendar arithmetic on plain YYYY-MM-DD strings (dates without time or zone) and Danish month words. */

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

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/*
 * Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms): plain integer arithmetic,
 * many times faster than building date objects, which matters when a text holds thousands of dates.
 */
function toDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(era * 400 + yoe + (month <= 2 ? 1 : 0), month, day);
}

function daysOf(date: string): number {
  return toDays(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return fromDays(daysOf(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Monday of ISO week 1: the week holding 4 January. */
function firstMonday(year: number): number {
  const jan4 = toDays(year, 1, 4);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday;
}

/** Monday..Sunday of ISO week `week` of ISO week-year `year`, or null when that week does not exist. */
export function isoWeek(year: number, week: number): { from: string; to: string } | null {
  if (week < 1 || week > 53 || year < 1900 || year > 2200) return null;
  const monday = firstMonday(year) + 7 * (week - 1);
  if (monday >= firstMonday(year + 1)) return null;
  return { from: fromDays(monday), to: fromDays(monday + 6) };
}
