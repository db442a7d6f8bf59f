/**
 * Notices to the secretary (a 'digest'-kind job with payload.type 'notice'): a recipient the bot
 * cannot reach, or a job given up after its retries. Sent to the secretary's 1:1 chat, or to the
 * forum's channel when that fails; the text names people, item numbers and dates, never content.
 */
import { z } from 'zod';
import { formatShortDate } from '../../cards/format';
import type { Forum, Locale } from '../../domain';
import { t } from '../../i18n';
import type { StoredConversation } from '../../store/ports';
import { classifyFailure } from '../delivery';
import { personalConversation, secretariesOf } from '../recipients';
import type { JobContext, JobHandler } from './types';

const noticePayload = z.object({
  reason: z.enum(['failed', 'undeliverable']),
  sourceKind: z.string(),
  error: z.string().default(''),
  userId: z.string().optional(),
  status: z.number().optional(),
  followUps: z.array(z.object({ followUpId: z.string(), meetingId: z.string(), itemNumber: z.number() })).default([]),
});

async function noticeText(ctx: JobContext, forum: Forum, locale: Locale): Promise<string> {
  const p = noticePayload.parse(ctx.job.payload);
  if (p.reason === 'failed') return t(locale, 'notice.failed', { kind: p.sourceKind, error: p.error });
  const dates = new Map((await ctx.deps.store.meetings.listByForum(forum.id)).map((m) => [m.id, m.date]));
  const items = p.followUps
    .map((f) => t(locale, 'notice.itemRef', { number: f.itemNumber, date: dates.has(f.meetingId) ? formatShortDate(locale, dates.get(f.meetingId)!) : '?' }))
    .join(', ');
  const name = forum.members.find((m) => m.userId === p.userId)?.name || p.userId || '?';
  return t(locale, 'notice.undeliverable', { name, status: p.status ?? '?', count: p.followUps.length, items });
}

async function targets(ctx: JobContext, forum: Forum): Promise<(() => Promise<StoredConversation | null>)[]> {
  const secretary = secretariesOf(forum)[0];
  return [
    async () => (secretary ? personalConversation(ctx.deps, ctx.delivery, forum, secretary.userId) : null),
    async () => ctx.deps.store.conversations.get(forum.conversationId),
  ];
}

export const noticeHandler: JobHandler = {
  async run(ctx) {
    const forum = await ctx.cache.forum(ctx.job.forumId);
    if (!forum) return { status: 'nothing-to-send', reason: 'forum gone' };
    const text = await noticeText(ctx, forum, forum.locale);
    let lastError: unknown = null;
    for (const target of await targets(ctx, forum)) {
      try {
        const conversation = await target();
        if (!conversation) continue;
        return { status: 'sent', activityId: await ctx.sendOnce(conversation, { text, summary: text.slice(0, 100) }, { last: true }) };
      } catch (e) {
        if (classifyFailure(e) !== 'undeliverable') throw e;
        lastError = e;
      }
    }
    ctx.log.error({ err: lastError instanceof Error ? lastError.message : null }, 'Neither the secretary nor the forum channel can be reached');
    return { status: 'undeliverable', error: 'secretary and channel unreachable' };
  },
};
