/** "opfølgning" / "follow-up status": the forum's follow-up at a glance, for the secretary and the chair. */
import { followUpStatus } from '../../app/follow-up-status';
import { followUpStatusCard, followUpStatusSummary } from '../../cards/follow-up-status';
import { replyCard } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';

export const followUpStatusCommand: CommandHandler = async (ctx) => {
  const forum = requireForum(ctx).value;
  const view = await followUpStatus(ctx.deps, forum);
  await replyCard(ctx, followUpStatusCard(ctx.locale, view), followUpStatusSummary(ctx.locale, view));
};
