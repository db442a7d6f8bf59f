/**
 * Word's automatic numbering and heading styles, from numbering.xml and styles.xml. A Word template
 * numbers its items with a list level whose text is "Punkt %1:" or "%1."; the number is not in the
 * paragraph's text, so it is computed here the way Word does: one counter per list and level, deeper
 * levels restarting when a higher one moves on.
 */
import { attr, xmlTokens } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface ParagraphStyle {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
}

export interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

export function parseNumbering(xml: string | undefined): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (!xml) return { abstracts, nums };
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let override: number | null = null;
  for (const tok of xmlTokens(xml)) {
    if (tok.type === 'close') {
      if (tok.name === 'w:abstractNum') abstract = null;
      else if (tok.name === 'w:lvl') level = null;
      else if (tok.name === 'w:num') num = null;
      else if (tok.name === 'w:lvlOverride') override = null;
      continue;
    }
    if (tok.type === 'text') continue;
    const val = () => attr(tok.attrs, 'w:val') ?? '';
    if (tok.name === 'w:abstractNum' && tok.type === 'open') {
      abstract = new Map();
      abstracts.set(attr(tok.attrs, 'w:abstractNumId') ?? '', abstract);
    } else if (tok.name === 'w:lvl' && abstract && tok.type === 'open') {
      level = { start: 1, format: 'decimal', text: '' };
      abstract.set(Number(attr(tok.attrs, 'w:ilvl') ?? 0), level);
    } else if (level && tok.name === 'w:start') level.start = Number(val()) || 0;
    else if (level && tok.name === 'w:numFmt') level.format = val();
    else if (level && tok.name === 'w:lvlText') level.text = val();
    else if (tok.name === 'w:num' && tok.type === 'open') {
      num = { abstractId: '', starts: new Map() };
      nums.set(attr(tok.attrs, 'w:numId') ?? '', num);
    } else if (num && tok.name === 'w:abstractNumId') num.abstractId = val();
    else if (num && tok.name === 'w:lvlOverride') override = Number(attr(tok.attrs, 'w:ilvl') ?? 0);
    else if (num && override !== null && tok.name === 'w:startOverride') num.starts.set(override, Number(val()) || 0);
  }
  return { abstracts, nums };
}

export function parseStyles(xml: string | undefined): Map<string, ParagraphStyle> {
  const styles = new Map<string, ParagraphStyle>();
  if (!xml) return styles;
  let style: ParagraphStyle | null = null;
  let inPPr = false;
  for (const tok of xmlTokens(xml)) {
    if (tok.type === 'close') {
      if (tok.name === 'w:style') style = null;
      if (tok.name === 'w:pPr') inPPr = false;
      continue;
    }
    if (tok.type === 'text') continue;
    if (tok.name === 'w:style') {
      style = null;
      if (attr(tok.attrs, 'w:type') !== 'paragraph' || tok.type === 'self') continue;
      style = { name: '', basedOn: null, numId: null, ilvl: null, outline: null };
      styles.set(attr(tok.attrs, 'w:styleId') ?? '', style);
    } else if (!style) continue;
    else if (tok.name === 'w:pPr') inPPr = tok.type === 'open';
    else if (tok.name === 'w:name') style.name = attr(tok.attrs, 'w:val') ?? '';
    else if (tok.name === 'w:basedOn') style.basedOn = attr(tok.attrs, 'w:val');
    else if (inPPr && tok.name === 'w:numId') style.numId = attr(tok.attrs, 'w:val');
    else if (inPPr && tok.name === 'w:ilvl') style.ilvl = Number(attr(tok.attrs, 'w:val') ?? 0);
    else if (inPPr && tok.name === 'w:outlineLvl') style.outline = Number(attr(tok.attrs, 'w:val') ?? 9);
  }
  return styles;
}

const HEADING_NAME = /^(?:heading|overskrift)\s*([1-6])$/i;
const TITLE_NAME = /^(?:title|titel)$/i;

/** The heading level a paragraph style gives (its own name or outline level, or a style it is based on). */
export function headingLevel(styles: Map<string, ParagraphStyle>, styleId: string | null): number | null {
  for (let id = styleId, depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    const name = style?.name ?? id;
    const m = HEADING_NAME.exec(name) ?? HEADING_NAME.exec(id);
    if (m) return Number(m[1]);
    if (TITLE_NAME.test(name) || TITLE_NAME.test(id)) return 1;
    if (style?.outline !== null && style?.outline !== undefined && style.outline < 9) return style.outline + 1;
    id = style?.basedOn ?? null;
  }
  return null;
}

/** The list a paragraph style numbers its paragraphs with (heading styles linked to a list). */
export function styleNumbering(styles: Map<string, ParagraphStyle>, styleId: string | null): { numId: string; ilvl: number } | null {
  for (let id = styleId, depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    if (!style) return null;
    if (style.numId !== null) return { numId: style.numId, ilvl: style.ilvl ?? 0 };
    id = style.basedOn;
  }
  return null;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let left = Math.max(1, Math.min(3999, n));
  for (const [v, s] of table) {
    while (left >= v) {
      out += s;
      left -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  const i = Math.max(1, n) - 1;
  return String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** Counts the lists' paragraphs in document order and writes each one's label. */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly numbering: Numbering) {}

  /** The label ("Punkt 3:", "3.", "-") and the number of the paragraph's own level; null when it is not in a list. */
  next(numId: string, ilvl: number): { label: string; number: number | null } | null {
    const num = this.numbering.nums.get(numId);
    const levels = num ? this.numbering.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return null;
    const key = num.starts.size > 0 ? `num:${numId}` : `abstract:${num.abstractId}`;
    const counts = this.counters.get(key) ?? [];
    this.counters.set(key, counts);
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : (counts[ilvl] as number) + 1;
    counts.length = Math.min(counts.length, ilvl + 1);
    if (level.format === 'bullet') return { label: '-', number: null };
    if (level.format === 'none') return { label: level.text.replace(/%\d/g, '').trim(), number: null };
    const label = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const n = counts[l] ?? startOf(l);
      return formatNumber(n, levels.get(l)?.format ?? 'decimal');
    });
    return { label: label.trim(), number: counts[ilvl] as number };
  }
}
