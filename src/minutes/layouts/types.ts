/**
 * An item layout recognises which lines of a document are its items' headings and says how sure it
 * is. The parser asks every layout (index.ts) and takes the surest claim; everything after the
 * headings (case numbers, sections, proposals, decisions) is shared.
 */
import type { ItemHeading } from '../item-heading';
import type { Line } from '../lines';

export interface LayoutClaim {
  /** 0-1: how sure the layout is that these lines are the items' headings. */
  confidence: number;
  /** Item headings by line index. */
  headings: Map<number, ItemHeading>;
  /** Other lines that belong to a heading (a title on the line after its number): not body text. */
  consumed?: Set<number>;
}

export interface ItemLayout {
  name: string;
  /** The headings this layout finds, or null when the document is not in this layout. */
  claim(lines: readonly Line[]): LayoutClaim | null;
}

/** The next non-blank line after `index`, within `within` lines, or -1. */
export function nextText(lines: readonly Line[], index: number, within = 3): number {
  for (let i = index + 1; i < lines.length && i <= index + within; i++) if (lines[i].text !== '') return i;
  return -1;
}

/** The previous non-blank line before `index`, within `within` lines, or -1. */
export function previousText(lines: readonly Line[], index: number, within = 3): number {
  for (let i = index - 1; i >= 0 && i >= index - within; i--) if (lines[i].text !== '') return i;
  return -1;
}
