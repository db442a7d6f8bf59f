/**
 * The block model every reader produces: a heading with its level, a numbered (or bulleted) paragraph
 * with its number as the document's own list numbering gave it, a paragraph, a table row. The parser
 * reads the blocks as lines (`blocksToText`): headings as Markdown "#", numbered paragraphs with their
 * label ("Punkt 3:", "3.", "-") in front, table rows as tab-separated cells.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string }
  /** `label` as the list writes it ("Punkt 3:", "3.", "a)", "-" for a bullet); `number` null for bullets. */
  | { kind: 'numbered'; number: number | null; label: string; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'row'; cells: string[] };

/** A list label that belongs to a list line ("1.", "a)", "-"), not to a heading-like label ("Punkt 1:"). */
const LIST_LABEL = /^(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]$|^[-•]$/;

function isTight(block: Block): boolean {
  return block.kind === 'row' || (block.kind === 'numbered' && LIST_LABEL.test(block.label));
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, block.level)))} ${block.text}`;
    case 'numbered': {
      const indent = isTight(block) ? '  '.repeat(block.level) : '';
      const text = block.text.replace(/\n/g, `\n${indent}   `);
      return block.label ? `${indent}${block.label} ${text}` : `${indent}${text}`;
    }
    case 'paragraph':
      return block.text;
    case 'row':
      return block.cells.join('\t');
  }
}

function isEmpty(block: Block): boolean {
  return block.kind === 'row' ? block.cells.every((c) => c.trim() === '') : block.text.trim() === '';
}

/** The blocks as the text the parser reads: list items and table rows on consecutive lines, other blocks apart. */
export function blocksToText(blocks: readonly Block[]): string {
  let out = '';
  let previous: Block | null = null;
  for (const block of blocks) {
    if (isEmpty(block)) continue;
    if (previous) out += isTight(block) && isTight(previous) ? '\n' : '\n\n';
    out += blockText(block);
    previous = block;
  }
  return out ? `${out}\n` : '';
}
