/**
 * The document header: "REFERAT Chefforum d. 27-08-2019" (or DAGSORDEN), "Mødedato Tirsdag d. 27. august
 * 2019 kl. 12:30", "Mødested Mødelokale 1", then the table of contents, which is never the items.
 */
import type { DocumentKind, ParseWarning } from '../domain';
import { findAbsoluteDate } from './absolute-date';
import { pad2 } from './calendar';
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
const PLACE_LINE = /^(?:mødested|sted)\b\s*:?\s*(.*)$/i;
const TIME_LINE = /^(?:mødestart|starttidspunkt|tidspunkt|tid)\b\s*:?\s*(.*)$/i;
const CLOCK = /(?:kl\.?\s*)?(?<![\d.:])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d])/;
const TOC_HEADING = /^(?:indholdsfortegnelse|indhold|dagsordenpunkter)\s*:?$/i;
const IGNORED = /^(?:side\s+\d+|\d{1,3})$/i;

function timeOf(text: string): string | null {
  const m = CLOCK.exec(text);
  return m ? `${pad2(Number(m[1]))}:${m[2]}` : null;
}

/** Forum name and date from "Chefforum d. 27-08-2019", "af mødet i Chefforum den 27. august 2019". */
function forumAndDate(rest: string): { forum: string; date: string | null } {
  const found = findAbsoluteDate(rest);
  const before = (found ? rest.slice(0, found.index) : rest).slice(0, 200);
  const forum = before
    .replace(/^(?:af|fra|for)\s+(?:mødet\s+i\s+|møde\s+i\s+)?/i, '')
    .replace(/[\s,–-]*(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s*)?(?:den|d\.?)?\s*$/i, '')
    .trim();
  return { forum, date: found?.date ?? null };
}

export function parseHeader(lines: Line[], warnings: ParseWarning[]): Header | null {
  let header: Header | null = null;
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
      dateLineDate = findAbsoluteDate(dateLine[1])?.date ?? null;
      header.start = header.start ?? timeOf(dateLine[1]);
    } else if (placeLine) {
      header.location = placeLine[1].trim() || null;
      expectPlace = header.location === null;
    } else if (timeLine) {
      header.start = header.start ?? timeOf(timeLine[1]);
    } else if (expectPlace) {
      header.location = text;
    } else if (expectForum) {
      const { forum, date } = forumAndDate(text);
      header.forumName = forum;
      headerDate = headerDate ?? date;
    } else if (TOC_HEADING.test(text)) {
      inToc = true;
    } else {
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
