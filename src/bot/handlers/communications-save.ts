/** "Gem beskeder" on the messages form of the standing communication item → the item card, saying what was saved. */
import { itemCardFor } from '../../app/agenda-cards';
import { saveCommunications } from '../../app/save-communications';
import type { VerbHandlerFor } from '../types';
import { savedMessagesNote } from '../../cards/communications-form';
import { cardMeeting, whereOf, withNote } from './meeting-common';

export const communicationsSave: VerbHandlerFor<'communications.save'> = async (ctx) => {
  const d = ctx.data;
  const saved = await saveCommunications(ctx.deps, {
    forumId: d.forumId,
    meetingId: d.meetingId,
    actor: ctx.actor,
    lines: d.messages,
    version: d.version,
    itemNumber: d.itemNumber,
  });
  ctx.log.info({ meetingId: d.meetingId, messages: saved.value.communications.length }, 'communications saved');
  const { forum } = await cardMeeting(ctx, d.meetingId);
  const viewer = ctx.member ?? null;
  const card = await itemCardFor(ctx.deps, { forum, meeting: saved.value, itemNumber: d.itemNumber, viewer, where: whereOf(ctx) });
  return { card: withNote(card, savedMessagesNote(saved.value.communications, ctx.locale)) };
};
