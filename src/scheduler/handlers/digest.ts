/**
 * 'digest' jobs: messages to the secretary. payload.type 'weekly' is the Monday digest (it also keeps
 * the forum's rhythm going: next week's digest and the next check-in); 'notice' is notices.ts.
 */
import { personLocale } from '../../app/person-locale';
import { digestCard } from '../../cards/reminders';
import { localDate, localInstant } from '../../domain/time';
import { t } from '../../i18n';
import { addDays } from '../../domain/calendar';
import { classifyFailure } from '../delivery';
import { digestView } from '../digest';
import { payloadString } from '../../domain/scheduled-jobs';
import { personalConversation, secretariesOf } from '../recipients';
import { ensureDigestJobs, scheduleCheckIns } from '../recurring';
import { noticeHandler } from './notice';
import type { JobHandler } from './types';

const weeklyDigest: JobHandler = {
  async run(ctx) {
    const userId = payloadString(ctx.job, 'userId');
    const week = payloadString(ctx.job, 'week');
    const forum = (await ctx.deps.store.forums.get(ctx.job.forumId))?.value;
    if (!forum) return { status: 'nothing-to-send', reason: 'forum gone' };
    await ensureDigestJobs(ctx.deps, forum, new Date(Math.max(ctx.now.getTime(), Date.parse(ctx.job.dueAt))));
    await scheduleCheckIns(ctx.deps, forum);
    const today = localDate(ctx.now);
    if (today > addDays(week, 6)) return { status: 'nothing-to-send', reason: 'stale' };
    if (!secretariesOf(forum).some((m) => m.userId === userId)) return { status: 'nothing-to-send', reason: 'no longer secretary' };
    const since = localInstant(addDays(week, -7), forum.reminderPolicy.digest.at).toISOString();
    const window = { since, now: ctx.now.toISOString() };
    const locale = await personLocale(ctx.deps, userId, forum.locale);
    const view = digestView(forum, await ctx.deps.store.followUps.listByForum(forum.id), today, week, locale, window);
    const card = digestCard(locale, view);
    const summary = t(locale, 'digest.summary', { open: view.counts.open, overdue: view.counts.overdue });
    try {
      const conversation = await personalConversation(ctx.deps, ctx.delivery, forum, userId);
      return { status: 'sent', activityId: await ctx.sendOnce(conversation, { cards: [card], summary }, { last: true }) };
    } catch (e) {
      if (classifyFailure(e) !== 'undeliverable') throw e;
      // The digest lists follow-up texts (closed items too): never to the channel. Logged as failed.
      ctx.log.error({ userId }, 'The secretary cannot be reached for the weekly digest');
      return { status: 'undeliverable', error: e instanceof Error ? e.message : String(e) };
    }
  },
};

export const digestHandler: JobHandler = {
  run: (ctx) => (ctx.job.payload.type === 'notice' ? noticeHandler.run(ctx) : weeklyDigest.run(ctx)),
};
