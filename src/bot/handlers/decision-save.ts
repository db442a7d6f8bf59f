/**
 * "Gem beslutning" on the decision form. A conflict (someone else saved meanwhile) or any other error
 * comes back as the error card with everything typed. When the saved text holds follow-ups the form
 * did not offer yet, the form comes back with them pre-filled for the secretary to confirm.
 * The form → follow-ups mapping is shared with the side panel (src/app/decision-form.ts).
 */
import { findItem } from '../../app/access';
import { itemCardFor } from '../../app/agenda-cards';
import { saveDecisionForm } from '../../app/decision-form';
import { mayShowClosed } from '../../domain/visibility';
import { AppError } from '../../domain';
import { t } from '../../i18n';
import type { VerbHandlerFor } from '../types';
import { decisionForm } from './item-decide';
import { cardMeeting, whereOf, withNote } from './meeting-common';

export const decisionSave: VerbHandlerFor<'decision.save'> = async (ctx) => {
  const d = ctx.data;
  const { forum, meeting } = await cardMeeting(ctx, d.meetingId);
  const item = findItem(meeting.value, d.itemNumber);
  // Its form (and its answer) would show the closed content: it is only offered in 1:1 chat.
  if (item.closed && !mayShowClosed(whereOf(ctx))) {
    throw new AppError('forbidden', 'A closed item’s decision is saved in 1:1 chat', { messageKey: 'meeting.decide.closed-in-channel' });
  }
  const { result, fresh } = await saveDecisionForm(ctx.deps, { forum, meeting: meeting.value, actor: ctx.actor, data: d });
  ctx.log.info({ meetingId: d.meetingId, itemNumber: d.itemNumber, followUps: result.followUps.length, unchanged: result.unchanged }, 'decision recorded');
  if (fresh.length > 0) {
    const form = await decisionForm(ctx, forum, meeting.value, item, { suggestions: fresh });
    return { card: withNote(form, t(ctx.locale, 'meeting.decision.suggestions', { count: fresh.length })) };
  }
  const viewer = ctx.member ?? null;
  return { card: await itemCardFor(ctx.deps, { forum, meeting: meeting.value, itemNumber: item.number, viewer, where: whereOf(ctx) }) };
};
