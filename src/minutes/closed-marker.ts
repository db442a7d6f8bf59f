/**
 * Closed ("lukket") items, fail-safe. A heading marks its item closed with the word "Lukket" or
 * "Lukket punkt" in any case: alone, before or after the title with a colon or a dash, or in
 * parentheses ("Lukket punkt: Personalesag", "(Lukket) X", "X - lukket"). Where the word, or
 * "fortrolig", appears in a way that may not be a marker ("Skolen er lukket", a "Lukket" line under the
 * heading), the item is closed anyway and the parser warns why. Items under a section heading such as
 * "Lukket dagsorden" or "Lukkede punkter" are closed until an "Åben dagsorden" / "Åbne punkter" one.
 * "Lukning", "lukkes" and "lukkede" in a title are other words, not markers.
 */
import { normalize } from './lines';
import type { WarningCode } from './warnings';

/** Why an item was closed: a clear marker needs no warning; every other reason gets one. */
export type ClosedReason = 'marker' | 'uncertain-heading' | 'near-heading' | 'section';

const NOT_WORD = '[\\p{L}\\p{N}]';
const MARKER = `lukket(?:\\s+punkt)?(?!${NOT_WORD})`;
const SEP = '[:.;,\\-–—/|]';
const OPEN = '[(\\[{]';
const CLOSE = '[)\\]}]';

const WHOLE = new RegExp(`^${OPEN}?\\s*${MARKER}\\s*${CLOSE}?\\s*\\.?$`, 'iu');
const LEADING = new RegExp(`^(?:${OPEN}\\s*${MARKER}\\s*${CLOSE}\\s*(?:${SEP}\\s*)?|${MARKER}\\s*(?:${SEP}|$)\\s*)`, 'iu');
const TRAILING = new RegExp(`\\s*(?:${OPEN}\\s*${MARKER}\\s*${CLOSE}|${SEP}\\s*${MARKER})\\s*\\.?$`, 'iu');
const INNER = new RegExp(`\\s*${OPEN}\\s*${MARKER}\\s*${CLOSE}\\s*`, 'iu');
/** The words that may mean "closed" anywhere: "lukket", "fortrolig(t/e)". */
const WORD = new RegExp(`(?<!${NOT_WORD})(?:lukket|fortrolig[te]?)(?!${NOT_WORD})`, 'iu');

export interface ClosedTitle {
  closed: boolean;
  /** The title without the marker ("Lukket" when nothing else is left). */
  title: string;
  reason: ClosedReason | null;
}

/** Whether a heading's title marks the item closed, and the title without the marker. */
export function closedTitle(title: string): ClosedTitle {
  if (WHOLE.test(title)) return { closed: true, title: 'Lukket', reason: 'marker' };
  let rest = title;
  for (const re of [LEADING, TRAILING, INNER]) rest = rest.replace(re, ' ').trim();
  if (rest !== title.trim()) return { closed: true, title: rest.replace(/\s{2,}/g, ' ') || 'Lukket', reason: 'marker' };
  if (WORD.test(title)) return { closed: true, title, reason: 'uncertain-heading' };
  return { closed: false, title, reason: null };
}

/** True when the text holds "lukket" or "fortrolig" as a word. */
export function mentionsClosed(text: string): boolean {
  return WORD.test(text);
}

const SECTION_WORDS = '(?:dagsorden|dagsordenspunkter|dagsordenpunkter|punkter|del|møde|mødet|sager|behandling)';
const CLOSED_SECTION = new RegExp(
  `^(?:lukket|lukkede|fortrolig|fortrolige)\\s+${SECTION_WORDS}$|^${SECTION_WORDS}\\s*[-–:(]\\s*(?:lukket|lukkede|fortrolig)\\)?$`,
  'u',
);
const OPEN_SECTION = new RegExp(`^(?:åben|åbne|offentlig|offentlige)\\s+${SECTION_WORDS}$|^${SECTION_WORDS}\\s*[-–:(]\\s*(?:åben|åbne|offentlig)\\)?$`, 'u');

/** The words one of those lines must hold (or markup that may split them): tested before normalizing. */
const PART_WORD = /lukke|fortrolig|åben|åbne|offentlig|[*_#]/i;

/** A line that starts a closed or an open part of the agenda ("Lukket dagsorden", "Åbne punkter"), or null. */
export function partHeading(text: string): 'closed' | 'open' | null {
  if (text.length > 40 || !PART_WORD.test(text)) return null;
  const n = normalize(text.replace(/[*_#]/g, ''));
  if (CLOSED_SECTION.test(n)) return 'closed';
  if (OPEN_SECTION.test(n)) return 'open';
  return null;
}

/** The warning that tells the secretary why an item was closed (none for a clear marker). */
export function closedWarning(reason: ClosedReason): WarningCode | null {
  switch (reason) {
    case 'marker':
      return null;
    case 'uncertain-heading':
      return 'closed-uncertain-heading';
    case 'near-heading':
      return 'closed-near-heading';
    case 'section':
      return 'closed-by-section';
  }
}
