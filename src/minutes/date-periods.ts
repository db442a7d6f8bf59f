/**
 * What a Danish date phrase means once a year is chosen: a day, a range, an ISO week, part of a month,
 * a month, a season. Each period knows its occurrence in a given year (`at`); choosing the year is
 * left to dates.ts (the next occurrence after the meeting).
 *
 * Documented choices (PRODUCT.md gives the phrases, not their bounds):
 * - primo / medio / ultimo <month>: days 1-10 / 11-20 / 21-end; of a year: Jan-Apr / May-Aug / Sep-Dec.
 * - foråret Mar-May, sommeren Jun-Aug, efteråret Sep-Nov, vinteren Dec-Feb (labelled by December's year).
 * - "efter sommeren" / "efter sommerferien": 1 Aug - 30 Sep (the forum's first meetings after the holiday).
 * - "før/inden sommeren" / "inden sommerferien": June; "i sommerferien": July.
 * - "før/inden jul": 1-23 Dec; "til jul": 24 Dec; "efter jul" / "efter nytår": January.
 * - "inden <month>": the month before; "inden uge N": week N-1; "efter uge N": week N+1.
 */
import type { DuePrecision } from '../domain';
import { addDays, daysInMonth, isValidDay, isoDate, isoWeek, lastDayOfMonth } from './calendar';

export interface Interval {
  from: string;
  to: string;
  precision: DuePrecision;
}

export interface Period {
  /** The year written in the phrase, or null when left out. */
  year: number | null;
  /** The occurrence labelled by `year`, or null when it does not exist (31 April, week 53). */
  at(year: number): Interval | null;
}

const plausible = (d: number, m: number): boolean => d >= 1 && d <= 31 && m >= 1 && m <= 12;

/** A day of a month; null when no year has it (32.1, 10.30). */
export function day(d: number, m: number, year: number | null): Period | null {
  if (!plausible(d, m)) return null;
  return { year, at: (y) => (isValidDay(y, m, d) ? { from: isoDate(y, m, d), to: isoDate(y, m, d), precision: 'day' } : null) };
}

/** Two day-month pairs; the second rolls into the next year when it comes first (28.12 - 3.1). */
export function dayRange(d1: number, m1: number, d2: number, m2: number, year: number | null): Period | null {
  if (!plausible(d1, m1) || !plausible(d2, m2)) return null;
  return {
    year,
    at: (y) => {
      const y2 = m2 < m1 || (m2 === m1 && d2 < d1) ? y + 1 : y;
      if (!isValidDay(y, m1, d1) || !isValidDay(y2, m2, d2)) return null;
      return { from: isoDate(y, m1, d1), to: isoDate(y2, m2, d2), precision: 'range' };
    },
  };
}

export function week(w1: number, w2: number | null, shift: -1 | 0 | 1, year: number | null): Period | null {
  if (w1 < 1 || w1 > 53 || (w2 !== null && (w2 < w1 || w2 > 53))) return null;
  return {
    year,
    at: (y) => {
      const first = isoWeek(y, w1);
      const last = isoWeek(y, w2 ?? w1);
      if (!first || !last || last.to < first.from) return null;
      if (shift !== 0) return { from: addDays(first.from, 7 * shift), to: addDays(first.to, 7 * shift), precision: 'week' };
      return { from: first.from, to: last.to, precision: w2 === null || w2 === w1 ? 'week' : 'range' };
    },
  };
}

export type MonthPart = 'primo' | 'medio' | 'ultimo';

export function monthPart(part: MonthPart, m: number, year: number | null): Period {
  return {
    year,
    at: (y) => {
      const [a, b] = part === 'primo' ? [1, 10] : part === 'medio' ? [11, 20] : [21, daysInMonth(y, m)];
      return { from: isoDate(y, m, a), to: isoDate(y, m, b), precision: 'month-part' };
    },
  };
}

export function monthEnd(m: number, year: number | null): Period {
  return { year, at: (y) => ({ from: lastDayOfMonth(y, m), to: lastDayOfMonth(y, m), precision: 'day' }) };
}

/** A month, a span of months ("september eller oktober"), or with `before` the month before. */
export function month(m1: number, m2: number | null, before: boolean, year: number | null): Period {
  return {
    year,
    at: (y) => {
      if (before) {
        const [py, pm] = m1 === 1 ? [y - 1, 12] : [y, m1 - 1];
        return { from: isoDate(py, pm, 1), to: lastDayOfMonth(py, pm), precision: 'month' };
      }
      const end = m2 ?? m1;
      const y2 = end < m1 ? y + 1 : y;
      return { from: isoDate(y, m1, 1), to: lastDayOfMonth(y2, end), precision: end === m1 ? 'month' : 'range' };
    },
  };
}

export function yearPart(part: MonthPart | 'whole' | 'end', year: number): Period {
  const [a, b] = { primo: [1, 4], medio: [5, 8], ultimo: [9, 12], whole: [1, 12], end: [12, 12] }[part];
  return {
    year,
    at: (y) =>
      part === 'end'
        ? { from: isoDate(y, 12, 31), to: isoDate(y, 12, 31), precision: 'day' }
        : { from: isoDate(y, a, 1), to: lastDayOfMonth(y, b), precision: part === 'whole' ? 'year' : 'range' },
  };
}

type SeasonSpan = [number, number, number, number, number];

/** [startMonth, startDay, endMonth, endDay, endYearOffset] by preposition and season word. */
function seasonSpan(prep: string, season: string): SeasonSpan | null {
  const before = prep === 'før' || prep === 'inden';
  const after = prep === 'efter';
  if (season.startsWith('sommerferie')) {
    if (before) return [6, 1, 6, 30, 0];
    return after ? [8, 1, 9, 30, 0] : [7, 1, 7, 31, 0];
  }
  if (season.startsWith('sommer')) {
    if (before) return [6, 1, 6, 30, 0];
    return after ? [8, 1, 9, 30, 0] : [6, 1, 8, 31, 0];
  }
  if (season.startsWith('nytår')) return after ? [1, 2, 1, 31, 0] : null;
  if (season.startsWith('jul')) {
    if (before) return [12, 1, 12, 23, 0];
    if (after) return [1, 2, 1, 31, 0];
    return prep === 'til' ? [12, 24, 12, 24, 0] : [12, 24, 12, 31, 0];
  }
  if (before || after) return null;
  if (season.startsWith('forår')) return [3, 1, 5, 31, 0];
  if (season.startsWith('efterår')) return [9, 1, 11, 30, 0];
  if (season.startsWith('vinter')) return [12, 1, 2, 28, 1];
  return null;
}

export function season(prep: string, word: string, year: number | null): Period | null {
  const span = seasonSpan(prep, word);
  if (!span) return null;
  const [m1, d1, m2, d2, offset] = span;
  const afterChristmas = word.startsWith('jul') && prep === 'efter';
  return {
    year,
    at: (y) => {
      const y1 = afterChristmas ? y + 1 : y;
      const y2 = y1 + offset;
      const end = m2 === 2 && d2 === 28 ? lastDayOfMonth(y2, 2) : isoDate(y2, m2, d2);
      return { from: isoDate(y1, m1, d1), to: end, precision: 'season' };
    },
  };
}
