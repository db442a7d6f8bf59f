/**
 * A card action names its forum, meeting and item, so the reads its handler will make are known
 * before the turn is set up: started together here (into the turn's read scope), they cost one
 * storage round trip instead of one each in sequence. A read nobody asks for after all is only a
 * wasted call; a failed one is answered again from storage when the handler asks.
 */
import type { Store } from '../store/ports';

/** Verbs whose handler answers with an item card: the meeting, the item's responses and its decision. */
const ITEM_VERBS = new Set(['item.read', 'item.discuss', 'item.comment']);

export function prefetchCardReads(store: Store, verb: string, data: unknown, conversation: { id: string; personal: boolean }): void {
  if (typeof data !== 'object' || data === null) return;
  const d = data as Record<string, unknown>;
  const forumId = typeof d.forumId === 'string' ? d.forumId : null;
  const meetingId = typeof d.meetingId === 'string' ? d.meetingId : null;
  if (!forumId || !meetingId) return;
  const itemNumber = Number(d.itemNumber);
  const itemCard = ITEM_VERBS.has(verb) || (verb === 'refresh' && d.view === 'item');
  const decisionSave = verb === 'decision.save';
  if (!(itemCard || decisionSave) || !Number.isInteger(itemNumber) || itemNumber < 1) return;
  const reads: Promise<unknown>[] = [
    store.meetings.get(forumId, meetingId),
    store.responses.listByItem(meetingId, itemNumber),
    store.decisions.get(meetingId, itemNumber),
  ];
  // "Gem beslutning" also plans the item's follow-ups against those recorded.
  // and updates the item's card in the channel (usually this one).
  if (decisionSave) reads.push(store.followUps.listByMeeting(forumId, meetingId));
  if (decisionSave && !conversation.personal) reads.push(store.conversations.get(conversation.id));
  // In a channel the turn finds its forum by the conversation; in 1:1 chat by the card.
  if (conversation.personal) reads.push(store.forums.get(forumId));
  for (const r of reads) r.catch(() => undefined);
}
