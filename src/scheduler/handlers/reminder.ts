/**
 * 'reminder' job (one per person per day): first keeps the person's chain going (their next reminder
 * day), then sends one card with every follow-up due a reminder today, computed from current data.
 */
import { personLocale } from '../../app/person-locale';
import { reminderCard } from '../../cards/reminders';
import type { FollowUp, Forum } from '../../domain';
import { localDate } from '../../domain/time';
import { t } from '../../i18n';
import { classifyFailure, failureStatus } from '../delivery';
import { isUndeliverableTo, updateFollowUp } from '../../app/followups';
import { payloadString } from '../../domain/scheduled-jobs';
import { noticeSecretary } from '../notices';
import { reminderReasonOn } from '../../domain/reminder-policy';
import { personalConversation } from '../recipients';
import { ensureNextReminder } from '../../app/reminders';
import { rowView } from '../rows';
import type { JobContext, JobHandler, JobOutcome } from './types';

/** Records on each follow-up that this user cannot be reached, and tells each forum's secretary. */
export async function markUndeliverable(ctx: JobContext, followUps: FollowUp[], userId: string, e: unknown): Promise<JobOutcome> {
  const status = failureStatus(e) ?? 0;
  const at = ctx.now.toISOString();
  for (const f of followUps) {
    await updateFollowUp(ctx.deps, f.forumId, f.id, (cur) => {
      if (isUndeliverableTo(cur, userId)) return null;
      const state = { snoozedUntil: null, lastAnswer: null, checkIn: null, undeliverable: [], ...cur.reminders };
      return { ...cur, reminders: { ...state, undeliverable: [...state.undeliverable, { userId, status, at }] }, updatedAt: at };
    });
  }
  const error = e instanceof Error ? e.message : String(e);
  for (const forumId of new Set(followUps.map((f) => f.forumId))) {
    const refs = followUps.filter((f) => f.forumId === forumId).map((f) => ({ followUpId: f.id, meetingId: f.meetingId, itemNumber: f.itemNumber }));
    await noticeSecretary(ctx, 'undeliverable', error, { userId, status, followUps: refs }, forumId);
  }
  ctx.log.warn({ userId, status, count: followUps.length }, 'Recipient cannot be reached; secretary will be told');
  return { status: 'undeliverable', error: `undeliverable (${status}): ${error}`.slice(0, 300) };
}

function dueToday(followUps: FollowUp[], forums: Map<string, Forum | null>, userId: string, date: string): FollowUp[] {
  return followUps.filter((f) => {
    const forum = forums.get(f.forumId);
    return !!forum && !isUndeliverableTo(f, userId) && reminderReasonOn(f, date, forum.reminderPolicy) !== null;
  });
}

/**
 * A catch-up is not needed when the person's cascade card from the follow-up's meeting, which lists
 * their open follow-ups, reached them that same day.
 */
async function withoutCoveredCatchUps(ctx: JobContext, due: FollowUp[], forums: Map<string, Forum | null>, userId: string, date: string): Promise<FollowUp[]> {
  const kept: FollowUp[] = [];
  for (const f of due) {
    if (reminderReasonOn(f, date, forums.get(f.forumId)!.reminderPolicy) === 'catch-up') {
      const receipt = await ctx.deps.store.cascade.get(f.meetingId, userId);
      const delivered = receipt?.value.deliveredAt;
      if (delivered && localDate(new Date(delivered)) === date) continue;
    }
    kept.push(f);
  }
  return kept;
}

export const reminderHandler: JobHandler = {
  async run(ctx) {
    const userId = payloadString(ctx.job, 'userId');
    const date = payloadString(ctx.job, 'date');
    const followUps = await ctx.deps.store.followUps.listOpenByAssignee(userId);
    const forums = await ctx.cache.forumsById(followUps.map((f) => f.forumId));
    const after = new Date(Math.max(ctx.now.getTime(), Date.parse(ctx.job.dueAt)));
    await ensureNextReminder(ctx.deps, userId, followUps, forums, after);
    // A sweep that comes days late does not send yesterday's reminder; the chain has the next one.
    if (localDate(ctx.now) > date) return { status: 'nothing-to-send', reason: 'stale' };
    const due = await withoutCoveredCatchUps(ctx, dueToday(followUps, forums, userId, date), forums, userId, date);
    if (due.length === 0) return { status: 'nothing-to-send', reason: 'no follow-up due a reminder' };
    const forum = forums.get(due[0].forumId)!;
    const locale = await personLocale(ctx.deps, userId, forum.locale);
    const rows = await Promise.all(due.map((f) => rowView(ctx.cache, forums.get(f.forumId)!, f, { userId, cardDate: date, locale, where: 'personal' })));
    const card = reminderCard(locale, { jobId: ctx.job.id, rows });
    const items = due.map((f) => ({ forumId: f.forumId, followUpId: f.id }));
    try {
      const conversation = await personalConversation(ctx.deps, ctx.delivery, forum, userId);
      const message = { cards: [card], summary: t(locale, 'reminder.summary', { count: due.length }) };
      const activityId = await ctx.sendOnce(conversation, message, { record: { items }, last: true });
      return { status: 'sent', activityId };
    } catch (e) {
      if (classifyFailure(e) !== 'undeliverable') throw e;
      return markUndeliverable(ctx, due, userId, e);
    }
  },
};
