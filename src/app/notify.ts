/**
 * Telling the person who asked that work done after their turn has finished: the message or card
 * they got as the turn's answer ("Publicerer dagsordenen …") is updated in place when the work is
 * done or has failed. Best effort: what was done stays done whether or not the update arrives.
 */
import { z } from 'zod';
import type { CardJson } from '../cards/render';
import type { Job, Locale } from '../domain';
import type { StoredConversation } from '../store/ports';
import { tryUpdate } from './agenda-cards';
import type { AppDeps } from './deps';
import type { OutgoingMessage } from './messenger';

/** Where the answer of the asking turn is: updated in place (a card, or a text message). */
export interface NotifyTarget {
  /** The conversation id as the turn saw it (a channel thread keeps its ";messageid=…"). */
  conversationId: string;
  activityId: string;
  locale: Locale;
  as: 'card' | 'text';
}

/**
 * How a request gets its target: called once the request is valid (so an error is answered as an
 * error, not after a "working on it"); null when nobody is to be told.
 */
export type Answer = () => Promise<NotifyTarget | null>;

const notifySchema = z.object({
  conversationId: z.string().min(1),
  activityId: z.string().min(1),
  locale: z.enum(['da', 'en']),
  as: z.enum(['card', 'text']),
});

/** The job's `notify` payload, or null (a scheduled job nobody waits for, or a malformed one). */
export function notifyTargetOf(job: Pick<Job, 'payload'> | null | undefined): NotifyTarget | null {
  const parsed = notifySchema.safeParse(job?.payload.notify);
  return parsed.success ? parsed.data : null;
}

/** The stored conversation, pointed at the turn's own thread when it was a channel reply. */
async function conversationFor(deps: AppDeps, conversationId: string): Promise<StoredConversation | null> {
  const base = conversationId.split(';')[0];
  const stored = await deps.store.conversations.get(base);
  if (!stored || base === conversationId) return stored;
  const ref = stored.reference;
  const conversation = typeof ref.conversation === 'object' && ref.conversation !== null ? ref.conversation : {};
  return { ...stored, reference: { ...ref, conversation: { ...conversation, id: conversationId } } };
}

/** Replaces the asking turn's answer with `message` (best effort). */
export async function notify(deps: AppDeps, target: NotifyTarget | null, message: OutgoingMessage): Promise<void> {
  if (!target) return;
  await tryUpdate(deps, 'notify', async () => {
    const conversation = await conversationFor(deps, target.conversationId);
    if (conversation) await deps.messenger.update(conversation, target.activityId, message);
  });
}

/** The answer as the target takes it: the card with a note on top, or the note as text. */
export function noteMessage(target: NotifyTarget, text: string, card: CardJson | null, color: NoteColor = 'Good'): OutgoingMessage {
  return target.as === 'card' && card ? { cards: [withNote(card, text, color)] } : { text };
}

export type NoteColor = 'Good' | 'Attention' | 'Default';

/** Puts a short line at the top of a card ("Publicerer dagsordenen …", "saved; now confirm these"). */
export function withNote(card: CardJson, text: string, color: NoteColor = 'Good'): CardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, color, weight: 'Bolder' }, ...body] };
}

/** The card without its buttons (while the work they start is under way). */
export function withoutActions(card: CardJson): CardJson {
  const { actions: _actions, ...rest } = card;
  return rest;
}
