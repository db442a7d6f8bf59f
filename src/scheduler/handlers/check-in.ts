/**
 * 'check-in' jobs before a meeting. payload.type 'plan' (one per meeting) fans out one 'card' job per
 * person reminded about an open follow-up of the forum; each card job sends that person one card
 * "på sporet / forsinket (ny dato) / udført" for their open follow-ups.
 */
import { personLocale } from '../../app/person-locale';
import { checkInCard } from '../../cards/reminders';
import { localDate } from '../../domain/time';
import { t } from '../../i18n';
import { classifyFailure } from '../delivery';
import { isUndeliverableTo, recipientsOf } from '../../app/followups';
import { checkInJobId, newJob, payloadString } from '../../domain/scheduled-jobs';
import { ensureJob } from '../../app/jobs';
import { personalConversation } from '../recipients';
import { rowView } from '../rows';
import { markUndeliverable } from './reminder';
import type { JobContext, JobHandler, JobOutcome } from './types';

async function plan(ctx: JobContext): Promise<JobOutcome> {
  const meetingId = payloadString(ctx.job, 'meetingId');
  const meeting = (await ctx.deps.store.meetings.get(ctx.job.forumId, meetingId))?.value;
  if (!meeting || meeting.status === 'closed' || meeting.date <= localDate(ctx.now)) return { status: 'nothing-to-send', reason: 'meeting gone or held' };
  const open = (await ctx.deps.store.followUps.listByForum(ctx.job.forumId)).filter((f) => f.status === 'open');
  const users = new Set(open.flatMap((f) => recipientsOf(f).filter((u) => !isUndeliverableTo(f, u))));
  for (const userId of users) {
    const job = newJob(checkInJobId(meetingId, userId), ctx.job.forumId, 'check-in', ctx.now, { type: 'card', meetingId, userId, meetingDate: meeting.date });
    await ensureJob(ctx.deps, job);
  }
  return { status: 'done' };
}

async function card(ctx: JobContext): Promise<JobOutcome> {
  const userId = payloadString(ctx.job, 'userId');
  const meetingDate = payloadString(ctx.job, 'meetingDate');
  const forum = await ctx.cache.forum(ctx.job.forumId);
  if (!forum) return { status: 'nothing-to-send', reason: 'forum gone' };
  const today = localDate(ctx.now);
  if (today >= meetingDate) return { status: 'nothing-to-send', reason: 'stale' };
  const mine = (await ctx.deps.store.followUps.listOpenByAssignee(userId)).filter((f) => f.forumId === forum.id && !isUndeliverableTo(f, userId));
  if (mine.length === 0) return { status: 'nothing-to-send', reason: 'no open follow-ups' };
  const locale = await personLocale(ctx.deps, userId, forum.locale);
  const rows = await Promise.all(mine.map((f) => rowView(ctx.cache, forum, f, { userId, cardDate: today, locale, where: 'personal' })));
  const message = { cards: [checkInCard(locale, { jobId: ctx.job.id, meetingDate, rows })], summary: t(locale, 'checkin.summary') };
  try {
    const conversation = await personalConversation(ctx.deps, ctx.delivery, forum, userId);
    const items = mine.map((f) => ({ forumId: f.forumId, followUpId: f.id }));
    return { status: 'sent', activityId: await ctx.sendOnce(conversation, message, { record: { items }, last: true }) };
  } catch (e) {
    if (classifyFailure(e) !== 'undeliverable') throw e;
    return markUndeliverable(ctx, mine, userId, e);
  }
}

export const checkInHandler: JobHandler = {
  run: (ctx) => (ctx.job.payload.type === 'plan' ? plan(ctx) : card(ctx)),
};
