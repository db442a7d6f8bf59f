/**
 * The Danish date grammar, written by hand (chrono-node has no Danish). A handful of anchored rules, each
 * one linear regex over the text; overlapping finds keep the longest; "X til Y" / "X eller Y" merge into
 * a range. A bare year ("fra 2016", "i 2020") is never a date here.
 */
import { MONTH_SOURCE, monthNumber } from './calendar';
import * as P from './date-periods';
import type { Period } from './date-periods';

export interface Found {
  index: number;
  length: number;
  period: Period;
  /** True when the words around it make it a date (a preposition, a year, a line start). */
  cued: boolean;
}

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
/** Month names; the abbreviations "jan" and "jul" are left out (a name; Christmas). */
const MONTH = `(${MONTH_SOURCE.replace('|jan|', '|').replace('|jul|', '|')})\\.?`;
const DAY_PREFIX =
  '(?:(?:den|d\\.|pr\\.|per|senest(?:\\s+den|\\s+d\\.)?|inden(?:\\s+den|\\s+d\\.)?|fra(?:\\s+den|\\s+d\\.)?|til(?:\\s+den|\\s+d\\.)?|frem\\s+til(?:\\s+den|\\s+d\\.)?)\\s*)';
const YEAR = '(\\d{4})';

/** A full stop after a whole month name ends the sentence; it is not part of the date. */
const FULL_MONTH_DOT = /(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\.$/i;

type Build = (m: RegExpExecArray) => { period: Period | null; cued: boolean };

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
const yearOf = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
const hasCue = (m: RegExpExecArray, group: number): boolean => m[group] !== undefined;

/**
 * What a text must hold for a rule to match, tested first: most texts hold no date, and one cheap scan
 * for a digit or a word saves each rule's scan with its look-behind at every position.
 */
const DIGIT = /\d/;
const MONTH_WORD = new RegExp(MONTH, 'iu');
const WEEK_WORD = /uge/iu;
const PART_WORD = /primo|medio|ultimo|start|begyndelsen|først|midten|midt|slutningen|sidst|enden|udgangen/iu;
const SEASON_WORD = /forår|sommer|efterår|vinter|jul|nytår/iu;

const RULES: [RegExp, Build, RegExp][] = [
  // den 23. maj 2019, d. 2 juni, 1. april 2020, pr. 6. juli 2021
  [
    new RegExp(`${B}(${DAY_PREFIX})?(\\d{1,2})\\.?\\s*${MONTH}(?:\\s+${YEAR})?${E}`, 'giu'),
    (m) => ({ period: P.day(Number(m[2]), monthNumber(m[3])!, yearOf(m[4])), cued: true }),
    DIGIT,
  ],
  // 23-05-2019, 30.4.2021, 23/5-2019
  [
    new RegExp(`(?<![\\p{L}\\d.])(${DAY_PREFIX})?(\\d{1,2})[./-](\\d{1,2})[./-]${YEAR}(?![\\p{L}\\d]|-[\\p{L}\\d])`, 'giu'),
    (m) => ({ period: P.day(Number(m[2]), Number(m[3]), Number(m[4])), cued: true }),
    DIGIT,
  ],
  // 2019-05-23
  [new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'), (m) => ({ period: P.day(Number(m[3]), Number(m[2]), Number(m[1])), cued: true }), DIGIT],
  // 10.10 (at a line start, in a timeline), d. 28.3, senest 23/5, 28.10 - 1.11
  [
    new RegExp(
      `(?:^[ \\t]*(?:[-•*–][ \\t]+)?|${B}(${DAY_PREFIX}))(\\d{1,2})[./](\\d{1,2})(?:\\s*(?:-|–|til)\\s*(\\d{1,2})[./](\\d{1,2}))?(?![\\p{L}\\d]|[.,/:]\\d|\\s*(?:mio|mia|%|kr|procent|pct|timer|t\\.)(?![\\p{L}]))`,
      'gimu',
    ),
    (m) => {
      const [d1, m1, d2, m2] = [Number(m[2]), Number(m[3]), num(m[4]), num(m[5])];
      const period = d2 !== null && m2 !== null ? P.dayRange(d1, m1, d2, m2, null) : P.day(d1, m1, null);
      return { period, cued: true };
    },
    DIGIT,
  ],
  // i uge 44, uge 43-44, uge 12 2020, inden uge 10, efter uge 7
  [
    new RegExp(
      `${B}(?:(i|fra|til|senest(?:\\s+i)?|inden|før|efter|pr\\.)\\s+)?uge(?:nr\\.?)?\\s*(\\d{1,2})(?:\\s*(?:-|–|og|eller|til|\\/)\\s*(?:uge\\s*)?(\\d{1,2})(?!\\d))?(?:(?:\\s*[,/]\\s*|\\s+i\\s+|\\s+)${YEAR})?${E}`,
      'giu',
    ),
    (m) => {
      const prep = (m[1] ?? '').toLowerCase();
      const shift = prep === 'inden' || prep === 'før' ? -1 : prep === 'efter' ? 1 : 0;
      return { period: P.week(Number(m[2]), num(m[3]), shift, yearOf(m[4])), cued: true };
    },
    WEEK_WORD,
  ],
  // primo november, i slutningen af august, med udgangen af august 2021, ultimo 2020
  [
    new RegExp(
      `${B}(?:(?:i|med|inden|senest|til)\\s+)?(primo|medio|ultimo|start(?:en)?\\s+af|begyndelsen\\s+af|først\\s+i|midten\\s+af|midt\\s+i|slutningen\\s+af|sidst\\s+i|enden\\s+af|udgangen\\s+af)\\s+(?:${MONTH}(?:\\s+${YEAR})?|${YEAR})${E}`,
      'giu',
    ),
    (m) => {
      const w = m[1].toLowerCase();
      const part: P.MonthPart | 'end' = /^(?:primo|start|begyndelsen|først)/.test(w)
        ? 'primo'
        : /^(?:medio|midten|midt)/.test(w)
          ? 'medio'
          : /^udgangen/.test(w)
            ? 'end'
            : 'ultimo';
      if (m[4] !== undefined) return { period: P.yearPart(part, Number(m[4])), cued: true };
      const mo = monthNumber(m[2])!;
      const period = part === 'end' ? P.monthEnd(mo, yearOf(m[3])) : P.monthPart(part, mo, yearOf(m[3]));
      return { period, cued: true };
    },
    PART_WORD,
  ],
  // i september, i september eller oktober, inden juni 2019, maj 2019
  [
    new RegExp(
      `${B}(?:(i|inden|før|senest\\s+i|til|omkring|i\\s+løbet\\s+af|hen\\s+over|henover|over)\\s+)?${MONTH}(?:\\s*(?:-|–|eller|og|til)\\s*${MONTH})?(?:\\s+${YEAR})?${E}`,
      'giu',
    ),
    (m) => {
      const prep = (m[1] ?? '').toLowerCase();
      const before = prep === 'inden' || prep === 'før';
      const m2 = m[3] === undefined ? null : monthNumber(m[3]);
      return { period: P.month(monthNumber(m[2])!, m2, before, yearOf(m[4])), cued: hasCue(m, 1) || hasCue(m, 4) };
    },
    MONTH_WORD,
  ],
  // efter sommeren, i efteråret 2021, inden sommerferien, før jul
  [
    new RegExp(
      `${B}(?:(i|efter|før|inden|over|hen\\s+over|henover|i\\s+løbet\\s+af|til)\\s+)?(?:det\\s+|den\\s+)?(foråret|forår|sommerferien|sommeren|sommer|efteråret|efterår|vinteren|vinter|julen|jul|nytåret|nytår)(?:\\s+${YEAR})?${E}`,
      'giu',
    ),
    (m) => {
      const prep = (m[1] ?? 'i').toLowerCase().replace(/\s+/g, ' ');
      const norm = prep === 'hen over' || prep === 'henover' || prep === 'over' || prep === 'i løbet af' ? 'i' : prep;
      return { period: P.season(norm, m[2].toLowerCase(), yearOf(m[3])), cued: hasCue(m, 1) || hasCue(m, 3) };
    },
    SEASON_WORD,
  ],
  // i løbet af 2020
  [new RegExp(`${B}i\\s+løbet\\s+af\\s+${YEAR}${E}`, 'giu'), (m) => ({ period: P.yearPart('whole', Number(m[1])), cued: true }), DIGIT],
];

/** Every date phrase in the text, without overlaps, in order; with `needCue` only those with a cue. */
export function scanDates(text: string, needCue: boolean): Found[] {
  const all: Found[] = [];
  for (const [re, build, needs] of RULES) {
    if (!needs.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const { period, cued } = build(m);
      if (!period || (needCue && !cued)) continue;
      const lead = /^[ \t]*(?:[-•*–][ \t]+)?/.exec(m[0])![0].length;
      const trimmed = m[0].slice(lead).replace(/\s+$/, '').replace(FULL_MONTH_DOT, '$1');
      all.push({ index: m.index + lead, length: trimmed.length, period, cued });
    }
  }
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: Found[] = [];
  let end = -1;
  for (const f of all) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.length;
  }
  return out;
}

/** The words between two finds that make them one range ("1. april til 3. april", "august eller september"). */
export const RANGE_JOINER = /^\s*(?:-|–|til(?:\s+og\s+med)?|eller)\s*$/i;
