/** The forum's follow-up at a glance ("opfølgning", the side panel, the agenda's follow-up item). */
import type { Forum } from '../domain';
import { localDate } from '../domain';
import { lastMeetings, lastQuarter, type MeetingOutcomes, onTimeShare, outcomesByMeeting, type Share } from '../domain/figures';
import type { AppDeps } from './deps';

export interface FollowUpStatusView {
  forumName: string;
  /** YYYY-MM-DD the figures are for. */
  today: string;
  /** The last six meetings held, oldest first. */
  meetings: MeetingOutcomes[];
  quarter: Share;
  period: { from: string; to: string };
}

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
