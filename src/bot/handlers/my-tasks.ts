/** "mine opgaver" / "my tasks": the user's open follow-ups, soonest first, with "Udført" and "Udskyd". */
import { myFollowUps } from '../../app/queries';
import { followUpListCard } from '../../cards/followup-list';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { replyCard } from '../outgoing';
import type { CommandHandler } from '../types';
import { followUpListOptions } from './follow-up-views';

export const myTasks: CommandHandler = async (ctx) => {
  const views = await myFollowUps(ctx.deps, ctx.actor.userId);
  const title = t(ctx.locale, 'meeting.myTasks.title');
  const options = followUpListOptions(ctx, views, localDate(ctx.deps.clock.now()));
  await replyCard(
    ctx,
    followUpListCard(
      title,
      views.map((v) => v.followUp),
      ctx.locale,
      { ...options, actions: 'done-postpone' },
    ),
    title,
  );
};
