/** Turns follow-ups into the rows of reminder and check-in cards (loads meetings for their headings). */
import type { AppDeps } from '../app/deps';
import { itemHeading } from '../cards/common';
import type { FollowUpRowView, RowState } from '../cards/reminders';
import type { FollowUp, Forum, Locale, Meeting } from '../domain';
import { localDate } from '../domain/time';
import { dayNumber } from './calendar';

/** Meetings by forum and id, each read once. */
export class MeetingCache {
  private readonly cache = new Map<string, Promise<Meeting | null>>();
  constructor(private readonly deps: AppDeps) {}

  get(forumId: string, meetingId: string): Promise<Meeting | null> {
    const key = `${forumId}\u0000${meetingId}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.deps.store.meetings.get(forumId, meetingId).then((m) => m?.value ?? null);
      this.cache.set(key, hit);
    }
    return hit;
  }
}

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
  meetings: MeetingCache,
  forum: Pick<Forum, 'name'>,
  f: FollowUp,
  o: { userId: string; cardDate: string; locale: Locale },
): Promise<FollowUpRowView> {
  const meeting = await meetings.get(f.forumId, f.meetingId);
  const item = meeting?.items.find((i) => i.number === f.itemNumber);
  const heading = itemHeading(item ?? { number: f.itemNumber, title: '', closed: true }, o.locale);
  return {
    forumId: f.forumId,
    followUpId: f.id,
    text: f.text,
    forumName: meeting?.forumName || forum.name,
    meetingDate: meeting?.date ?? null,
    itemHeading: heading,
    owner: f.owner?.name ?? '',
    delegated: f.delegateUserId === o.userId && !f.assignees.includes(o.userId),
    due: f.due,
    daysLeft: f.due ? dayNumber(f.due.due) - dayNumber(o.cardDate) : null,
    ...rowState(f, o.cardDate),
  };
}
