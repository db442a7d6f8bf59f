/**
 * Shared by the reminder and check-in card verbs: the card's own context (which job sent it, which
 * row's inputs), and redrawing the whole card after an answer so it updates in place.
 *
 * The verb schemas (src/cards/actions.ts) keep only the verb's fields, so `jobId` and a row's
 * suffixed inputs are read from the raw action data here, and validated here.
 */
import { z } from 'zod';
import { id, optionalIsoDate } from '../../cards/fields';
import { checkInCard, reminderCard } from '../../cards/reminders';
import type { FollowUp, Job } from '../../domain';
import { localDate } from '../../domain/time';
import { ReadCache } from '../../app/read-cache';
import { rowView } from '../../scheduler/rows';
import type { VerbContext, VerbResult } from '../types';
import { whereOf } from './meeting-common';

const cardContextSchema = z.object({
  jobId: id.optional(),
  inputSuffix: z
    .string()
    .regex(/^_\d{1,3}$/)
    .optional(),
});

/** The action's data as the card sent it (Action.Execute invoke, or the Action.Submit fallback). */
function rawData(ctx: VerbContext): Record<string, unknown> {
  const value: unknown = ctx.turn.activity.value;
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const action = v.action as { data?: unknown } | undefined;
  const data = action && typeof action.data === 'object' && action.data !== null ? action.data : v;
  return data as Record<string, unknown>;
}

export interface CardContext {
  jobId: string | null;
  /** A date input of the answered row (`newDate` or `newDate_<n>`), validated; null when empty. */
  newDate: string | null;
}

export function cardContext(ctx: VerbContext): CardContext {
  const raw = rawData(ctx);
  const parsed = cardContextSchema.safeParse(raw);
  const c = parsed.success ? parsed.data : {};
  const date = optionalIsoDate.safeParse(raw[`newDate${c.inputSuffix ?? ''}`] ?? raw.newDate);
  return { jobId: c.jobId ?? null, newDate: date.success ? date.data : null };
}

const itemsSchema = z.array(z.object({ forumId: z.string(), followUpId: z.string() })).max(200);

/** The card's job, when it is this user's (a card cannot be redrawn from someone else's job). */
async function cardJob(ctx: VerbContext, jobId: string | null): Promise<Job | null> {
  if (!jobId) return null;
  const job = (await ctx.deps.store.jobs.get(jobId))?.value;
  return job && job.payload.userId === ctx.actor.userId ? job : null;
}

/** The whole card again, every row in its current state; just the answered row when the job is gone. */
export async function redrawCard(ctx: VerbContext, jobId: string | null, answered: FollowUp, kind: 'reminder' | 'check-in'): Promise<VerbResult> {
  const job = await cardJob(ctx, jobId);
  const items = itemsSchema.safeParse(job?.payload.items);
  const refs = items.success ? items.data : [{ forumId: answered.forumId, followUpId: answered.id }];
  const followUps = await Promise.all(
    refs.map(async (r) =>
      r.followUpId === answered.id && r.forumId === answered.forumId ? answered : (await ctx.deps.store.followUps.get(r.forumId, r.followUpId))?.value,
    ),
  );
  const found = followUps.filter((f): f is FollowUp => !!f);
  const cardDate = typeof job?.payload.date === 'string' ? job.payload.date : localDate(job ? new Date(job.dueAt) : ctx.deps.clock.now());
  const forum = ctx.forum?.value ?? { name: '' };
  const cache = new ReadCache(ctx.deps);
  const rows = await Promise.all(found.map((f) => rowView(cache, forum, f, { userId: ctx.actor.userId, cardDate, locale: ctx.locale, where: whereOf(ctx) })));
  const cardJobId = job?.id ?? '';
  if (kind === 'check-in') {
    const meetingDate = typeof job?.payload.meetingDate === 'string' ? job.payload.meetingDate : cardDate;
    return { card: checkInCard(ctx.locale, { jobId: cardJobId, meetingDate, rows }) };
  }
  return { card: reminderCard(ctx.locale, { jobId: cardJobId, rows }) };
}
