/**
 * The one-message-per-line syntax of the communications form.
 *
 *   [fra|from <date>:] [[Department, Department]] message text
 *
 * - `<date>` is YYYY-MM-DD or DD-MM-YYYY: the message is held until that date (embargo).
 * - `[...]` lists target departments, comma-separated; without it the message goes to all.
 * - Empty lines are ignored. Example:
 *   `fra 2019-09-02: [Kultur & Fritid, Miljø & Teknik] Jubilæet markeres hele året 2020.`
 */
import type { Locale } from '../domain';
import { isIsoDate } from '../domain/time';

export interface CommunicationLine {
  text: string;
  /** YYYY-MM-DD or null. */
  notBefore: string | null;
  /** Empty = all departments. */
  departments: string[];
}

export type LineResult = { ok: true; lines: CommunicationLine[] } | { ok: false; error: string };

export const MAX_LINES = 50;
export const MAX_LINE_CHARS = 1000;

const DATE_PREFIX = /^(?:fra|from)\s+(\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4})\s*:\s*/i;
const DEPARTMENTS_PREFIX = /^\[([^\]]*)\]\s*/;

function toIsoDate(s: string): string | null {
  const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : s;
  return isIsoDate(iso) ? iso : null;
}

/** Parses the form's text; errors name the line number (1-based), never echo the text. */
export function parseCommunicationLines(input: string): LineResult {
  const raw = input.split(/\r?\n/);
  const lines: CommunicationLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    let rest = raw[i].trim();
    if (!rest) continue;
    const where = `line ${i + 1}`;
    if (rest.length > MAX_LINE_CHARS) return { ok: false, error: `${where}: at most ${MAX_LINE_CHARS} characters` };
    let notBefore: string | null = null;
    const date = DATE_PREFIX.exec(rest);
    if (date) {
      notBefore = toIsoDate(date[1]);
      if (!notBefore) return { ok: false, error: `${where}: "fra" date is not a valid date (YYYY-MM-DD or DD-MM-YYYY)` };
      rest = rest.slice(date[0].length);
    }
    let departments: string[] = [];
    const depts = DEPARTMENTS_PREFIX.exec(rest);
    if (depts) {
      departments = depts[1]
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      rest = rest.slice(depts[0].length);
    }
    if (!rest.trim()) return { ok: false, error: `${where}: no message text after the date/departments` };
    lines.push({ text: rest.trim(), notBefore, departments });
  }
  if (lines.length > MAX_LINES) return { ok: false, error: `at most ${MAX_LINES} messages (got ${lines.length})` };
  return { ok: true, lines };
}

/** Writes messages back in the same syntax (to prefill the form), with the hold word in the user's language. */
export function formatCommunicationLines(lines: readonly CommunicationLine[], locale: Locale = 'da'): string {
  const from = locale === 'en' ? 'from' : 'fra';
  return lines
    .map((l) => {
      const date = l.notBefore ? `${from} ${l.notBefore}: ` : '';
      const depts = l.departments.length ? `[${l.departments.join(', ')}] ` : '';
      return `${date}${depts}${l.text.replace(/\s*\r?\n\s*/g, ' ')}`;
    })
    .join('\n');
}
