/** A chief on an item card: comment (an edit replaces it), "læst", "ønsker drøftelse" → their refreshed card. */
import { itemCardFor } from '../../app/agenda-cards';
import { respondToItem } from '../../app/respond-to-item';
import type { VerbHandlerFor } from '../types';
import { cardMeeting, whereOf } from './meeting-common';

type Verbs = 'item.comment' | 'item.read' | 'item.discuss';

export const itemRespond: VerbHandlerFor<Verbs> = async (ctx) => {
  const d = ctx.data;
  const change = 'comment' in d ? { comment: d.comment } : 'read' in d ? { read: d.read } : { wantsDiscussion: d.wantsDiscussion };
  const { responses } = await respondToItem(ctx.deps, { forumId: d.forumId, meetingId: d.meetingId, itemNumber: d.itemNumber, actor: ctx.actor, ...change });
  ctx.log.info({ verb: ctx.verb, meetingId: d.meetingId, itemNumber: d.itemNumber }, 'item response saved');
  const { forum, meeting } = await cardMeeting(ctx, d.meetingId);
  const viewer = ctx.member ?? null;
  const card = await itemCardFor(ctx.deps, { forum, meeting: meeting.value, itemNumber: d.itemNumber, viewer, where: whereOf(ctx), responses });
  return { card };
};
