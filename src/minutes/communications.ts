/**
 * The messages the chiefs carry back to their departments: the decision of the standing item
 * "Hvad skal kommunikeres ud til afdelingerne efter mødet?", one message per line. "Intet" gives none;
 * an embargo ("Det meldes først ud i uge 12") sets the date before which a message is not passed on.
 */
import type { AgendaItem, Communication, ParsedMeeting } from '../domain';
import { addDays } from './calendar';
import { parseDanishDue } from './dates';

export type CommunicationDraft = Omit<Communication, 'id'>;

const NOTHING = /^(?:intet|ingen|ingenting|intet\s+at\s+kommunikere|intet\s+nyt|nej|-|–|\.)\.?$/i;
/** "først ud i uge 12", "meldes først ud efter den 1. maj", "ikke før 1. maj", "tidligst uge 12". */
const EMBARGO = /(?:først(?:\s+(?:ud|meldes\s+ud|kommunikeres\s+ud|offentligt))?|ikke\s+(?:ud\s+)?før|tidligst|embargo\s+(?:til|indtil))\s+([^;!?\n]{1,60})/i;
const ONLY_EMBARGO = /^(?:det|dette|de|der|og)?\s*(?:meldes|kommunikeres|må|kan)?\s*(?:først|ikke|tidligst|embargo)/i;
const TARGET = /(?:[Kk]un|[Aa]lene|[Pp]rimært)\s+(?:til|for|relevant\s+for)\s+(\p{Lu}[\p{L}-]*(?:(?:,\s*|\s+(?:&|og)\s+)\p{Lu}[\p{L}-]*){0,4})/u;

export function isCommunicationItem(item: AgendaItem): boolean {
  return item.standing === 'communication' || /kommunikeres\s+(?:ud\s+)?til/i.test(item.title);
}

/** The embargo of a message: the first day it may be passed on, and the words that said so. */
function embargo(text: string, meetingDate: string): { notBefore: string; notBeforeText: string } | null {
  const m = EMBARGO.exec(text);
  if (!m) return null;
  const lead = /^(efter|fra)\s+/i.exec(m[1].trim());
  const words = m[1]
    .trim()
    .slice(lead ? lead[0].length : 0)
    .split(/\s+/);
  for (let n = Math.min(words.length, 8); n >= 1; n--) {
    const due = parseDanishDue(words.slice(0, n).join(' '), meetingDate);
    if (due) {
      const after = lead?.[1].toLowerCase() === 'efter';
      const head = m[0].slice(0, m[0].length - m[1].length);
      return {
        notBefore: after ? addDays(due.due, 1) : due.dueFrom,
        notBeforeText: `${head}${lead?.[0] ?? ''}${words.slice(0, n).join(' ')}`.replace(/[.,;:]+$/, '').trim(),
      };
    }
  }
  return null;
}

function targets(text: string): string[] {
  const m = TARGET.exec(text);
  if (!m) return [];
  return m[1]
    .split(/,\s*|\s+og\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * One message per line (bullets and numbering dropped). A short line ending in ":" labels the lines
 * under it; an embargo alone on a line applies to the message above.
 */
export function parseCommunicationLines(text: string, meetingDate: string): CommunicationDraft[] {
  const out: CommunicationDraft[] = [];
  let label = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/, '').trim();
    if (line === '') continue;
    if (NOTHING.test(line)) {
      label = '';
      continue;
    }
    if (line.endsWith(':') && line.length <= 60) {
      label = `${line} `;
      continue;
    }
    const e = embargo(line, meetingDate);
    const onlyEmbargo = e !== null && ONLY_EMBARGO.test(line) && line.length < 80;
    const prev = out[out.length - 1];
    if (onlyEmbargo && prev && prev.notBefore === null) {
      prev.text = `${prev.text} ${line}`;
      prev.notBefore = e.notBefore;
      prev.notBeforeText = e.notBeforeText;
      continue;
    }
    out.push({ text: label + line, notBefore: e?.notBefore ?? null, notBeforeText: e?.notBeforeText ?? null, departments: targets(line) });
  }
  return out;
}

/** Messages from the decision of the meeting's communication item(s); none when there is no such item. */
export function extractCommunications(meeting: ParsedMeeting): CommunicationDraft[] {
  return meeting.items
    .filter((item) => !item.closed && isCommunicationItem(item) && item.decision)
    .flatMap((item) => parseCommunicationLines(item.decision!, meeting.date));
}
