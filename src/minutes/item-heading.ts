/**
 * The item heading line: "Punkt 2: CF - Ny hjemmeside – ansvar og løft i fremtiden (9.00-9.20)".
 * Number, forum prefix, title, time slot; "(10 minutter)" is a duration, not a slot, and leaves the title.
 */
import type { StandingItemKind, TimeSlot } from '../domain';
import { pad2 } from './calendar';
import { type ClosedReason, closedTitle, mentionsClosed } from './closed-marker';
import { trimEnd } from './lines';

export interface ItemHeading {
  number: number;
  prefix: string | null;
  title: string;
  timeSlot: TimeSlot | null;
  /** "(10 minutter)" as written, removed from the title. */
  duration: string | null;
  closed: boolean;
  /** Why it is closed (src/minutes/closed-marker.ts); null when open. */
  closedReason: ClosedReason | null;
}

const ITEM = /^(?:punkt|pkt\.?)\s*(\d{1,3})\s*[:.)–-]\s*(.*)$/i;
/** "Punkt 4 (Lukket): X", "Punkt 4 Lukket": no separator after the number, but a closed marker. */
const ITEM_CLOSED = /^(?:punkt|pkt\.?)\s*(\d{1,3})\s*((?:[([{]\s*)?lukket(?![\p{L}\p{N}]).*)$/iu;
const PREFIX = /^([A-ZÆØÅ]{1,8}(?:\/[A-ZÆØÅ]{1,8}){0,3})\s+[-–]\s+(?=\S)/;
const SLOT = /\s*\((?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?\)\s*$/i;
const DURATION = /\s*\(\s*(?:ca\.\s*)?\d{1,3}(?:[.,]\d)?\s*(?:minutter|minut|min\.?|timer?|t\.)\s*\)\s*$/i;

/** Table of contents lines: dot leaders ("....." or "…"), or a tab and a page number, at the end. */
export function isTocLine(text: string): boolean {
  // Most lines end otherwise: no trimming needed to tell.
  const last = text.charCodeAt(text.length - 1);
  if (!(last <= 0x39 && (last >= 0x30 || last === 0x2e || last === 0x20 || last === 0x09)) && last !== 0x2026) return false;
  const noSpace = trimEnd(text, ' \t');
  const noPage = trimEnd(noSpace, '0123456789');
  if (noSpace.length - noPage.length > 3) return false;
  const before = trimEnd(noPage, ' \t');
  if (before.endsWith('...') || before.endsWith('…')) return true;
  return noPage.length < noSpace.length && noPage.endsWith('\t');
}

function clock(h: string, m: string | undefined): string | null {
  const hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  return hour <= 23 && minute <= 59 ? `${pad2(hour)}:${pad2(minute)}` : null;
}

/** The parsed heading, or null when the line is not an item heading (or is a table of contents line). */
export function parseItemHeading(text: string): ItemHeading | null {
  const m = ITEM.exec(text) ?? ITEM_CLOSED.exec(text);
  if (!m || isTocLine(text)) return null;
  return headingOf(Number(m[1]), m[2]);
}

/** What follows an item's number: forum prefix, title, time slot or duration, closed marker. */
export function headingOf(number: number, text: string): ItemHeading {
  let rest = text.trim();
  let prefix: string | null = null;
  const p = PREFIX.exec(rest);
  if (p) {
    prefix = p[1];
    rest = rest.slice(p[0].length);
  }
  let timeSlot: TimeSlot | null = null;
  let duration: string | null = null;
  for (let i = 0; i < 2; i++) {
    const s = SLOT.exec(rest);
    const start = s ? clock(s[1], s[2]) : null;
    const end = s ? clock(s[3], s[4]) : null;
    if (s && start && end && !timeSlot && start < end) {
      timeSlot = { start, end };
      rest = rest.slice(0, s.index);
      continue;
    }
    const d = DURATION.exec(rest);
    if (d && !duration) {
      duration = d[0].trim();
      rest = rest.slice(0, d.index);
    }
  }
  const c = closedTitle(rest.trim());
  if (prefix && mentionsClosed(prefix)) {
    // "LUKKET - Personalesag": the marker was read as a forum prefix.
    prefix = null;
    if (!c.closed) return { number, prefix, title: c.title, timeSlot, duration, closed: true, closedReason: 'marker' };
  }
  return { number, prefix, title: c.title, timeSlot, duration, closed: c.closed, closedReason: c.reason };
}

export function standingKind(title: string): StandingItemKind | null {
  if (/^godkendelse af (?:dagsorden|referat)/i.test(title)) return 'approval';
  if (/kommunikeres\s+(?:ud\s+)?til|^kommunikation til afdeling/i.test(title)) return 'communication';
  if (/^(?:evt|eventuelt)\.?$/i.test(title)) return 'any-other-business';
  return null;
}

export function isWrittenBriefing(title: string): boolean {
  return /^skriftlig orientering/i.test(title);
}
