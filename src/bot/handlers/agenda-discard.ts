/** "Kassér" on the preview card: the draft agenda (and any scheduled publishing) is thrown away. */
import { discardAgenda } from '../../app/schedule-agenda';
import { t } from '../../i18n';
import type { VerbHandlerFor } from '../types';

export const agendaDiscardVerb: VerbHandlerFor<'agenda.discard'> = async (ctx) => {
  await discardAgenda(ctx.deps, { forumId: ctx.data.forumId, meetingId: ctx.data.meetingId, actor: ctx.actor });
  ctx.log.info({ meetingId: ctx.data.meetingId }, 'agenda discarded');
  return { message: t(ctx.locale, 'meeting.discarded') };
};
