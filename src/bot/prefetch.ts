/**
 * A card action names its forum, meeting and item, so the reads its handler will make are known
 * before the turn is set up: started together here (into the turn's read scope), they cost one
 * storage round trip instead of one each in sequence. A read nobody asks for after all is only a
 * wasted call; a failed one is answered again from storage when the handler asks.
 */
import type { Store } from '../store/ports';

/** Verbs whose handler shows an item card: the meeting, its responses and the item's decision. */
const ITEM_VERBS = new Set(['item.read', 'item.discuss', 'item.comment']);

export function prefetchCardReads(store: Store, verb: string, data: unknown, personal: boolean): void {
  if (typeof data !== 'object' || data === null) return;
  const d = data as Record<string, unknown>;
  const forumId = typeof d.forumId === 'string' ? d.forumId : null;
  const meetingId = typeof d.meetingId === 'string' ? d.meetingId : null;
  if (!forumId || !meetingId) return;
  const itemNumber = Number(d.itemNumber);
  const itemCard = ITEM_VERBS.has(verb) || (verb === 'refresh' && d.view === 'item');
  if (!itemCard || !Number.isInteger(itemNumber) || itemNumber < 1) return;
  const reads: Promise<unknown>[] = [
    store.meetings.get(forumId, meetingId),
    store.responses.listByItem(meetingId, itemNumber),
    store.decisions.get(meetingId, itemNumber),
  ];
  // In a channel the turn finds its forum by the conversation; in 1:1 chat by the card.
  if (personal) reads.push(store.forums.get(forumId));
  for (const r of reads) r.catch(() => undefined);
}
