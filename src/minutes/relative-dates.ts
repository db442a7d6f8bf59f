/**
 * The forum's everyday deadline words that count from the meeting rather than the calendar:
 * - a weekday with a cue ("senest fredag", "på mandag", "inden torsdag"): the next such day after the
 *   meeting ("inden" and "før": the day before it);
 * - "i næste uge", "i løbet af næste uge", "senest i næste uge": the week after the meeting's week,
 *   due its Friday;
 * - "til næste møde", "på næste møde", "inden det kommende møde": the next meeting's date, when known
 *   (no date otherwise: precision first).
 * - "inden jul", "før sommerferien", "inden påske"-like holidays with "inden"/"før"/"til": always the next
 *   one after the meeting. The grammar (date-grammar.ts) reads them as well, but when scanning drops one
 *   whose last occurrence was recent (a reference to the past); a deadline before a holiday never is.
 */
import { addDays, yearOf } from './calendar';
import * as P from './date-periods';
import type { Interval } from './date-periods';

export interface RelativeFind {
  index: number;
  length: number;
  iv: Interval;
}

export interface RelativeContext {
  /** YYYY-MM-DD of the forum's next meeting after this one, when known. */
  nextMeetingDate?: string | null;
}

const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const WEEKDAY = new RegExp(`(?<![\\p{L}\\d])(senest(?:\\s+på)?|inden|før|på|til|om|fra|allerede)\\s+(${WEEKDAYS.join('|')})(?![\\p{L}\\d])`, 'giu');
/** "fredag d. 4. december" is a date the grammar reads; the weekday alone is not what counts then. */
const FOLLOWED_BY_DATE = /^\s*(?:d\.|den)?\s*\d/i;
const NEXT_WEEK = /(?<![\p{L}\d])(?:(?:senest|inden\s+udgangen\s+af)\s+)?(?:i\s+løbet\s+af|i|senest\s+i)\s+(?:den\s+)?(?:næste|kommende)\s+uge(?![\p{L}\d])/giu;
const NEXT_MEETING =
  /(?<![\p{L}\d])(til|på|inden|før|senest\s+(?:på|til)|senest\s+inden)\s+(?:det\s+)?(?:næste|kommende|førstkommende)\s+(?:[\p{L}-]*møde|[\p{L}]*forum(?:smøde)?)(?![\p{L}\d])/giu;

const BEFORE_HOLIDAY = /(?<![\p{L}\d])(inden|før|til)\s+(julen|jul|sommerferien|sommeren|nytåret|nytår)(?![\p{L}\d])/giu;

/** 0 = Monday. */
function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function day(date: string): Interval {
  return { from: date, to: date, precision: 'day' };
}

function weekdays(text: string, meetingDate: string): RelativeFind[] {
  const out: RelativeFind[] = [];
  for (const m of text.matchAll(WEEKDAY)) {
    if (FOLLOWED_BY_DATE.test(text.slice(m.index + m[0].length))) continue;
    const ahead = (WEEKDAYS.indexOf(m[2].toLowerCase()) - weekdayOf(meetingDate) + 7) % 7 || 7;
    const date = addDays(meetingDate, ahead);
    const before = /^(?:inden|før)$/i.test(m[1]);
    out.push({ index: m.index, length: m[0].length, iv: day(before ? addDays(date, -1) : date) });
  }
  return out;
}

function nextWeek(text: string, meetingDate: string): RelativeFind[] {
  const found = [...text.matchAll(NEXT_WEEK)];
  if (found.length === 0) return []; // most texts: no need to place the meeting's week
  const monday = addDays(meetingDate, 7 - weekdayOf(meetingDate));
  return found.map((m) => ({ index: m.index, length: m[0].length, iv: { from: monday, to: addDays(monday, 4), precision: 'week' } }));
}

function nextMeeting(text: string, meetingDate: string, next: string | null | undefined): RelativeFind[] {
  if (!next || next <= meetingDate) return [];
  return [...text.matchAll(NEXT_MEETING)].map((m) => ({
    index: m.index,
    length: m[0].length,
    iv: day(/inden|før/i.test(m[1]) ? addDays(next, -1) : next),
  }));
}

function beforeHoliday(text: string, meetingDate: string): RelativeFind[] {
  const out: RelativeFind[] = [];
  for (const m of text.matchAll(BEFORE_HOLIDAY)) {
    if (/^\s+\d{4}/.test(text.slice(m.index + m[0].length))) continue; // "inden jul 2025": the grammar's
    const period = P.season(m[1].toLowerCase(), m[2].toLowerCase(), null);
    const y = yearOf(meetingDate);
    const iv = [period?.at(y), period?.at(y + 1)].find((i) => i && i.to > meetingDate);
    if (iv) out.push({ index: m.index, length: m[0].length, iv });
  }
  return out;
}

/** Every relative deadline in a text, in order, without overlaps (the longest first). */
export function findRelativeDates(text: string, meetingDate: string, ctx: RelativeContext = {}): RelativeFind[] {
  const all = [
    ...weekdays(text, meetingDate),
    ...nextWeek(text, meetingDate),
    ...nextMeeting(text, meetingDate, ctx.nextMeetingDate),
    ...beforeHoliday(text, meetingDate),
  ];
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  let end = -1;
  return all.filter((f) => {
    if (f.index < end) return false;
    end = f.index + f.length;
    return true;
  });
}
