/** This forum's own layout: "Punkt 2: CF - Ny hjemmeside (9.00-9.20)", "Pkt. 3 Lukket". Sure whenever it is there. */
import { type ItemHeading, parseItemHeading } from '../item-heading';
import type { ItemLayout } from './types';

export const punktLayout: ItemLayout = {
  name: 'punkt',
  claim(lines) {
    const headings = new Map<number, ItemHeading>();
    lines.forEach((line, i) => {
      const heading = line.text.length < 400 && /^p/i.test(line.text) ? parseItemHeading(line.text) : null;
      if (heading) headings.set(i, heading);
    });
    return headings.size > 0 ? { confidence: 1, headings } : null;
  },
};
