/**
 * Committee layouts of the agenda systems, as their web pages and PDFs print them: "159. Dagsorden -
 * godkendelse", "• 159. Dagsorden", "1.Temamøde", "Pkt. 42 Beslutninger", "1  Fraværende", "38Godkendelse
 * af dagsorden", or the number alone on a line ("• 1") with the title on the next.
 * A numbered line is also what a list or a table of contents looks like, so
 * - the title must start with a capital letter (a proposal "1. at ..." does not),
 * - a run of consecutive numbered lines (a list, a table of contents) is not items, unless the whole
 *   document is such a run (a page that shows the items only),
 * - the items are the longest chain of increasing numbers (a few may be missing: items left off a
 *   public page), the surer forms and the lines marked as headings weighing more.
 */
import { headingOf, type ItemHeading, isTocLine } from '../item-heading';
import type { Line } from '../lines';
import { type ItemLayout, nextText } from './types';

const BULLET = '(?:[•·▪◦●]\\s*)?';
const PKT = '(?:(?:[Pp]unkt|PUNKT|[Pp]kt|PKT)\\.?\\s*)?';
const TITLE = '(["“\'(]?\\p{Lu}.{0,300})';
/** "159. Title", "1.Title", "Pkt. 42. Title" */
const DOT = new RegExp(`^${BULLET}${PKT}(\\d{1,4})\\.\\s*${TITLE}$`, 'u');
/** "1  Title", "Pkt. 42 Title" */
const SPACE = new RegExp(`^${BULLET}${PKT}(\\d{1,4})\\s+${TITLE}$`, 'u');
/** "38Godkendelse af dagsorden" (the number's own cell glued to the title) */
const GLUED = /^(\d{1,4})(\p{Lu}\p{Ll}.{0,300})$/u;
/** "• 1" with the title on the next line */
const ALONE = new RegExp(`^[•·▪◦●]\\s*${PKT}(\\d{1,4})\\.?$`, 'u');
const TITLE_LINE = new RegExp(`^${TITLE}$`, 'u');
const MAX_GAP = 5;

interface Candidate {
  index: number;
  number: number;
  title: string;
  weight: number;
  /** The line holding the title, when it is not the number's line. */
  titleLine: number | null;
}

/** A paragraph rather than a title: a long line with a sentence that goes on after a full stop. */
const PARAGRAPH = /^.{100,}$/su;
const SENTENCES = /[.!?]\s+\S/u;

function candidate(lines: readonly Line[], index: number): Candidate | null {
  const line = lines[index];
  // "Indholdsfortegnelse1. Fraværende": a web page's contents link printed before the first item.
  const text = line.text.charCodeAt(0) === 0x49 ? line.text.replace(/^Indholdsfortegnelse\s*(?=\d)/, '') : line.text;
  if (text.length > 400 || !/^(?:\d|[•·▪◦●]|p(?:kt|unkt))/i.test(text) || isTocLine(text)) return null;
  // The sentence test looks past the number's own full stop ("3. Medlemsforslag").
  const title = text.replace(/^\D{0,12}\d{1,4}\.?\s*/, '');
  const sentences = SENTENCES.test(title);
  if (sentences && PARAGRAPH.test(title)) return null;
  const marked = (line.headingLike ? 2 : 0) - (sentences ? 2 : 0);
  const dot = DOT.exec(text);
  if (dot) return { index, number: Number(dot[1]), title: dot[2], weight: Math.max(1, 3 + marked), titleLine: null };
  const space = SPACE.exec(text);
  if (space) return { index, number: Number(space[1]), title: space[2], weight: Math.max(1, 2 + marked), titleLine: null };
  const glued = GLUED.exec(text);
  if (glued) return { index, number: Number(glued[1]), title: glued[2], weight: 1, titleLine: null };
  const alone = ALONE.exec(text);
  const next = alone ? nextText(lines, index, 2) : -1;
  if (alone && next >= 0 && TITLE_LINE.test(lines[next].text) && lines[next].text.length < 300) {
    return { index, number: Number(alone[1]), title: lines[next].text, weight: 2, titleLine: next };
  }
  return null;
}

/** Candidates on adjacent lines with consecutive numbers: list or contents members. */
function outsideRuns(found: Candidate[]): Candidate[] {
  return found.filter((c, k) => {
    const prev = found[k - 1];
    const next = found[k + 1];
    const after = (a: Candidate | undefined, b: Candidate | undefined) => a && b && b.index === a.index + 1 && b.number === a.number + 1;
    return !(after(prev, c) || after(c, next));
  });
}

/** The heaviest chain of increasing numbers (each at most MAX_GAP above the one before). */
function heaviestChain(found: Candidate[]): Candidate[] {
  const best: number[] = [];
  const from: number[] = [];
  let top = -1;
  for (let i = 0; i < found.length; i++) {
    best[i] = found[i].weight;
    from[i] = -1;
    // Only recent candidates can precede within the gap; bound the look-back to keep this linear-ish.
    for (let j = i - 1; j >= 0 && j >= i - 400; j--) {
      const gap = found[i].number - found[j].number;
      if (gap > 0 && gap <= MAX_GAP && best[j] + found[i].weight > best[i]) {
        best[i] = best[j] + found[i].weight;
        from[i] = j;
      }
    }
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const chain: Candidate[] = [];
  for (let i = top; i >= 0; i = from[i]) chain.unshift(found[i]);
  return chain;
}

export const numberedLayout: ItemLayout = {
  name: 'numbered',
  claim(lines) {
    const all: Candidate[] = [];
    for (let i = 0; i < lines.length; i++) {
      const c = candidate(lines, i);
      if (c) all.push(c);
    }
    if (all.length === 0) return null;
    const separate = outsideRuns(all);
    const chosen = heaviestChain(separate.length > 0 ? separate : all);
    const headings = new Map<number, ItemHeading>();
    const consumed = new Set<number>();
    for (const c of chosen) {
      headings.set(c.index, headingOf(c.number, c.title));
      if (c.titleLine !== null) consumed.add(c.titleLine);
    }
    return { confidence: chosen.some((c) => lines[c.index].headingLike) ? 0.8 : 0.6, headings, consumed };
  },
};
