/** The meeting summary in the channel, and keeping its "who has confirmed" up to date. */

import type { CardJson } from '../cards/render';
import { summaryCard } from '../cards/summary';
import type { CascadeReceipt, Decision, Forum, Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { isCommunicationItem } from '../minutes/communications';
import { tryUpdate, updateSharedCard } from './agenda-cards';
import type { AppDeps } from './deps';
import { confirmationOf } from './receipts';

/**
 * The standing communication item's line in the summary: how many messages there are (listed once,
 * with their departments and hold dates, under the summary's own heading), or "Intet".
 */
function messagesPointer(meeting: Meeting, locale: Locale): string {
  const count = meeting.communications.filter((c) => c.text.trim()).length;
  if (count === 0) return t(locale, 'meeting.summary.noMessages');
  return t(locale, count === 1 ? 'meeting.summary.oneMessageBelow' : 'meeting.summary.messagesBelow', { count });
}

/**
 * The recorded decisions plus, for each open standing communication item without one, the messages
 * as its decision (the item records no decision of its own: the messages are what it decided).
 */
export function withMessagesAsDecisions(meeting: Meeting, decisions: readonly Decision[], locale: Locale): Decision[] {
  const recorded = new Set(decisions.map((d) => d.itemNumber));
  const standing = meeting.items.filter((i) => !i.closed && isCommunicationItem(i) && !recorded.has(i.number));
  return [
    ...decisions,
    ...standing.map((i) => ({
      meetingId: meeting.id,
      itemNumber: i.number,
      outcome: 'other' as const,
      outcomeText: t(locale, 'meeting.summary.messages'),
      proposals: [],
      text: messagesPointer(meeting, locale),
      recordedBy: '',
      recordedAt: meeting.closedAt ?? '',
    })),
  ];
}

/**
 * Receipts as the summary shows them: a chief counts as confirmed only when everything sent to them
 * (held messages included) is confirmed; one who confirmed the first messages but not the held ones
 * is still waited for, with how far they got.
 */
export function receiptsForSummary(receipts: readonly CascadeReceipt[], locale: Locale): CascadeReceipt[] {
  return receipts.map((r) => {
    const c = confirmationOf(r);
    if (c.complete || !r.confirmedAt) return r;
    return { ...r, confirmedAt: null, userName: t(locale, 'meeting.summary.partly', { name: r.userName, confirmed: c.confirmed, total: c.delivered }) };
  });
}

export async function summaryCardFor(deps: AppDeps, forum: Forum, meeting: Meeting): Promise<CardJson> {
  const [decisions, followUps, receipts] = await Promise.all([
    deps.store.decisions.listByMeeting(meeting.id),
    deps.store.followUps.listByMeeting(forum.id, meeting.id),
    deps.store.cascade.listByMeeting(meeting.id),
  ]);
  const shown = withMessagesAsDecisions(meeting, decisions, forum.locale);
  return summaryCard(meeting, shown, meeting.communications, followUps, receiptsForSummary(receipts, forum.locale), forum.locale);
}

/**
 * Best effort: the receipt is saved whatever happens to the card; refresh shows it anyway. Coalesced
 * per summary card like the overview (`updateSharedCard`); `wait: false` for a click.
 */
export async function refreshSummaryCard(deps: AppDeps, forum: Forum, meeting: Meeting, opts: { wait?: boolean } = {}): Promise<void> {
  if (!meeting.summaryActivityId) return;
  await updateSharedCard(deps, `summary|${meeting.id}`, () => updateSummaryCard(deps, forum.id, meeting.id), opts);
}

async function updateSummaryCard(deps: AppDeps, forumId: string, meetingId: string): Promise<void> {
  await tryUpdate(deps, 'summary', async () => {
    const [forum, meeting] = await Promise.all([deps.store.forums.get(forumId), deps.store.meetings.get(forumId, meetingId)]);
    const activityId = meeting?.value.summaryActivityId;
    if (!forum || !meeting || !activityId) return;
    const conversation = await deps.store.conversations.get(forum.value.conversationId);
    if (conversation) await deps.messenger.update(conversation, activityId, { cards: [await summaryCardFor(deps, forum.value, meeting.value)] });
  });
}
