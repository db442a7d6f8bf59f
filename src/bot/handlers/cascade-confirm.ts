/** "Videregivet til afdelingen" on a chief's 1:1 cascade card → confirmed, and the summary card says so. */
import { confirmCascade } from '../../app/cascade';
import type { VerbHandlerFor } from '../types';
import { cascadeCardFor } from './refresh';

export const cascadeConfirm: VerbHandlerFor<'cascade.confirm'> = async (ctx) => {
  const { meeting } = await confirmCascade(ctx.deps, { forumId: ctx.data.forumId, meetingId: ctx.data.meetingId, actor: ctx.actor });
  ctx.log.info({ meetingId: meeting.id }, 'cascade confirmed');
  return { card: await cascadeCardFor(ctx, meeting) };
};
