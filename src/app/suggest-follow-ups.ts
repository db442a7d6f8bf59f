/** Follow-ups the minutes core finds in a typed decision text, pre-filled for the secretary to confirm. */
import type { FollowUpSuggestion, Meeting } from '../domain';
import { suggestFollowUps } from '../minutes/followups';
import { findItem, loadForum } from './access';
import { resolveOwner } from './assignees';
import type { AppDeps } from './deps';

export async function suggestForItem(
  deps: AppDeps,
  input: { meeting: Meeting; itemNumber: number; decisionText: string },
): Promise<FollowUpSuggestion[]> {
  const forum = (await loadForum(deps, input.meeting.forumId)).value;
  const item = findItem(input.meeting, input.itemNumber);
  const suggestions = suggestFollowUps(
    item,
    input.meeting.date,
    { departments: forum.departments, memberNames: forum.members.map((m) => m.name), forumName: input.meeting.forumName || forum.name },
    input.decisionText,
  );
  return suggestions.map((s) => ({ ...s, owner: resolveOwner(forum, s.owner) }));
}
