/**
 * Joins a PDF's pages. A page break is not a paragraph break: when a page ends mid-sentence and the
 * next page goes on in lower case, the two halves are one paragraph (a bare page number between them
 * is dropped). Any other page break stays a paragraph break.
 */
const PAGE_NUMBER = /^(?:side\s+)?\d{1,3}(?:\s*(?:af|\/)\s*\d{1,3})?$/i;

function trimPageNumber(page: string): string {
  const lines = page.replace(/\s+$/, '').split('\n');
  if (lines.length > 1 && PAGE_NUMBER.test(lines[lines.length - 1].trim())) lines.pop();
  return lines.join('\n').replace(/\s+$/, '');
}

function continues(before: string, after: string): boolean {
  const last = before.slice(before.lastIndexOf('\n') + 1).trim();
  const first = after.replace(/^\s+/, '');
  return /[\p{L}\p{N},–-]$/u.test(last) && /^\p{Ll}/u.test(first);
}

export function joinPages(pages: readonly string[]): string {
  let out = '';
  for (const raw of pages) {
    if (raw.trim() === '') continue;
    if (out === '') {
      out = raw;
      continue;
    }
    const before = trimPageNumber(out);
    out = continues(before, raw) ? `${before}\n${raw.replace(/^\s+/, '')}` : `${out}\n\n${raw}`;
  }
  return out;
}
