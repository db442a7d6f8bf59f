/**
 * A PDF's pages into one text, as the document was written: the running header and footer printed on
 * every page (the meeting's name, "Side 3 af 17", a page number) removed, a word hyphenated at the end
 * of a line joined again ("Miljø-" + "udvalget"), and a paragraph that a page break split joined again.
 */

/** Lines at each end of a page that may be its running header or footer. */
const EDGE = 2;
/** A running header is the meeting's name or a page count, not a lone section heading ("Beslutning"). */
const MIN_RUNNING_CHARS = 15;
const PAGE_NUMBER = /^(?:side|page|s\.)?\s*\d{1,4}\s*(?:(?:af|of|\/|-)\s*\d{1,4})?\.?$/i;
/** "Teknik- og Miljøudvalget": a hyphen before these words shortens a compound, it does not split a word. */
const KEEPS_HYPHEN = /^(?:og|eller|samt|til|som|men)\b/;

/** The lines at the page's edges, each with its place: "h0" the first, "f0" the last. */
function edges(lines: string[]): { index: number; place: string }[] {
  const filled = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  const head = filled.slice(0, EDGE).map((index, k) => ({ index, place: `h${k}` }));
  const tail = filled.slice(Math.max(EDGE, filled.length - EDGE)).map((index, k, all) => ({ index, place: `f${all.length - 1 - k}` }));
  return [...head, ...tail];
}

function shape(line: string): string {
  return line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function numbersOf(line: string): number[] {
  return (line.match(/\d+/g) ?? []).map(Number);
}

/**
 * A line shape ("Referat – Økonomiudvalget – side #") repeated at the edge of at least half the pages
 * (two at least), whose numbers are the same on every page or count the pages.
 */
function isRunning(occurrences: { page: number; numbers: number[] }[], pageCount: number): boolean {
  const pages = new Set(occurrences.map((o) => o.page));
  if (pages.size < 2 || pages.size * 2 < pageCount) return false;
  const first = occurrences[0];
  return first.numbers.every((n, k) => occurrences.every((o) => o.numbers[k] === n) || occurrences.every((o) => o.numbers[k] - o.page === n - first.page));
}

function runningLines(pages: string[][]): Set<string> {
  const seen = new Map<string, { page: number; numbers: number[] }[]>();
  pages.forEach((lines, page) => {
    for (const { index, place } of edges(lines)) {
      const key = `${place} ${shape(lines[index])}`;
      const list = seen.get(key) ?? [];
      list.push({ page, numbers: numbersOf(lines[index]) });
      seen.set(key, list);
    }
  });
  const out = new Set<string>();
  for (const [key, occurrences] of seen) {
    const text = key.slice(key.indexOf(' ') + 1);
    if ((text.length >= MIN_RUNNING_CHARS || text.includes('#')) && isRunning(occurrences, pages.length)) out.add(key);
  }
  return out;
}

function withoutRunning(lines: string[], running: Set<string>, pageCount: number): string[] {
  const drop = new Set(
    edges(lines)
      .filter(({ index, place }) => running.has(`${place} ${shape(lines[index])}`) || (pageCount > 1 && PAGE_NUMBER.test(lines[index].trim())))
      .map(({ index }) => index),
  );
  const kept = lines.filter((_, i) => !drop.has(i));
  while (kept.length && kept[0].trim() === '') kept.shift();
  while (kept.length && kept[kept.length - 1].trim() === '') kept.pop();
  return kept;
}

/** "Miljø-" at a line's end and "udvalget" starting the next: one word. */
function joinsHyphenated(line: string, next: string): boolean {
  return /\p{Ll}-$/u.test(line) && /^\p{Ll}/u.test(next) && !KEEPS_HYPHEN.test(next);
}

function joinHyphenation(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && joinsHyphenated(prev, line.trimStart())) out[out.length - 1] = prev.slice(0, -1) + line.trimStart();
    else out.push(line);
  }
  return out;
}

/** A page ending in the middle of a sentence, and the next page going on in lower case: one paragraph. */
function continues(before: string[], after: string[]): boolean {
  const last = before[before.length - 1]?.trim() ?? '';
  const first = after[0]?.trim() ?? '';
  return last !== '' && first !== '' && !/[.:!?;]$/.test(last) && /^\p{Ll}/u.test(first);
}

export function joinPdfPages(pageTexts: readonly string[]): string {
  const pages = pageTexts.map((p) => p.split('\n'));
  const running = pages.length > 1 ? runningLines(pages) : new Set<string>();
  const cleaned = pages.map((lines) => withoutRunning(lines, running, pages.length)).filter((lines) => lines.length > 0);
  const all: string[] = [];
  cleaned.forEach((lines, i) => {
    if (i > 0 && !continues(cleaned[i - 1], lines)) all.push('');
    all.push(...lines);
  });
  return joinHyphenation(all).join('\n');
}
