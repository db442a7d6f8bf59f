import type { ItemResponse } from '../domain';

/** What chiefs did with one item before the meeting. */
export interface ItemTally {
  comments: number;
  wantsDiscussion: number;
  read: number;
}

export interface AgendaTally {
  /** Forum members who can respond (the "m" of "read by n of m"). */
  members: number;
  /** Item number → counts; a missing item counts as zeros. */
  items: Record<number, ItemTally>;
}

export const NO_RESPONSES: ItemTally = { comments: 0, wantsDiscussion: 0, read: 0 };

/** Counts the stored responses per item (one response per user and item). */
export function tallyResponses(responses: readonly ItemResponse[], members: number): AgendaTally {
  const items: Record<number, ItemTally> = {};
  for (const r of responses) {
    const c = items[r.itemNumber] ?? { ...NO_RESPONSES };
    items[r.itemNumber] = c;
    if (r.comment?.trim()) c.comments++;
    if (r.wantsDiscussion) c.wantsDiscussion++;
    if (r.read) c.read++;
  }
  return { members, items };
}
