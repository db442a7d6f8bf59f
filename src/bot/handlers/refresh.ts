/**
 * Universal Actions refresh (verb `refresh`): each viewer's own view of a card. The secretary and
 * chair see comments and the decision button, a chief their own response; a closed item in a
 * channel is ALWAYS only "Lukket punkt", whoever looks (a per-user view is not access control).
 */
import { itemCardFor, overviewCardFor } from '../../app/agenda-cards';
import { chiefCascadeCard } from '../../app/cascade';
import { confirmationOf } from '../../app/receipts';
import { summaryCardFor } from '../../app/summary-cards';
import type { CardJson } from '../../cards/render';
import type { Meeting } from '../../domain';
import { AppError } from '../../domain';
import { requireForum } from '../roles';
import type { TurnInfo, VerbHandlerFor } from '../types';
import { cardMeeting, whereOf } from './meeting-common';

/** The viewer's cascade card (they must be a chief the list went to). */
export async function cascadeCardFor(ctx: TurnInfo, meeting: Meeting): Promise<CardJson> {
  const forum = requireForum(ctx).value;
  const chief = ctx.member;
  const receipt = chief ? await ctx.deps.store.cascade.get(meeting.id, chief.userId) : null;
  if (!chief || !receipt) throw new AppError('forbidden', 'This list was not sent to you', { meetingId: meeting.id });
  return chiefCascadeCard(ctx.deps, { forum, meeting, chief, where: whereOf(ctx), confirmed: confirmationOf(receipt.value).complete });
}

export const refreshVerb: VerbHandlerFor<'refresh'> = async (ctx) => {
  const d = ctx.data;
  const { forum, meeting } = await cardMeeting(ctx, d.meetingId);
  const viewer = ctx.member ?? null;
  switch (d.view) {
    case 'item':
      return { card: await itemCardFor(ctx.deps, { forum, meeting: meeting.value, itemNumber: d.itemNumber, viewer, where: whereOf(ctx), guest: !viewer }) };
    case 'overview':
      return { card: await overviewCardFor(ctx.deps, forum, meeting.value, viewer, !viewer) };
    case 'summary':
      return { card: await summaryCardFor(ctx.deps, forum, meeting.value) };
    case 'cascade':
      return { card: await cascadeCardFor(ctx, meeting.value) };
  }
};
