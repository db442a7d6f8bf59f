/** "Planlæg udsendelse": the agenda is posted at a date and time (Europe/Copenhagen). */
import { scheduleAgenda } from '../../app/schedule-agenda';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import type { VerbHandlerFor } from '../types';

export const agendaScheduleVerb: VerbHandlerFor<'agenda.schedule'> = async (ctx) => {
  const { forumId, meetingId, publishDate, publishTime } = ctx.data;
  // The preview card (the button's message) is updated to "offentliggjort" when the job has run.
  const notify = ctx.replyToId
    ? { conversationId: ctx.turn.activity.conversation?.id ?? ctx.conversation.id, activityId: ctx.replyToId, locale: ctx.locale, as: 'card' as const }
    : null;
  const meeting = await scheduleAgenda(ctx.deps, { forumId, meetingId, actor: ctx.actor, at: { date: publishDate, time: publishTime }, notify });
  ctx.log.info({ meetingId, publishAt: meeting.value.publishAt }, 'agenda scheduled');
  return { card: agendaPreviewCard(meeting.value, [], ctx.locale) };
};
