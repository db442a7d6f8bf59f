/** "Gem mødets oplysninger" on the preview card: forum name, date, start and place as the secretary gives them. */
import { updateAgendaDetails } from '../../app/agenda-details';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import type { VerbHandlerFor } from '../types';

export const agendaDetailsVerb: VerbHandlerFor<'agenda.details'> = async (ctx) => {
  const { forumId, meetingId, ...details } = ctx.data;
  const meeting = await updateAgendaDetails(ctx.deps, { forumId, meetingId, actor: ctx.actor, details });
  ctx.log.info({ meetingId, date: meeting.value.date }, 'agenda details saved');
  return { card: agendaPreviewCard(meeting.value, [], ctx.locale) };
};
