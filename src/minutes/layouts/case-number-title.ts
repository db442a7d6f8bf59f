/**
 * Rødovre's layout (and others printed from the same system): the title on a line of its own, then
 * "Sag nr. 162" on the next; the case's number is the item's number.
 */
import { headingOf, type ItemHeading } from '../item-heading';
import { type ItemLayout, previousText } from './types';

const SAG_NR = /^sag\s*nr\.?\s*:?\s*(\d{1,4})\.?$/i;

export const caseNumberTitleLayout: ItemLayout = {
  name: 'case-number-title',
  claim(lines) {
    const headings = new Map<number, ItemHeading>();
    const consumed = new Set<number>();
    lines.forEach((line, i) => {
      const m = line.text.length < 20 ? SAG_NR.exec(line.text) : null;
      const title = m ? previousText(lines, i, 2) : -1;
      if (!m || title < 0 || lines[title].text.length > 300 || consumed.has(title)) return;
      headings.set(title, headingOf(Number(m[1]), lines[title].text));
      consumed.add(i);
    });
    return headings.size > 0 ? { confidence: 0.9, headings, consumed } : null;
  },
};
