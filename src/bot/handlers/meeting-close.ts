/**
 * "Afslut møde": the command, the overview card's button (verb meeting.close) and Teams' meeting-end
 * event all close the meeting: summary in the channel, cascade 1:1 to each chief. Closing twice
 * posts nothing twice. The meeting is closed and the click answered at once ("Afslutter mødet …");
 * the posting runs after the answer (src/app/close-request.ts), which is updated when all is out.
 */
import { overviewCardFor } from '../../app/agenda-cards';
import { closedText } from '../../app/close-meeting';
import { requestClose } from '../../app/close-request';
import { formatDateTime } from '../../cards/format';
import type { Meeting } from '../../domain';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { reply } from '../outgoing';
import { requireManager } from '../roles';
import type { CommandHandler, MeetingEventHandler, TurnInfo, VerbHandlerFor } from '../types';
import { answerIn, cardMeeting, notFound, pickMeeting, withNote } from './meeting-common';

function closingText(ctx: TurnInfo, meeting: Pick<Meeting, 'date' | 'start'>): string {
  return t(ctx.locale, 'meeting.close.closing', { when: formatDateTime(ctx.locale, meeting.date, meeting.start) });
}

export const meetingCloseCommand: CommandHandler = async (ctx) => {
  const { forum } = requireManager(ctx);
  const meeting = await pickMeeting(ctx, ['published'], localDate(ctx.deps.clock.now()));
  if (!meeting) throw notFound('no published meeting', 'meeting.close.none');
  const answer = answerIn(ctx, null, closingText(ctx, meeting.value));
  const requested = await requestClose(ctx.deps, { forumId: forum.value.id, meetingId: meeting.value.id, actor: ctx.actor, answer });
  ctx.log.info({ meetingId: meeting.value.id, alreadyClosed: requested.alreadyClosed }, 'meeting closed');
  if (requested.alreadyClosed) await reply(ctx, { text: closedText(ctx.locale, requested.meeting, [], true) });
};

export const meetingCloseVerb: VerbHandlerFor<'meeting.close'> = async (ctx) => {
  const { forum, meeting } = await cardMeeting(ctx, ctx.data.meetingId);
  const answer = answerIn(ctx, ctx.replyToId, closingText(ctx, meeting.value));
  const requested = await requestClose(ctx.deps, { forumId: forum.id, meetingId: meeting.value.id, actor: ctx.actor, answer });
  ctx.log.info({ meetingId: meeting.value.id, alreadyClosed: requested.alreadyClosed }, 'meeting closed');
  const card = await overviewCardFor(ctx.deps, forum, requested.meeting, ctx.member ?? null);
  const note = requested.alreadyClosed ? closedText(ctx.locale, requested.meeting, [], true) : closingText(ctx, requested.meeting);
  return { card: withNote(card, note) };
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
  const requested = await requestClose(ctx.deps, { forumId: ctx.forum.value.id, meetingId: today.id });
  ctx.log.info({ meetingId: today.id, alreadyClosed: requested.alreadyClosed }, 'meeting closed by the meeting-end event');
};
