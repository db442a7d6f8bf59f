/** Turns follow-ups into the rows of reminder and check-in cards (loads meetings for their headings). */
import { followUpTextFor, itemHeading, ownerName } from '../cards/common';
import type { FollowUpRowView, RowState } from '../cards/reminders';
import type { FollowUp, Forum, Locale } from '../domain';
import type { Where } from '../domain/visibility';
import { localDate } from '../domain/time';
import type { ReadCache } from '../app/read-cache';
import { dayNumber } from '../domain/calendar';

/** What the card shows about the latest answer, if it came on or after the card's date. */
export function rowState(f: FollowUp, cardDate: string): { state: RowState; stateDate: string | null } {
  if (f.status === 'done' || f.status === 'dismissed') return { state: 'done', stateDate: null };
  const answer = f.reminders?.lastAnswer;
  if (!answer || localDate(new Date(answer.at)) < cardDate) return { state: 'open', stateDate: null };
  switch (answer.kind) {
    case 'postpone':
      return { state: 'postponed', stateDate: f.due?.due ?? null };
    case 'snooze':
      return { state: 'snoozed', stateDate: f.reminders?.snoozedUntil ?? null };
    case 'late':
      return { state: 'late', stateDate: f.reminders?.checkIn?.newDate ?? null };
    case 'on-track':
      return { state: 'on-track', stateDate: null };
    case 'done':
      return { state: 'done', stateDate: null };
  }
}

export async function rowView(
  cache: ReadCache,
  forum: Pick<Forum, 'name'>,
  f: FollowUp,
  o: { userId: string; cardDate: string; locale: Locale; where: Where },
): Promise<FollowUpRowView> {
  const meeting = await cache.meeting(f.forumId, f.meetingId);
  // An item that cannot be found counts as closed.
  const item = meeting?.items.find((i) => i.number === f.itemNumber) ?? { number: f.itemNumber, title: '', closed: true };
  return {
    forumId: f.forumId,
    followUpId: f.id,
    text: followUpTextFor(f.text, item.closed, o.where, o.locale),
    forumName: meeting?.forumName || forum.name,
    meetingDate: meeting?.date ?? null,
    itemHeading: itemHeading(item, o.locale),
    owner: f.owner ? ownerName(f.owner, o.locale) : '',
    delegated: f.delegateUserId === o.userId && !f.assignees.includes(o.userId),
    due: f.due,
    daysLeft: f.due ? dayNumber(f.due.due) - dayNumber(o.cardDate) : null,
    ...rowState(f, o.cardDate),
  };
}
