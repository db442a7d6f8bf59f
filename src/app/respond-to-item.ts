/** Before the meeting: a chief comments on an item, marks a briefing as read or asks for discussion. */
import { MAX_COMMENT_CHARS } from '../cards/actions';
import type { AgendaTally } from '../cards/tally';
import type { ItemResponse } from '../domain';
import { AppError } from '../domain';
import { type ActorRef, findItem, loadForum, loadMeeting, requireMember } from './access';
import { agendaTally, refreshOverviewCard } from './agenda-cards';
import type { AppDeps } from './deps';

export interface ResponseChange {
  /** A new comment replaces the old one; '' or null removes it; undefined leaves it. */
  comment?: string | null;
  read?: boolean;
  wantsDiscussion?: boolean;
}

/** Stores the chief's response; `responses` and `tally` are the item's (no other card changes). */
export async function respondToItem(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; itemNumber: number; actor: ActorRef } & ResponseChange,
): Promise<{ response: ItemResponse; tally: AgendaTally; responses: ItemResponse[] }> {
  // Independent reads in one round trip; a failed check wastes the responses read, nothing more.
  const [forum, meeting, all] = await Promise.all([
    loadForum(deps, input.forumId),
    loadMeeting(deps, input.forumId, input.meetingId),
    deps.store.responses.listByItem(input.meetingId, input.itemNumber),
  ]);
  const member = requireMember(forum.value, input.actor);
  if (meeting.value.status === 'closed') throw new AppError('invalid-input', 'the meeting has been closed');
  findItem(meeting.value, input.itemNumber);
  const comment = input.comment === undefined ? undefined : input.comment?.trim() || null;
  if (comment && comment.length > MAX_COMMENT_CHARS) {
    throw new AppError('too-large', `a comment can be at most ${MAX_COMMENT_CHARS} characters`, {
      messageKey: 'error.too-large.comment',
      messageParams: { max: MAX_COMMENT_CHARS },
    });
  }
  const previous = all.find((r) => r.itemNumber === input.itemNumber && r.userId === member.userId);
  const response: ItemResponse = {
    meetingId: input.meetingId,
    itemNumber: input.itemNumber,
    userId: member.userId,
    userName: member.name,
    comment: comment === undefined ? (previous?.comment ?? null) : comment,
    read: input.read ?? previous?.read ?? false,
    wantsDiscussion: input.wantsDiscussion ?? previous?.wantsDiscussion ?? false,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.responses.upsert(response);
  const responses = [...all.filter((r) => r !== previous), response];
  const tally = agendaTally(forum.value, responses);
  // The answer never waits for the overview: its update is coalesced with other clicks' and follows.
  await refreshOverviewCard(deps, forum.value, meeting.value, { wait: false });
  return { response, tally, responses };
}
