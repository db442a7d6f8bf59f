/**
 * "dagsorden" / "agenda": the next meeting's overview card. The secretary and chair asking in 1:1
 * chat also see an agenda that is not out yet (as its preview, with the buttons).
 */
import { overviewCardFor } from '../../app/agenda-cards';
import { nextMeeting } from '../../app/queries';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import { canManageMeetings } from '../../domain';
import { t } from '../../i18n';
import { reply, replyCard } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';
import { whereOf } from './meeting-common';

export const agendaShow: CommandHandler = async (ctx) => {
  const forum = requireForum(ctx).value;
  const drafts = canManageMeetings(ctx.member) && whereOf(ctx) === 'personal';
  const meeting = await nextMeeting(ctx.deps, forum.id, { includeUnpublished: drafts });
  if (!meeting) {
    await reply(ctx, { text: t(ctx.locale, 'meeting.none') });
    return;
  }
  const m = meeting.value;
  const card =
    m.status === 'draft' || m.status === 'scheduled'
      ? agendaPreviewCard(m, [], ctx.locale)
      : await overviewCardFor(ctx.deps, forum, m, ctx.member ?? null, !ctx.member);
  await replyCard(ctx, card, m.forumName);
};
