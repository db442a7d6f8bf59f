/**
 * Typed Action.Execute buttons and Universal Actions refresh. Every verb a card emits goes through
 * here, so its data is checked against the verb's card-side type at compile time.
 *
 * Each Action.Execute has an Action.Submit fallback (clients without Universal Actions): it arrives as a
 * message whose `value` is `{ verb, ...data, ...inputs }` — route it to the same verb table. (The
 * decision form's save has none: its data is large, and every Teams client runs Action.Execute.)
 *
 * Refresh carries no `userIds`: in conversations of 60 members or fewer Teams then refreshes the card
 * for everyone who views it (TEAMS.md); a forum is far smaller than that. The refreshed view is
 * presentation only: handlers check roles, and closed items never get a refresh in a channel.
 */
import type { RefreshView, Verb, VerbCardData } from './actions';

export type CardAction = Record<string, unknown>;

export interface ExecuteOptions {
  style?: 'positive' | 'destructive';
  /** 'none' for buttons that need no input values (default 'auto': the card's inputs are sent). */
  associatedInputs?: 'auto' | 'none';
  /** false: no Action.Submit fallback (forms whose data is large; the fallback would double it). */
  fallback?: boolean;
}

export function executeAction<V extends Verb>(id: string, title: string, verb: V, data: VerbCardData<V>, opts: ExecuteOptions = {}): CardAction {
  const common = {
    title,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.associatedInputs ? { associatedInputs: opts.associatedInputs } : {}),
  };
  return {
    type: 'Action.Execute',
    id,
    verb,
    data,
    ...common,
    ...(opts.fallback === false ? {} : { fallback: { type: 'Action.Submit', id: `${id}.fallback`, data: { verb, ...data }, ...common } }),
  };
}

export type RefreshData =
  | { view: 'item'; forumId: string; meetingId: string; itemNumber: number }
  | { view: Exclude<RefreshView, 'item'>; forumId: string; meetingId: string };

/** The card's `refresh` property: Teams calls the bot with verb `refresh` when a user views the card. */
export function refreshFor(data: RefreshData): Record<string, unknown> {
  return { action: { type: 'Action.Execute', verb: 'refresh', data } };
}
