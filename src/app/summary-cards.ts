/** The meeting summary in the channel, and keeping its "who has confirmed" up to date. */
import { summaryCard } from '../cards/summary';
import type { CardJson } from '../cards/render';
import type { Forum, Meeting } from '../domain';
import { tryUpdate } from './agenda-cards';
import type { AppDeps } from './deps';

export async function summaryCardFor(deps: AppDeps, forum: Forum, meeting: Meeting): Promise<CardJson> {
  const [decisions, followUps, receipts] = await Promise.all([
    deps.store.decisions.listByMeeting(meeting.id),
    deps.store.followUps.listByMeeting(forum.id, meeting.id),
    deps.store.cascade.listByMeeting(meeting.id),
  ]);
  return summaryCard(meeting, decisions, meeting.communications, followUps, receipts, forum.locale);
}

/** Best effort: the receipt is saved whatever happens to the card; refresh shows it anyway. */
export async function refreshSummaryCard(deps: AppDeps, forum: Forum, meeting: Meeting): Promise<void> {
  const activityId = meeting.summaryActivityId;
  if (!activityId) return;
  await tryUpdate(deps, 'summary', async () => {
    const conversation = await deps.store.conversations.get(forum.conversationId);
    if (conversation) await deps.messenger.update(conversation, activityId, { cards: [await summaryCardFor(deps, forum, meeting)] });
  });
}
