/** "frister" / "deadlines": the forum's open follow-ups, soonest (and overdue) first. */
import { deadlines } from '../../app/queries';
import { followUpListCard } from '../../cards/followup-list';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { replyCard } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';
import { followUpListOptions } from './follow-up-views';

export const deadlinesCommand: CommandHandler = async (ctx) => {
  const forum = requireForum(ctx).value;
  const views = await deadlines(ctx.deps, forum.id);
  const title = t(ctx.locale, 'meeting.deadlines.title', { forum: forum.name });
  const options = followUpListOptions(ctx, views, localDate(ctx.deps.clock.now()));
  await replyCard(
    ctx,
    followUpListCard(
      title,
      views.map((v) => v.followUp),
      ctx.locale,
      options,
    ),
    title,
  );
};
