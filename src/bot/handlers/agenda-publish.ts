/** "Udsend nu" on the preview card, and the command "publicér": the agenda goes to the channel now. */
import { publishAgenda } from '../../app/publish-agenda';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import { formatDateTime } from '../../cards/format';
import type { Meeting } from '../../domain';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { reply } from '../outgoing';
import { requireManager } from '../roles';
import type { CommandHandler, TurnInfo, VerbHandlerFor } from '../types';
import { cardMeeting, pickMeeting, notFound } from './meeting-common';

async function publish(ctx: TurnInfo, meeting: Meeting): Promise<Meeting> {
  await publishAgenda(ctx.deps, { forumId: meeting.forumId, meetingId: meeting.id, actor: ctx.actor });
  const published = (await cardMeeting(ctx, meeting.id)).meeting.value;
  ctx.log.info({ meetingId: meeting.id, items: meeting.items.length }, 'agenda published');
  return published;
}

function doneText(ctx: TurnInfo, meeting: Meeting): string {
  return t(ctx.locale, 'meeting.publish.done', { when: formatDateTime(ctx.locale, meeting.date, meeting.start), items: meeting.items.length });
}

export const agendaPublishVerb: VerbHandlerFor<'agenda.publish'> = async (ctx) => {
  const { meeting } = await cardMeeting(ctx, ctx.data.meetingId);
  const published = await publish(ctx, meeting.value);
  await reply(ctx, { text: doneText(ctx, published) });
  return { card: agendaPreviewCard(published, [], ctx.locale) };
};

/** The command publishes the forum's next agenda that is not out yet. */
export const agendaPublishCommand: CommandHandler = async (ctx) => {
  requireManager(ctx);
  const next = await pickMeeting(ctx, ['draft', 'scheduled'], localDate(ctx.deps.clock.now()), 'upcoming');
  if (!next) throw notFound('no agenda to publish', 'meeting.publish.none');
  await reply(ctx, { text: doneText(ctx, await publish(ctx, next.value)) });
};
