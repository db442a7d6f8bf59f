/** The forum's follow-up at a glance ("opfølgning", the side panel, the agenda's follow-up item). */
import type { AgendaItem, Forum } from '../domain';
import { localDate } from '../domain';
import type { FollowUpStatusView } from '../cards/follow-up-status';
import { lastMeetings, lastQuarter, meetingsSinceLast, onTimeShare, outcomesByMeeting } from '../domain/figures';
import type { AppDeps } from './deps';

/** Figures for the last six meetings held and the last quarter, as of the clock's today. */
export async function followUpStatus(deps: AppDeps, forum: Pick<Forum, 'id' | 'name'>): Promise<FollowUpStatusView> {
  const today = localDate(deps.clock.now());
  const [meetings, followUps] = await Promise.all([deps.store.meetings.listByForum(forum.id), deps.store.followUps.listByForum(forum.id)]);
  return {
    forumName: forum.name,
    today,
    meetings: outcomesByMeeting(followUps, lastMeetings(meetings, today)),
    quarter: onTimeShare(followUps, today),
    period: lastQuarter(today),
  };
}

/** The standing item that shows the follow-up figures: "Opfølgning på beslutninger" (or "Follow-up on decisions"). */
export function isFollowUpItem(item: Pick<AgendaItem, 'title' | 'closed'>): boolean {
  return !item.closed && /^(opfølgning på beslutninger|follow-up on decisions)\b/i.test(item.title.trim());
}

/**
 * Figures for the agenda's follow-up item: the meetings held since the last one before `meetingDate`
 * (every meeting on the latest date before it), and the quarter's share on time as of today.
 */
export async function followUpSinceLastMeeting(deps: AppDeps, forum: Pick<Forum, 'id' | 'name'>, meetingDate: string): Promise<FollowUpStatusView> {
  const today = localDate(deps.clock.now());
  const [meetings, followUps] = await Promise.all([deps.store.meetings.listByForum(forum.id), deps.store.followUps.listByForum(forum.id)]);
  const since = meetingsSinceLast(meetings, meetingDate, today);
  return { forumName: forum.name, today, meetings: outcomesByMeeting(followUps, since), quarter: onTimeShare(followUps, today), period: lastQuarter(today) };
}
