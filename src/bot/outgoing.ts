/** One conversion from our `OutgoingMessage` to a Bot Framework activity, used by replies and the messenger. */
import type { Activity } from 'botbuilder';
import type { OutgoingMessage } from '../app/messenger';
import { cardAttachment } from '../cards/render';
import type { TurnInfo } from './types';

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  const attachments = [...(message.cards ?? []).map(cardAttachment), ...(message.attachments ?? [])];
  return {
    type: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(message.summary ? { summary: message.summary } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/** Answers in the conversation the turn came from; returns the new activity's id. */
export async function reply(ctx: Pick<TurnInfo, 'turn'>, message: OutgoingMessage): Promise<string | null> {
  const res = await ctx.turn.sendActivity(toActivity(message));
  return res?.id ?? null;
}

/** Answers with one card. */
export function replyCard(ctx: Pick<TurnInfo, 'turn'>, card: Record<string, unknown>, summary?: string): Promise<string | null> {
  return reply(ctx, { cards: [card], ...(summary ? { summary } : {}) });
}
