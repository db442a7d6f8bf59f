/** Verb `followup.postpone` ("Udsæt" with a new date and optional reason): every future reminder moves. */
import { postponeFollowUp } from '../../app/answers';
import type { VerbHandlerFor } from '../types';
import { cardContext, redrawCard } from './followup-card';

export const followUpPostponeVerb: VerbHandlerFor<'followup.postpone'> = async (ctx) => {
  const { jobId } = cardContext(ctx);
  const { forumId, followUpId, newDate, reason } = ctx.data;
  const f = await postponeFollowUp(ctx.deps, { forumId, followUpId, newDate, reason, actor: ctx.actor });
  ctx.log.info({ followUpId: f.id, newDate }, 'follow-up postponed');
  return redrawCard(ctx, jobId, f, 'reminder');
};
