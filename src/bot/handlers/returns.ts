/** "tilbage" / "returns": decisions that send an item back to the forum, proposed for the next agenda. */
import { nextMeeting, returnItems } from '../../app/queries';
import { mayShowClosed } from '../../domain/visibility';
import { returnItemsCard } from '../../cards/return-items';
import { replyCard } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';
import { whereOf } from './meeting-common';

export const returnsCommand: CommandHandler = async (ctx) => {
  const forum = requireForum(ctx).value;
  const views = await returnItems(ctx.deps, forum.id);
  // The card lists follow-up texts: those of closed items only in 1:1 chat.
  const shown = views.filter((v) => !v.closedItem || mayShowClosed(whereOf(ctx))).map((v) => v.followUp);
  const next = await nextMeeting(ctx.deps, forum.id, { includeUnpublished: true });
  await replyCard(ctx, returnItemsCard(shown, ctx.locale, next?.value.date ?? null));
};
