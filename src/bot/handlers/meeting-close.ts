/**
 * "Afslut møde": the command, the overview card's button (verb meeting.close) and Teams' meeting-end
 * event all close the meeting: summary in the channel, cascade 1:1 to each chief. Closing twice
 * posts nothing twice.
 */
import { overviewCardFor } from '../../app/agenda-cards';
import { type ClosedMeeting, closeMeeting } from '../../app/close-meeting';
import { formatDateTime } from '../../cards/format';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { reply } from '../outgoing';
import { requireManager } from '../roles';
import type { CommandHandler, MeetingEventHandler, TurnInfo, VerbHandlerFor } from '../types';
import { cardMeeting, pickMeeting, notFound } from './meeting-common';

function closedText(ctx: TurnInfo, closed: ClosedMeeting): string {
  const when = formatDateTime(ctx.locale, closed.meeting.date, closed.meeting.start);
  if (closed.alreadyClosed) return t(ctx.locale, 'meeting.already-closed', { when });
  return t(ctx.locale, 'meeting.closed', { when, chiefs: closed.receipts.filter((r) => r.deliveredAt).length });
}

export const meetingCloseCommand: CommandHandler = async (ctx) => {
  const { forum } = requireManager(ctx);
  const meeting = await pickMeeting(ctx, ['published'], localDate(ctx.deps.clock.now()));
  if (!meeting) throw notFound('no published meeting', 'meeting.close.none');
  const closed = await closeMeeting(ctx.deps, { forumId: forum.value.id, meetingId: meeting.value.id, actor: ctx.actor });
  ctx.log.info({ meetingId: meeting.value.id, alreadyClosed: closed.alreadyClosed }, 'meeting closed');
  await reply(ctx, { text: closedText(ctx, closed) });
};

export const meetingCloseVerb: VerbHandlerFor<'meeting.close'> = async (ctx) => {
  const closed = await closeMeeting(ctx.deps, { forumId: ctx.data.forumId, meetingId: ctx.data.meetingId, actor: ctx.actor });
  ctx.log.info({ meetingId: ctx.data.meetingId, alreadyClosed: closed.alreadyClosed }, 'meeting closed');
  await reply(ctx, { text: closedText(ctx, closed) });
  const { forum, meeting } = await cardMeeting(ctx, ctx.data.meetingId);
  return { card: await overviewCardFor(ctx.deps, forum, meeting.value, ctx.member ?? null) };
};

/**
 * Teams' meeting-end event in the forum's channel or chat: closes the forum's published meeting of
 * that day, if there is one. The event is flaky, so "afslut møde" stays the way that always works.
 */
export const meetingEnd: MeetingEventHandler = async (ctx, event) => {
  if (!ctx.forum) return;
  const day = localDate(event.at ? new Date(event.at) : ctx.deps.clock.now());
  const all = await ctx.deps.store.meetings.listByForum(ctx.forum.value.id);
  const today = all.find((m) => m.status === 'published' && m.date === day);
  if (!today) {
    ctx.log.info({ day }, 'meeting end: no published meeting that day');
    return;
  }
  const closed = await closeMeeting(ctx.deps, { forumId: ctx.forum.value.id, meetingId: today.id });
  ctx.log.info({ meetingId: today.id, alreadyClosed: closed.alreadyClosed }, 'meeting closed by the meeting-end event');
};
