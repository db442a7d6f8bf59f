/**
 * The document as lines with their markup removed. One pass, one small set of anchored regexes per line:
 * Markdown headings and bold, stray HTML tags and entities, Markdown backslash escapes.
 */

export interface Line {
  /** The text with markup removed and outer whitespace trimmed (tabs inside are kept: tables). */
  text: string;
  /** A Markdown heading, a wholly bold line, or a short UPPER CASE line. */
  headingLike: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

/** An HTML tag; "<https://...>" and "<mailto:...>" are links written in angle brackets and stay. */
const TAG = /<\/?(?!(?:https?|ftp|mailto):)[a-zA-Z][^<>]{0,400}>/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
const HEADING = /^#{1,6}(?:\s+|$)/;
const PAGE_FOOTER = /^side\s+\d+\s+(?:af|\/)\s+\d+$/i;

function decodeEntity(m: string, name: string): string {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? m;
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
}

function isUpperCaseHeading(text: string): boolean {
  if (text.length < 3 || text.length > 100) return false;
  // Most lines have a lower-case ASCII letter early: no need to upper-case them.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  if (text.toUpperCase() !== text) return false;
  const lower = text.toLowerCase();
  let letters = 0;
  for (let i = 0; i < text.length && letters < 3; i++) if (lower[i] !== text[i]) letters++;
  return letters >= 3;
}

/** Markup removed from one line; `headingLike` tells whether it was dressed as a heading. */
export function cleanLine(raw: string): Line {
  let s = raw;
  let heading = false;
  if (s.includes('<')) s = s.replace(TAG, (tag) => (/^<\/?(?:br|p|div|li|td|th|tr)\b/i.test(tag) ? ' ' : ''));
  if (s.includes('&')) s = s.replace(ENTITY, decodeEntity);
  s = s.trim();
  if (s.startsWith('#')) {
    const m = HEADING.exec(s);
    if (m) {
      heading = true;
      s = s.slice(m[0].length).replace(/\s#+$/, '');
    }
  }
  if (s.startsWith('**') && s.endsWith('**') && s.length > 4) heading = true;
  if (s.includes('*') || s.includes('_')) s = s.replace(/\*\*|__/g, '');
  if (s.includes('\\')) s = s.replace(ESCAPE, '$1');
  s = s.replace(/\u00a0/g, ' ').trim();
  if (!heading && isUpperCaseHeading(s) && !s.includes('\t')) heading = true;
  return { text: s, headingLike: heading && s.length > 0 };
}

/** Splits into cleaned lines; page footers ("Side 3 af 17") are dropped. */
export function toLines(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of text.split(/\r\n|[\n\r\f\v\u2028\u2029]/)) {
    const line = cleanLine(raw);
    if (PAGE_FOOTER.test(line.text)) continue;
    out.push(line);
  }
  return out;
}

/** Lower case, single spaces, no trailing colon or full stop: for comparing headings and titles. */
export function normalize(text: string): string {
  const lower = text.toLowerCase();
  // Most lines have single spaces only: no replacing (a hot spot of the import, profiled).
  const spaced = UNEVEN_SPACE.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
  return trimEnd(spaced, ' :.').trim();
}

/** Whitespace that `normalize` changes: a run of two, or one that is not a plain space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/** Drops trailing characters from `chars` (a loop: a regex like /[\s.]+$/ is quadratic on long runs). */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Lines joined into a body: outer blank lines dropped, runs of blank lines become one. */
export function joinBody(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
