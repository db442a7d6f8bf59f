/**
 * Danish deadlines and dates relative to a meeting: "den 23. maj 2019", "d. 30. september", "10.10",
 * "i uge 44", "primo november", "i september eller oktober", "efter sommeren", "i efteråret 2021".
 *
 * A year left out means the next such date (or period) after the meeting. When scanning running text
 * (`findDueDates`) a date is never the meeting day or earlier, and a year-less date that fell in the
 * three months before the meeting ("referatet fra d. 27. maj") is a reference to the past, not a
 * deadline almost a year ahead: it is dropped rather than moved to next year.
 */
import type { DueDate } from '../domain';
import { addDays, yearOf } from './calendar';
import { type Found, RANGE_JOINER, scanDates } from './date-grammar';
import * as P from './date-periods';
import type { Interval, Period } from './date-periods';
import { findRelativeDates, type RelativeContext } from './relative-dates';

type Mode = 'next' | 'scan';

/** Yearless dates up to this many days before the meeting are taken as past references when scanning. */
const RECENT_PAST_DAYS = 92;

function resolve(period: Period, meetingDate: string, mode: Mode): Interval | null {
  if (period.year !== null) {
    const iv = period.at(period.year);
    return iv && (mode === 'next' || iv.to > meetingDate) ? iv : null;
  }
  const y0 = yearOf(meetingDate);
  let past: Interval | null = null;
  for (let y = y0 - 1; y <= y0 + 8; y++) {
    const iv = period.at(y);
    if (!iv) continue;
    if (iv.to > meetingDate) {
      if (mode === 'scan' && past && past.to >= addDays(meetingDate, -RECENT_PAST_DAYS)) return null;
      return iv;
    }
    past = iv;
  }
  return null;
}

/** Resolves B in A's year (or A in B's) so that "28. oktober til 1. november 2019" is one span. */
function resolveRange(a: Period, b: Period, meetingDate: string, mode: Mode): Interval | null {
  let first: Interval | null;
  let last: Interval | null;
  if (a.year === null && b.year !== null) {
    last = resolve(b, meetingDate, 'next');
    if (!last) return null;
    first = a.at(yearOf(last.to));
    if (first && first.from > last.to) first = a.at(yearOf(last.to) - 1);
  } else {
    first = resolve(a, meetingDate, mode);
    if (!first) return null;
    last = b.year !== null ? b.at(b.year) : b.at(yearOf(first.from));
    if (last && b.year === null && last.to < first.from) last = b.at(yearOf(first.from) + 1);
  }
  if (!first || !last || last.to < first.from) return null;
  if (mode === 'scan' && last.to <= meetingDate) return null;
  return { from: first.from, to: last.to, precision: 'range' };
}

interface Hit {
  index: number;
  length: number;
  iv: Interval | null;
}

const TIL_HEAD = /^(?:til(?:\s+og\s+med)?|frem\s+til)\s/i;

/** The grammar's finds plus the relative ones (relative-dates.ts) where the grammar has no date. */
function hits(text: string, meetingDate: string, mode: Mode, needCue: boolean, ctx: RelativeContext = {}): Hit[] {
  const own = absoluteHits(text, meetingDate, mode, needCue);
  const relative = findRelativeDates(text, meetingDate, ctx);
  const overlaps = (a: { index: number; length: number }, b: { index: number; length: number }) => a.index < b.index + b.length && b.index < a.index + a.length;
  // A relative find replaces a grammar find it overlaps only when the grammar could not date it.
  const kept = own.filter((h) => h.iv !== null || !relative.some((r) => overlaps(r, h)));
  return [...kept, ...relative.filter((r) => !kept.some((h) => overlaps(r, h)))].sort((a, b) => a.index - b.index);
}

function absoluteHits(text: string, meetingDate: string, mode: Mode, needCue: boolean): Hit[] {
  const found = scanDates(text, needCue);
  const out: Hit[] = [];
  for (let i = 0; i < found.length; i++) {
    const a: Found = found[i];
    const b: Found | undefined = found[i + 1];
    if (b) {
      const gap = text.slice(a.index + a.length, b.index);
      const joined = RANGE_JOINER.test(gap) || (gap.trim() === '' && TIL_HEAD.test(text.slice(b.index, b.index + b.length)));
      const iv = joined ? resolveRange(a.period, b.period, meetingDate, mode) : null;
      if (iv) {
        out.push({ index: a.index, length: b.index + b.length - a.index, iv });
        i++;
        continue;
      }
    }
    out.push({ index: a.index, length: a.length, iv: resolve(a.period, meetingDate, mode) });
  }
  return out;
}

function toDue(iv: Interval, text: string): DueDate {
  return { due: iv.to, dueFrom: iv.from, precision: iv.precision, text };
}

const FILLER = /^[\s,.:;()–-]*(?:(?:senest|deadline|frist|dato|ca\.?|cirka|omkring|forventeligt|forventet)[\s,.:;()–-]*)*$/i;
const BARE_YEAR = /^(?:i\s+|i\s+løbet\s+af\s+|år\s+)?(\d{4})$/i;

/**
 * One phrase a person wrote or chose as a deadline ("uge 43", "d. 30. september", "efter sommeren").
 * A year left out means the next such date after the meeting. Null when the phrase is not a date.
 */
export function parseDanishDue(phrase: string, meetingDate: string, ctx: RelativeContext = {}): DueDate | null {
  const text = phrase.trim().replace(/[.,;:]+$/, '');
  if (text === '' || text.length > 120) return null;
  const bare = BARE_YEAR.exec(text);
  if (bare) {
    const iv = P.yearPart('whole', Number(bare[1])).at(Number(bare[1]));
    return iv ? toDue(iv, text) : null;
  }
  const found = hits(text, meetingDate, 'next', false, ctx);
  if (found.length !== 1 || !found[0].iv) return null;
  const [h] = found;
  if (!FILLER.test(text.slice(0, h.index)) || !FILLER.test(text.slice(h.index + h.length))) return null;
  return toDue(h.iv!, text);
}

/**
 * Every future date or period in a running text, with where it was written. Only what follows the
 * meeting counts; see the module comment for past references.
 */
export function findDueDates(text: string, meetingDate: string, ctx: RelativeContext = {}): { due: DueDate; index: number; length: number }[] {
  return hits(text, meetingDate, 'scan', true, ctx)
    .filter((h) => h.iv !== null)
    .map((h) => ({ due: toDue(h.iv!, text.slice(h.index, h.index + h.length)), index: h.index, length: h.length }));
}
