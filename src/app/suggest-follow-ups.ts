/** Follow-ups the minutes core finds in a typed decision text, pre-filled for the secretary to confirm. */
import type { FollowUpSuggestion, Meeting } from '../domain';
import { suggestFollowUps } from '../minutes/followups';
import { findItem, loadForum } from './access';
import { resolveOwner } from './assignees';
import type { AppDeps } from './deps';

const NEXT_MEETING_WORDS = /(?:næste|kommende)\s+(?:[\p{L}-]*møde|[\p{L}]*forum)/iu;

/** The date of the forum's next meeting after `meeting`, read only when the text speaks of it ("til næste møde"). */
async function nextMeetingDate(deps: AppDeps, meeting: Meeting, text: string): Promise<string | null> {
  if (!NEXT_MEETING_WORDS.test(text)) return null;
  const later = (await deps.store.meetings.listByForum(meeting.forumId)).filter((m) => m.id !== meeting.id && m.date > meeting.date);
  return later.map((m) => m.date).sort()[0] ?? null;
}

export async function suggestForItem(deps: AppDeps, input: { meeting: Meeting; itemNumber: number; decisionText: string }): Promise<FollowUpSuggestion[]> {
  const forum = (await loadForum(deps, input.meeting.forumId)).value;
  const item = findItem(input.meeting, input.itemNumber);
  const suggestions = suggestFollowUps(
    item,
    input.meeting.date,
    {
      departments: forum.departments,
      memberNames: forum.members.map((m) => m.name),
      forumName: input.meeting.forumName || forum.name,
      nextMeetingDate: await nextMeetingDate(deps, input.meeting, input.decisionText),
    },
    input.decisionText,
  );
  return suggestions.map((s) => ({ ...s, owner: resolveOwner(forum, s.owner) }));
}
