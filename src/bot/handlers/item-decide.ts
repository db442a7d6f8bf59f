/**
 * "Registrér beslutning" on an item card: the decision form, pre-filled with the recorded decision and
 * the follow-ups the minutes core finds; for the standing communication item, the messages form.
 * A closed item's form is only given in 1:1 chat.
 */
import { findItem } from '../../app/access';
import { decisionFormOptions } from '../../app/decision-form';
import { communicationsVersion } from '../../app/save-communications';
import { mayShowClosed } from '../../domain/visibility';
import { communicationsFormCard } from '../../cards/communications-form';
import { decisionFormCard } from '../../cards/decision-form';
import type { CardJson } from '../../cards/render';
import type { AgendaItem, FollowUpSuggestion, Forum, Meeting } from '../../domain';
import { t } from '../../i18n';
import { isCommunicationItem, parseCommunicationLines } from '../../minutes/communications';
import type { TurnInfo, VerbHandlerFor } from '../types';
import { cardMeeting, whereOf } from './meeting-common';

/**
 * The decision form for an item: the recorded decision (and its version) with its follow-ups, or,
 * before one is recorded, the follow-ups found in the item's text; `suggestions`: those found in a
 * text just saved (src/app/decision-form.ts).
 */
export async function decisionForm(
  ctx: TurnInfo,
  forum: Forum,
  meeting: Meeting,
  item: AgendaItem,
  opts: { suggestions?: FollowUpSuggestion[] } = {},
): Promise<CardJson> {
  return decisionFormCard(item, await decisionFormOptions(ctx.deps, { forum, meeting, item, fresh: opts.suggestions }), ctx.locale);
}

/** Before anything is saved, the form starts from the messages the document itself holds (minutes). */
function withDocumentMessages(meeting: Meeting, item: AgendaItem): Meeting {
  if (meeting.communications.length > 0 || !item.decision) return meeting;
  const drafts = parseCommunicationLines(item.decision, meeting.date);
  return { ...meeting, communications: drafts.map((d, i) => ({ ...d, id: `draft-${i}` })) };
}

export const itemDecide: VerbHandlerFor<'item.decide'> = async (ctx) => {
  const { forum, meeting } = await cardMeeting(ctx, ctx.data.meetingId);
  const item = findItem(meeting.value, ctx.data.itemNumber);
  if (item.closed && !mayShowClosed(whereOf(ctx))) return { message: t(ctx.locale, 'meeting.decide.closed-in-channel') };
  if (isCommunicationItem(item)) {
    const options = { departments: forum.departments, version: communicationsVersion(meeting.value) };
    return { card: communicationsFormCard(withDocumentMessages(meeting.value, item), item, options, ctx.locale) };
  }
  return { card: await decisionForm(ctx, forum, meeting.value, item) };
};
