/**
 * Agenda and minutes documents (plain text from PDF, Markdown, the text of .docx) into the domain model.
 * One linear pass over the lines; anything not understood becomes a warning, not an error. A missing
 * header, forum name or date is a warning too (the secretary fills them in on the preview card); the
 * only errors are DocumentError: empty, binary, too large, no items.
 */
import type { DocumentKind, ParsedMeeting, ParseWarning } from '../domain';
import { AppError } from '../domain/errors';
import { type Header, parseHeader } from './header';
import { closedWarning, mentionsClosed, partHeading } from './closed-marker';
import { buildItem, caseNumberOf } from './item-body';
import { type ItemHeading, isTocLine } from './item-heading';
import { chooseLayout } from './layouts';
import { type Line, toLines } from './lines';
import { type HeadingContext, sectionStart } from './sections';
import type { RefusalReason } from './warnings';

export type DocumentErrorCode = 'parse-failed' | 'too-large';

/** A document that cannot be read. The message is one line, safe to show (never the document's content). */
export class DocumentError extends AppError {
  constructor(code: DocumentErrorCode, message: string, details: { reason?: RefusalReason } & Record<string, unknown> = {}) {
    super(code, message.split('\n')[0], details);
    this.name = 'DocumentError';
  }
}

export interface ParseResult {
  meeting: ParsedMeeting;
  warnings: ParseWarning[];
}

/** Longest text accepted (characters); the forum's real minutes are 10-30 thousand. */
export const MAX_DOCUMENT_CHARS = 20_000_000;
const MAX_JUNK_RATIO = 0.01;

function checkText(text: string): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new DocumentError('parse-failed', 'The document is empty', { reason: 'empty' });
  }
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new DocumentError('too-large', `The document has ${text.length} characters; the limit is ${MAX_DOCUMENT_CHARS}`, { reason: 'too-large' });
  }
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0x7f || c === 0xfffd) junk++;
  }
  if (junk > 8 && junk > text.length * MAX_JUNK_RATIO) {
    throw new DocumentError('parse-failed', 'The document looks like binary data, not text', { reason: 'binary' });
  }
}

interface RawItem {
  heading: ItemHeading;
  lines: Line[];
}

function closedBy(heading: ItemHeading, reason: 'near-heading' | 'section'): ItemHeading {
  return heading.closed ? heading : { ...heading, closed: true, closedReason: reason };
}

/**
 * Items and the lines before them. A "Lukket dagsorden" line closes the items after it until an
 * "Åben dagsorden" line (and the item just above it, when nothing was written under that one yet);
 * text after it that belongs to no closed item is dropped, never added to the open item above.
 * Such a line inside the table of contents (contents lines follow it) closes nothing.
 */
function splitItems(lines: Line[]): { headerLines: Line[]; items: RawItem[]; droppedClosedText: boolean } {
  const headerLines: Line[] = [];
  const items: RawItem[] = [];
  let part: 'open' | 'closed' = 'open';
  let droppedClosedText = false;
  const { name, headings, consumed } = chooseLayout(lines);
  for (const [index, line] of lines.entries()) {
    if (consumed.has(index)) continue;
    const heading = headings.get(index) ?? null;
    const starts = heading ? null : partHeading(line.text);
    const current = items.length > 0 ? items[items.length - 1] : null;
    if (heading) {
      const own = name === 'punkt' ? null : caseNumberAbove(current ? current.lines : headerLines, current !== null);
      items.push({ heading: part === 'closed' ? closedBy(heading, 'section') : heading, lines: own ? [own] : [] });
    } else if (starts) {
      part = starts;
      if (part === 'closed' && current && current.lines.every((l) => l.text === '')) current.heading = closedBy(current.heading, 'section');
    } else if (current && part === 'closed' && !current.heading.closed) droppedClosedText ||= line.text !== '';
    else if (current) current.lines.push(line);
    else {
      headerLines.push(line);
      if (isTocLine(line.text)) part = 'open';
    }
  }
  return { headerLines, items, droppedClosedText };
}

/**
 * Some systems print an item's case number above its heading ("85.02.02-G01-5-17" then "131. Godkendelse
 * af dagsorden"): the last line before the heading, when it is a bare case number and not the only
 * thing under the item before it (that one's own number).
 */
function caseNumberAbove(lines: Line[], underItem: boolean): Line | null {
  let last = lines.length - 1;
  while (last >= 0 && lines[last].text === '') last--;
  if (last < 0 || !/^[\d.]+[-/A-ZÆØÅ\d]+$/.test(lines[last].text) || !caseNumberOf(lines[last].text)) return null;
  const first = lines.findIndex((l) => l.text !== '');
  if (first === last && underItem) return null;
  return lines.splice(last, 1)[0];
}

/** "Lukket" or "fortrolig" in the first lines under the heading, before any section: closed to be safe. */
function markedNearHeading(lines: Line[], ctx: HeadingContext): boolean {
  let seen = 0;
  for (const { text } of lines) {
    if (text === '') continue;
    if (seen++ >= 3 || sectionStart(text, ctx)) return false;
    if (mentionsClosed(text)) return true;
  }
  return false;
}

/** Closes an item marked under its heading, and says why when no clear marker closed it. */
function settleClosed(raw: RawItem, ctx: HeadingContext, warnings: ParseWarning[]): ItemHeading {
  const heading = !raw.heading.closed && markedNearHeading(raw.lines, ctx) ? closedBy(raw.heading, 'near-heading') : raw.heading;
  const code = heading.closedReason ? closedWarning(heading.closedReason) : null;
  if (code) warnings.push({ code, item: heading.number, text: '' });
  return heading;
}

function checkNumbering(items: RawItem[], warnings: ParseWarning[]): void {
  for (let i = 1; i < items.length; i++) {
    const { number } = items[i].heading;
    if (number !== items[i - 1].heading.number + 1) warnings.push({ code: 'item-number-sequence', item: number, text: `Punkt ${number}` });
  }
}

/** No header was recognised: the items are kept, with a warning (a decision anywhere makes it minutes). */
function headerless(kind: DocumentKind, warnings: ParseWarning[]): Header {
  warnings.push({ code: 'missing-header', item: null, text: '' });
  return { kind, forumName: '', date: null, start: null, location: null, tocEntries: 0 };
}

/** Parses an agenda or minutes; throws only DocumentError. `meeting.date` is '' when no date was found. */
export function parseDocument(text: string): ParseResult {
  checkText(text);
  const warnings: ParseWarning[] = [];
  const { headerLines, items, droppedClosedText } = splitItems(toLines(text.normalize('NFC')));
  if (items.length === 0) throw new DocumentError('parse-failed', 'No agenda items ("Punkt 1: ...", "1. ...") were found', { reason: 'no-items' });
  const kind = (): DocumentKind => (items.some((raw) => raw.lines.some((l) => /^beslutning\b/i.test(l.text))) ? 'minutes' : 'agenda');
  const header = parseHeader(headerLines, warnings, kind) ?? headerless(kind(), warnings);
  if (!header.date) warnings.push({ code: 'missing-date', item: null, text: '' });
  if (header.forumName === '') warnings.push({ code: 'missing-forum-name', item: null, text: '' });
  if (header.tocEntries > 0 && header.tocEntries !== items.length) {
    warnings.push({ code: 'toc-mismatch', item: null, text: `${header.tocEntries} / ${items.length}` });
  }
  checkNumbering(items, warnings);
  if (droppedClosedText) warnings.push({ code: 'closed-content-dropped', item: null, text: '' });
  const ctx = { kind: header.kind, forumName: header.forumName, meetingDate: header.date ?? '' };
  const meeting: ParsedMeeting = {
    kind: header.kind,
    forumName: header.forumName,
    date: header.date ?? '',
    start: header.start,
    location: header.location,
    items: items.map((raw) => buildItem(settleClosed(raw, ctx, warnings), raw.lines, ctx, warnings)),
  };
  return { meeting, warnings };
}
