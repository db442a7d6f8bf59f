/** Verb `followup.done` ("Udført" on a reminder card): closes the follow-up, redraws the card. */
import { markFollowUpDone } from '../../app/answers';
import type { VerbHandlerFor } from '../types';
import { cardContext, redrawCard } from './followup-card';

export const followUpDoneVerb: VerbHandlerFor<'followup.done'> = async (ctx) => {
  const { jobId } = cardContext(ctx);
  const f = await markFollowUpDone(ctx.deps, { forumId: ctx.data.forumId, followUpId: ctx.data.followUpId, actor: ctx.actor });
  ctx.log.info({ followUpId: f.id }, 'follow-up done');
  return redrawCard(ctx, jobId, f, 'reminder');
};
