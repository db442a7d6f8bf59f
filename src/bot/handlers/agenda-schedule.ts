/** "Planlæg udsendelse": the agenda is posted at a date and time (Europe/Copenhagen). */
import { scheduleAgenda } from '../../app/schedule-agenda';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import type { VerbHandlerFor } from '../types';

export const agendaScheduleVerb: VerbHandlerFor<'agenda.schedule'> = async (ctx) => {
  const { forumId, meetingId, publishDate, publishTime } = ctx.data;
  const meeting = await scheduleAgenda(ctx.deps, { forumId, meetingId, actor: ctx.actor, at: { date: publishDate, time: publishTime } });
  ctx.log.info({ meetingId, publishAt: meeting.value.publishAt }, 'agenda scheduled');
  return { card: agendaPreviewCard(meeting.value, [], ctx.locale) };
};
