/**
 * The agenda's cards as each viewer sees them, and keeping the posted ones up to date in place.
 * Closed items: in a channel only "Lukket punkt", whoever looks; their content goes 1:1 only.
 */
import type { Forum, ItemResponse, Meeting, Member } from '../domain';
import { asAppError, canManageMeetings } from '../domain';
import { agendaOverviewCard } from '../cards/agenda-overview';
import { type Audience, itemCard } from '../cards/item-card';
import type { CardJson } from '../cards/render';
import { type AgendaTally, NO_RESPONSES, tallyResponses } from '../cards/tally';
import { agendaFollowUpCharts } from '../cards/follow-up-status';
import { findItem } from './access';
import { followUpSinceLastMeeting, isFollowUpItem } from './follow-up-status';
import type { AppDeps } from './deps';
import { mayShowClosed, type Where } from '../domain/visibility';

export type { Where } from '../domain/visibility';

/** Members who can respond to items: everyone on the roster but the secretary. */
function responders(forum: Forum): Member[] {
  return forum.members.filter((m) => m.role !== 'secretary');
}

export function responderCount(forum: Forum): number {
  return responders(forum).length;
}

/** The tally counts the people it says it counts: the responders' responses only (not the secretary's). */
export function agendaTally(forum: Forum, responses: readonly ItemResponse[]): AgendaTally {
  const counted = new Set(responders(forum).map((m) => m.userId));
  return tallyResponses(
    responses.filter((r) => counted.has(r.userId)),
    counted.size,
  );
}

/**
 * The base card (viewer null: what the channel shows before, or without, a per-user refresh) offers
 * the secretary's buttons to everyone; the click checks the role, as every click does. Clients that
 * refresh per user (Teams) replace it with each viewer's own view; those that do not (the Agents
 * Playground) would otherwise never show the secretary her buttons.
 */
function offersManagerActions(viewer: Member | null, guest = false): boolean {
  return viewer ? canManageMeetings(viewer) : !guest;
}

/** `guest`: a known viewer who is not on the roster (no buttons of the secretary's for them). */
export async function overviewCardFor(deps: AppDeps, forum: Forum, meeting: Meeting, viewer: Member | null = null, guest = false): Promise<CardJson> {
  const tally = agendaTally(forum, await deps.store.responses.listByMeeting(meeting.id));
  return agendaOverviewCard(meeting, tally, forum.locale, { canManage: offersManagerActions(viewer, guest) });
}

/**
 * One item's card for a viewer (null: the channel post everyone sees before their own refresh).
 * The secretary and chair get the comments and the decision button; a chief their own response.
 */
export async function itemCardFor(
  deps: AppDeps,
  input: { forum: Forum; meeting: Meeting; itemNumber: number; viewer: Member | null; where: Where; responses?: ItemResponse[]; guest?: boolean },
): Promise<CardJson> {
  const { forum, meeting, viewer } = input;
  const item = findItem(meeting, input.itemNumber);
  const locale = forum.locale;
  const ref = { forumId: forum.id, meetingId: meeting.id };
  if (item.closed && !mayShowClosed(input.where)) {
    return itemCard(item, { ...ref, audience: 'channel', responses: { ...NO_RESPONSES, members: 0 }, canDecide: false }, locale);
  }
  const responses = (input.responses ?? (await deps.store.responses.listByItem(meeting.id, item.number))).filter((r) => r.itemNumber === item.number);
  const tally = agendaTally(forum, responses);
  const manager = canManageMeetings(viewer ?? undefined);
  const audience: Audience = !viewer ? 'channel' : manager ? 'secretary' : 'member';
  const own = viewer ? (responses.find((r) => r.userId === viewer.userId) ?? null) : null;
  const decision = (await deps.store.decisions.get(meeting.id, item.number))?.value ?? null;
  const charts = isFollowUpItem(item) ? agendaFollowUpCharts(locale, await followUpSinceLastMeeting(deps, forum, meeting.date)) : [];
  return itemCard(
    item,
    {
      ...ref,
      audience,
      responses: { ...(tally.items[item.number] ?? NO_RESPONSES), members: tally.members },
      own,
      comments: manager ? responses.filter((r) => r.comment).map((r) => ({ userName: r.userName, comment: r.comment ?? '' })) : [],
      decision,
      // The base card is posted while publishing, before the meeting is marked published.
      canDecide: offersManagerActions(viewer, input.guest) && (meeting.status !== 'draft' || !viewer),
      // The secretary is not asked to respond (nor counted): no "Din kommentar til sekretæren" for her.
      canRespond: meeting.status !== 'closed' && viewer?.role !== 'secretary',
      charts,
    },
    locale,
  );
}

/** Card updates are best effort: what was saved stays saved, and Universal Actions refresh the view. */
export async function tryUpdate(deps: AppDeps, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    const err = asAppError(e);
    deps.logger.warn({ what, code: err.code, reason: err.message.split('\n')[0].slice(0, 200) }, 'card update failed');
  }
}

/**
 * Brings a card many people change (overview, summary) up to date through the coalescer
 * (src/app/card-updates.ts). `wait: false` (a click) returns at once and the update follows;
 * otherwise (background work) resolves once an update showing the current state is done.
 * Without a coalescer (CLI, service tests) the update runs now.
 */
export async function updateSharedCard(deps: AppDeps, key: string, update: () => Promise<void>, opts: { wait?: boolean } = {}): Promise<void> {
  if (!deps.cardUpdates) return update();
  const done = deps.cardUpdates.request(key, update);
  if (opts.wait !== false) await done;
}

/** The overview card in the channel, as the meeting stands when the (coalesced) update runs. */
export async function refreshOverviewCard(deps: AppDeps, forum: Forum, meeting: Meeting, opts: { wait?: boolean } = {}): Promise<void> {
  if (!meeting.publication?.overviewActivityId) return;
  await updateSharedCard(deps, `overview|${meeting.id}`, () => updateOverviewCard(deps, forum.id, meeting.id), opts);
}

async function updateOverviewCard(deps: AppDeps, forumId: string, meetingId: string): Promise<void> {
  await tryUpdate(deps, 'overview', async () => {
    const [forum, meeting] = await Promise.all([deps.store.forums.get(forumId), deps.store.meetings.get(forumId, meetingId)]);
    const p = meeting?.value.publication;
    if (!forum || !meeting || !p?.overviewActivityId) return;
    const conversation = await deps.store.conversations.get(p.conversationId);
    if (!conversation) return;
    const card = await overviewCardFor(deps, forum.value, meeting.value);
    await deps.messenger.update(conversation, p.overviewActivityId, { cards: [card] });
  });
}

/** Updates the item's channel card and its members' 1:1 copies (closed items) in place. */
export async function refreshItemCards(deps: AppDeps, forum: Forum, meeting: Meeting, itemNumber: number): Promise<void> {
  const p = meeting.publication;
  if (!p) return;
  const channelId = p.itemActivityIds[String(itemNumber)];
  const [channel, card] = channelId
    ? await Promise.all([deps.store.conversations.get(p.conversationId), itemCardFor(deps, { forum, meeting, itemNumber, viewer: null, where: 'channel' })])
    : [null, null];
  if (channel && channelId && card) {
    await tryUpdate(deps, `item ${itemNumber}`, () => deps.messenger.update(channel, channelId, { cards: [card] }));
  }
  for (const [key, activityId] of Object.entries(p.personalActivityIds ?? {})) {
    const [n, userId] = splitPersonalKey(key);
    const member = forum.members.find((m) => m.userId === userId);
    if (n !== itemNumber || !member) continue;
    const conversation = await deps.store.conversations.getPersonal(userId);
    if (!conversation) continue;
    const card = await itemCardFor(deps, { forum, meeting, itemNumber, viewer: member, where: 'personal' });
    await tryUpdate(deps, `item ${itemNumber} (1:1)`, () => deps.messenger.update(conversation, activityId, { cards: [card] }));
  }
}

export function personalKey(itemNumber: number, userId: string): string {
  return `${itemNumber}:${userId}`;
}

function splitPersonalKey(key: string): [number, string] {
  const i = key.indexOf(':');
  return [Number(key.slice(0, i)), key.slice(i + 1)];
}
