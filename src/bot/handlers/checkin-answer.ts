/**
 * Verb `checkin.answer` (check-in card before a meeting): on track, late (new date from the row's
 * date input, which postpones), or done. The answer fills "Opfølgning på beslutninger".
 */
import { answerCheckIn } from '../../app/answers';
import type { VerbHandlerFor } from '../types';
import { cardContext, redrawCard } from './followup-card';

export const checkInAnswerVerb: VerbHandlerFor<'checkin.answer'> = async (ctx) => {
  const card = cardContext(ctx);
  const { forumId, followUpId, status } = ctx.data;
  const newDate = status === 'late' ? (ctx.data.newDate ?? card.newDate) : null;
  const job = card.jobId ? (await ctx.deps.store.jobs.get(card.jobId))?.value : null;
  const meetingId = typeof job?.payload.meetingId === 'string' ? job.payload.meetingId : null;
  const f = await answerCheckIn(ctx.deps, { forumId, followUpId, status, newDate, meetingId, actor: ctx.actor });
  ctx.log.info({ followUpId: f.id, status }, 'check-in answered');
  return redrawCard(ctx, card.jobId, f, 'check-in');
};
