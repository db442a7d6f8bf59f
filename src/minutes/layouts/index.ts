/**
 * The item layouts the parser knows. Adding a layout is one file here (see docs/import.md, "Adding a
 * layout"): each claims the lines it recognises as item headings, with a confidence; the surest wins,
 * and the first in this list on a tie.
 */
import type { ItemHeading } from '../item-heading';
import type { Line } from '../lines';
import { caseNumberTitleLayout } from './case-number-title';
import { numberedLayout } from './numbered';
import { punktLayout } from './punkt';
import type { ItemLayout } from './types';

export const ITEM_LAYOUTS: readonly ItemLayout[] = [punktLayout, caseNumberTitleLayout, numberedLayout];

export interface ChosenLayout {
  name: string | null;
  headings: Map<number, ItemHeading>;
  consumed: Set<number>;
}

export function chooseLayout(lines: readonly Line[], layouts: readonly ItemLayout[] = ITEM_LAYOUTS): ChosenLayout {
  let best: ChosenLayout & { confidence: number } = { name: null, headings: new Map(), consumed: new Set(), confidence: 0 };
  for (const layout of layouts) {
    const claim = layout.claim(lines);
    if (claim && claim.headings.size > 0 && claim.confidence > best.confidence) {
      best = { name: layout.name, headings: claim.headings, consumed: claim.consumed ?? new Set(), confidence: claim.confidence };
    }
    if (best.confidence >= 1) break; // nothing can be surer
  }
  return { name: best.name, headings: best.headings, consumed: best.consumed };
}
