/** Verb `followup.snooze` ("Påmind mig i morgen"): one more reminder on the next working day. */
import { snoozeFollowUp } from '../../app/answers';
import type { VerbHandlerFor } from '../types';
import { cardContext, redrawCard } from './followup-card';

export const followUpSnoozeVerb: VerbHandlerFor<'followup.snooze'> = async (ctx) => {
  const { jobId } = cardContext(ctx);
  const { forumId, followUpId, days } = ctx.data;
  const f = await snoozeFollowUp(ctx.deps, { forumId, followUpId, days, actor: ctx.actor });
  ctx.log.info({ followUpId: f.id, until: f.reminders?.snoozedUntil }, 'follow-up snoozed');
  return redrawCard(ctx, jobId, f, 'reminder');
};
