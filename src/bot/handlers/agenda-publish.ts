/**
 * "Udsend nu" on the preview card, and the command "publicér": the agenda goes to the channel now.
 * The click is answered at once ("Publicerer dagsordenen …"); the posting runs after the answer
 * (src/app/publish-request.ts) and the answer is updated to "Dagsordenen er offentliggjort" when done.
 */
import { withoutActions } from '../../app/notify';
import { requestPublish } from '../../app/publish-request';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { requireManager } from '../roles';
import type { CommandHandler, VerbHandlerFor } from '../types';
import { answerIn, cardMeeting, notFound, pickMeeting, withNote } from './meeting-common';

export const agendaPublishVerb: VerbHandlerFor<'agenda.publish'> = async (ctx) => {
  const { meeting } = await cardMeeting(ctx, ctx.data.meetingId);
  const publishing = t(ctx.locale, 'meeting.publish.publishing');
  const answer = answerIn(ctx, ctx.replyToId, publishing);
  const requested = await requestPublish(ctx.deps, { forumId: meeting.value.forumId, meetingId: meeting.value.id, actor: ctx.actor, answer });
  ctx.log.info({ meetingId: meeting.value.id, items: meeting.value.items.length, alreadyPublished: requested.alreadyPublished }, 'agenda publishing started');
  const preview = agendaPreviewCard(requested.meeting, [], ctx.locale);
  if (requested.alreadyPublished) return { card: withNote(preview, t(ctx.locale, 'meeting.publish.published')) };
  return { card: withNote(withoutActions(preview), publishing) };
};

/** The command publishes the forum's next agenda that is not out yet. */
export const agendaPublishCommand: CommandHandler = async (ctx) => {
  requireManager(ctx);
  const next = await pickMeeting(ctx, ['draft', 'scheduled'], localDate(ctx.deps.clock.now()), 'upcoming');
  if (!next) throw notFound('no agenda to publish', 'meeting.publish.none');
  const answer = answerIn(ctx, null, t(ctx.locale, 'meeting.publish.publishing'));
  await requestPublish(ctx.deps, { forumId: next.value.forumId, meetingId: next.value.id, actor: ctx.actor, answer });
  ctx.log.info({ meetingId: next.value.id, items: next.value.items.length }, 'agenda publishing started');
};
