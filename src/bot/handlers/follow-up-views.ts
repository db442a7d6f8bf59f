/** Follow-up lists shown in a chat: in a channel, follow-ups of closed items show no text. */
import type { FollowUpView } from '../../app/queries';
import type { FollowUpListOptions } from '../../cards/followup-list';
import type { TurnInfo } from '../types';
import { whereOf } from './meeting-common';

export function followUpListOptions(ctx: Pick<TurnInfo, 'conversation'>, views: FollowUpView[], today: string): FollowUpListOptions {
  return {
    today,
    audience: whereOf(ctx),
    closedItems: views.filter((v) => v.closedItem).map((v) => ({ meetingId: v.followUp.meetingId, itemNumber: v.followUp.itemNumber })),
  };
}
