/**
 * The one rule for a closed item's content (its title, case text, proposals, decision, the texts of
 * its follow-ups): whether it may be shown is decided by the conversation the answer or post goes to,
 * never by the card's data or the viewer's role. Only a 1:1 chat may show it, and there only to the
 * person the handler has checked; a channel, a group chat or a conversation of unknown kind never does.
 * Every card builder that can show such content takes a `Where` made here.
 */

/** Where a card is shown: anywhere others can see it ('channel'), or a person's 1:1 chat. */
export type Where = 'channel' | 'personal';

/** The conversation kind the answer or post goes to → where it is shown; unknown kinds count as channel. */
export function whereFor(conversationKind: string | null | undefined): Where {
  return conversationKind === 'personal' ? 'personal' : 'channel';
}

export function mayShowClosed(where: Where): boolean {
  return where === 'personal';
}
