/**
 * The document header: "REFERAT Ledermøde d. 12-03-2024" (or DAGSORDEN), "Mødedato Tirsdag d. 12. marts
 * 2024 kl. 08:30", "Mødested Rådhuset, mødelokale 2", then the table of contents, which is never the items.
 * Without such a title, the label/value header of the agenda systems ("Udvalg: Teknik- og Miljøudvalget",
 * "Mødedato: 7. januar 2019", "Mødested: C3.40") or a date line alone ("Torsdag den 26. maj 2011 kl.
 * 19:30") is read by `parseHeaderFields`.
 */
import type { DocumentKind, ParseWarning } from '../domain';
import { findAbsoluteDate } from './absolute-date';
import { isoDate, isValidDay, pad2 } from './calendar';
import { isTocLine } from './item-heading';
import type { Line } from './lines';

export interface Header {
  kind: DocumentKind;
  forumName: string;
  date: string | null;
  start: string | null;
  location: string | null;
  /** Lines of the table of contents (for a sanity check against the items found). */
  tocEntries: number;
}

const TITLE = /^(referat|dagsorden)\b[\s:–-]*(.*)$/i;
const DATE_LINE = /^(?:mødedato|dato)\b\s*:?\s*(.*)$/i;
const PLACE_LINE = /^(?:mødested\b|sted\b|lokale(?=\s*:))\s*:?\s*(.*)$/i;
const TIME_LINE = /^(?:mødestart|mødetidspunkt|starttidspunkt|tidspunkt|tid)\b\s*:?\s*(.*)$/i;
const FORUM_LINE = /^(?:udvalg|forum|organ)\s*[:\t]\s*(\S.*)$/i;
/** Header fields the meeting has no place for: known, so no warning. */
const KNOWN_FIELD =
  /^(?:sluttidspunkt|fraværende|afbud(?:\s+fra)?|medlemmer|deltagere|til stede|tilstede|mødeleder|referent|sekretær|bemærkninger?)\b\s*[:\t]?/i;
/** A list of people under its label ("Deltagere:", "Medlemmer"): its lines are names, not header fields. */
const PEOPLE_LABEL = /^(?:fraværende|afbud(?:\s+fra)?|medlemmer|deltagere|til stede|tilstede)\s*:?$/i;
/** A date line of its own ("Torsdag den 26. maj 2011 kl. 19:30"): short, so not a sentence about a date. */
const MAX_DATE_LINE = 80;
const CLOCK = /(?:kl\.?\s*)?(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d])/;
const TOC_HEADING = /^(?:indholdsfortegnelse|indhold|dagsordenpunkter)\s*:?$/i;
const IGNORED = /^(?:side\s+\d+|\d{1,3})$/i;

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "December 5, 2017": agenda web pages printed with an English date format. */
const ENGLISH_DATE = /(?<!\p{L})(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+(\d{4})(?!\d)/iu;

/** A header date: the Danish grammar's, else an English month-day-year. */
function dateIn(text: string): string | null {
  const danish = findAbsoluteDate(text)?.date;
  if (danish) return danish;
  const m = ENGLISH_DATE.exec(text);
  if (!m) return null;
  const month = ENGLISH_MONTHS.indexOf(m[1].toLowerCase()) + 1;
  return isValidDay(Number(m[3]), month, Number(m[2])) ? isoDate(Number(m[3]), month, Number(m[2])) : null;
}

function timeOf(text: string): string | null {
  const m = CLOCK.exec(text);
  return m ? `${pad2(Number(m[1]))}:${m[2]}` : null;
}

/** Forum name and date from "Ledermøde d. 12-03-2024", "af mødet i Ledermødet den 12. marts 2024". */
function forumAndDate(rest: string): { forum: string; date: string | null } {
  const found = findAbsoluteDate(rest);
  const before = (found ? rest.slice(0, found.index) : rest).slice(0, 200);
  const forum = before
    .replace(/^(?:(?:af|fra|for)\s+)?(?:mødet\s+i\s+|møde\s+i\s+)?/i, '')
    .replace(/[\s,–-]*(?<!\p{L})(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s*)?(?:den|d\.?)?\s*$/iu, '')
    .trim();
  // "Referat af tillægsdagsorden": the document's kind, not a forum.
  return { forum: /^(?:tillægs|ekstraordinær\s+)?dagsorden$/i.test(forum) ? '' : forum, date: found?.date ?? null };
}

/** The header, titled or label/value; null when there is none. `kind` is used when no title says it. */
export function parseHeader(lines: Line[], warnings: ParseWarning[], kind: () => DocumentKind = () => 'agenda'): Header | null {
  const titled: ParseWarning[] = [];
  const fields: ParseWarning[] = [];
  const header = parseTitledHeader(lines, titled);
  if (header) {
    warnings.push(...titled);
    return header;
  }
  const found = parseHeaderFields(lines, kind(), fields);
  if (found) warnings.push(...fields);
  return found;
}

function parseTitledHeader(lines: Line[], warnings: ParseWarning[]): Header | null {
  let header: Header | null = null;
  let people = false;
  let expectPlace = false;
  let expectForum = false;
  let headerDate: string | null = null;
  let dateLineDate: string | null = null;
  let inToc = false;
  for (const { text } of lines) {
    if (text === '' || IGNORED.test(text)) continue;
    // Under "Indholdsfortegnelse" every line is an entry, with or without dot leaders (our own export has none).
    if (isTocLine(text) || (inToc && header && !DATE_LINE.test(text) && !PLACE_LINE.test(text))) {
      if (header) header.tocEntries++;
      continue;
    }
    const title: RegExpExecArray | null = header ? null : TITLE.exec(text);
    if (title) {
      const { forum, date } = forumAndDate(title[2]);
      header = { kind: title[1].toLowerCase() === 'referat' ? 'minutes' : 'agenda', forumName: forum, date: null, start: null, location: null, tocEntries: 0 };
      headerDate = date;
      expectForum = forum === '';
      continue;
    }
    if (!header) {
      warnings.push({ code: 'unparsed-line', item: null, text: text.slice(0, 120) });
      continue;
    }
    const dateLine = DATE_LINE.exec(text);
    const placeLine = PLACE_LINE.exec(text);
    const timeLine = TIME_LINE.exec(text);
    if (dateLine) {
      dateLineDate = dateIn(dateLine[1]);
      header.start = header.start ?? timeOf(dateLine[1]);
    } else if (placeLine) {
      header.location = placeLine[1].trim() || null;
      expectPlace = header.location === null;
    } else if (timeLine) {
      header.start = header.start ?? timeOf(timeLine[1]);
    } else if (expectPlace) {
      header.location = text;
    } else if (FORUM_LINE.test(text) && header.forumName === '') {
      header.forumName = FORUM_LINE.exec(text)![1].trim();
    } else if (expectForum) {
      const { forum, date } = forumAndDate(text);
      header.forumName = forum;
      headerDate = headerDate ?? date;
      if (forum === '' && date) header.start = header.start ?? timeOf(text);
    } else if (!headerDate && !dateLineDate && text.length <= MAX_DATE_LINE && findAbsoluteDate(text)) {
      dateLineDate = findAbsoluteDate(text)?.date ?? null;
      header.start = header.start ?? timeOf(text);
    } else if (PEOPLE_LABEL.test(text)) {
      people = true;
    } else if (TOC_HEADING.test(text)) {
      inToc = true;
    } else if (!people && !KNOWN_FIELD.test(text)) {
      warnings.push({ code: 'unparsed-line', item: null, text: text.slice(0, 120) });
    }
    expectForum = false;
    if (!placeLine) expectPlace = false;
  }
  if (!header) return null;
  if (headerDate && dateLineDate && headerDate !== dateLineDate) {
    warnings.push({ code: 'date-mismatch', item: null, text: `${headerDate} / ${dateLineDate}` });
  }
  header.date = headerDate ?? dateLineDate;
  return header;
}

/**
 * A header without a "REFERAT/DAGSORDEN <forum>" title: label/value lines and a date line, in any
 * order. Null when none of them is there (the document has no header).
 */
export function parseHeaderFields(lines: Line[], kind: DocumentKind, warnings: ParseWarning[] = []): Header | null {
  const header: Header = { kind, forumName: '', date: null, start: null, location: null, tocEntries: 0 };
  let found = false;
  let people = false;
  const unparsed: string[] = [];
  for (const { text } of lines) {
    if (text === '' || IGNORED.test(text)) continue;
    if (isTocLine(text)) {
      header.tocEntries++;
      continue;
    }
    const forum = FORUM_LINE.exec(text);
    const dateLine = DATE_LINE.exec(text);
    const placeLine = PLACE_LINE.exec(text);
    const timeLine = TIME_LINE.exec(text);
    if (forum && header.forumName === '') header.forumName = forum[1].trim();
    else if (dateLine && !header.date) {
      header.date = dateIn(dateLine[1]);
      header.start = header.start ?? timeOf(dateLine[1]);
    } else if (placeLine && /[:\t]/.test(text.slice(0, 12)) && !header.location) header.location = placeLine[1].trim() || null;
    else if (timeLine && /[:\t]/.test(text.slice(0, 16))) header.start = header.start ?? timeOf(timeLine[1]);
    else if (!header.date && text.length <= MAX_DATE_LINE && findAbsoluteDate(text)) {
      header.date = findAbsoluteDate(text)?.date ?? null;
      header.start = header.start ?? timeOf(text);
      // "Møde i regionsrådet den 22. marts 2022", "Børn & Læringsudvalget - 03-10-2022"
      const { forum } = forumAndDate(text);
      if (header.forumName === '' && forum.length <= 60 && !/\d/.test(forum)) header.forumName = forum;
    } else {
      people ||= PEOPLE_LABEL.test(text);
      if (!people && !KNOWN_FIELD.test(text) && !TOC_HEADING.test(text)) unparsed.push(text);
      continue;
    }
    found = true;
  }
  if (!found) return null;
  for (const text of unparsed) warnings.push({ code: 'unparsed-line', item: null, text: text.slice(0, 120) });
  return header;
}
