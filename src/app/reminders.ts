/**
 * Reminder jobs: one job per person per day (`reminder-<date>-<user>`), so nobody gets more than one
 * reminder card a day. The job's card is computed when it runs, from the follow-ups as they are then:
 * what was answered, finished or postponed meanwhile is left out, so a postponement moves every future
 * reminder without touching jobs. Each person has a rolling chain: a reminder job first makes sure the
 * person's next reminder day has a job, then sends. `scheduleRemindersFor` adds a follow-up's next day.
 */
import type { AppDeps } from './deps';
import type { FollowUp, Forum, ReminderPolicy } from '../domain';
import { localDate, localInstant } from '../domain/time';
import { addWorkingDays, calendarOf } from '../domain/calendar';
import { isUndeliverableTo, recipientsOf, reminderState, updateFollowUp } from './followups';
import { newJob, reminderJobId } from '../domain/scheduled-jobs';
import { ensureJob } from './jobs';
import { missedReminderAt, nextReminderAfter, reminderInstant } from '../domain/reminder-policy';
import { ReadCache } from './read-cache';

type ForumsById = Map<string, Forum | null>;

/** The earliest next reminder among `followUps` for `userId`, strictly after `after`. */
export function nextForUser(followUps: FollowUp[], forums: ForumsById, userId: string, after: Date): { date: string; at: Date; forumId: string } | null {
  let best: { date: string; at: Date; forumId: string } | null = null;
  for (const f of followUps) {
    const forum = forums.get(f.forumId);
    if (!forum || isUndeliverableTo(f, userId) || !recipientsOf(f).includes(userId)) continue;
    const next = nextReminderAfter(f, after, forum.reminderPolicy);
    if (next && (!best || next.at < best.at)) best = { ...next, forumId: f.forumId };
  }
  return best;
}

/** The reminder job of a user and day, due at `at` (the policy's time of day). */
export function reminderJob(userId: string, date: string, at: Date, forumId: string) {
  return newJob(reminderJobId(userId, date), forumId, 'reminder', at, { userId, date });
}

/**
 * Makes sure the user's next reminder day after `after` has a pending job. A day whose job already ran
 * (or is running) cannot take new follow-ups, so the day after it is ensured too (a few at most).
 */
export async function ensureNextReminder(
  deps: AppDeps,
  userId: string,
  followUps: FollowUp[],
  forums: ForumsById,
  after: Date,
  opts: { likelyNew?: boolean } = {},
): Promise<string | null> {
  let from = after;
  for (let i = 0; i < 5; i++) {
    const next = nextForUser(followUps, forums, userId, from);
    if (!next) return null;
    const result = await ensureJob(deps, reminderJob(userId, next.date, next.at, next.forumId), opts);
    if (result === 'created' || result === 'revived' || result === 'pending') return next.date;
    from = next.at;
  }
  return null;
}

/**
 * When a follow-up that missed its reminder gets it: at `missedReminderAt`, or the next working day at
 * `sendAt` when a recipient's card for that day has already gone (one card per person and day).
 */
async function catchUpInstant(deps: AppDeps, f: FollowUp, policy: ReminderPolicy, now: Date): Promise<Date | null> {
  const missed = missedReminderAt(f, now, policy);
  if (!missed) return null;
  const date = localDate(missed);
  for (const userId of recipientsOf(f)) {
    const job = await deps.store.jobs.get(reminderJobId(userId, date));
    if (job && job.value.status !== 'pending' && job.value.status !== 'cancelled') {
      return reminderInstant(addWorkingDays(date, 1, calendarOf(policy)), policy);
    }
  }
  return missed;
}

/** Records the catch-up on the follow-up (so the day's card lists it), unless one is already set. */
async function withCatchUp(deps: AppDeps, f: FollowUp, policy: ReminderPolicy, now: Date): Promise<FollowUp> {
  if (f.reminders?.catchUpAt && new Date(f.reminders.catchUpAt) >= now) return f;
  const at = await catchUpInstant(deps, f, policy, now);
  if (!at) return f;
  const { after } = await updateFollowUp(deps, f.forumId, f.id, (cur) =>
    cur.status === 'open' && cur.due?.due === f.due?.due ? { ...cur, reminders: { ...reminderState(cur), catchUpAt: at.toISOString() } } : null,
  );
  return after;
}

/**
 * A follow-up about to be created, with its catch-up planned but not saved: created with it, so that
 * scheduling its reminders need not rewrite a row that may not exist yet.
 */
export async function withPlannedCatchUp(deps: AppDeps, f: FollowUp): Promise<FollowUp> {
  if (f.status !== 'open' || recipientsOf(f).length === 0) return f;
  const forum = (await new ReadCache(deps).forumsById([f.forumId])).get(f.forumId);
  const at = forum ? await catchUpInstant(deps, f, forum.reminderPolicy, deps.clock.now()) : null;
  return at ? { ...f, reminders: { ...reminderState(f), catchUpAt: at.toISOString() } } : f;
}

/**
 * Schedules the next reminder of a follow-up for everyone it reminds (assignees and delegate); one
 * that already missed a reminder gets it at the next sweep on a working day (docs/reminders.md).
 * Idempotent: call it after creating, postponing, snoozing or delegating a follow-up.
 */
export async function scheduleRemindersFor(deps: AppDeps, followUp: FollowUp): Promise<void> {
  if (followUp.status !== 'open') return;
  const forums = await new ReadCache(deps).forumsById([followUp.forumId]);
  const forum = forums.get(followUp.forumId);
  const now = deps.clock.now();
  const f = forum && recipientsOf(followUp).length > 0 ? await withCatchUp(deps, followUp, forum.reminderPolicy, now) : followUp;
  const catchUp = f.reminders?.catchUpAt ? new Date(f.reminders.catchUpAt) : null;
  await Promise.all(
    recipientsOf(f).map(async (userId) => {
      // A follow-up's next reminder day is often a new one for its people (always for a new follow-up's).
      await ensureNextReminder(deps, userId, [f], forums, new Date(now.getTime() - 1), { likelyNew: true });
      // The regular chain goes on after a catch-up even if the catch-up's sweep comes late.
      if (catchUp && catchUp >= now) await ensureNextReminder(deps, userId, [f], forums, catchUp);
    }),
  );
}

/** The day the follow-up would next have been reminded if nobody had answered it. */
function formerNext(f: FollowUp, policy: ReminderPolicy, now: Date): { date: string; at: Date } | null {
  const asOpen: FollowUp = { ...f, status: 'open', reminders: f.reminders && { ...f.reminders, lastAnswer: null } };
  return nextReminderAfter(asOpen, now, policy);
}

/**
 * Cancels the upcoming reminder job(s) that only this follow-up needed (done, dismissed, postponed).
 * A job other follow-ups still need is kept; the person's chain continues after the cancelled day.
 * Reminders are computed when sent, so even without this nothing stale would go out.
 */
export async function cancelRemindersFor(deps: AppDeps, followUp: FollowUp): Promise<void> {
  const cache = new ReadCache(deps);
  const forums = await cache.forumsById([followUp.forumId]);
  const forum = forums.get(followUp.forumId);
  if (!forum) return;
  const now = deps.clock.now();
  const former = formerNext(followUp, forum.reminderPolicy, now);
  if (!former) return;
  for (const userId of recipientsOf(followUp)) {
    const jobId = reminderJobId(userId, former.date);
    // Read together: the person's open follow-ups are needed whenever the job is still pending.
    const [job, open] = await Promise.all([deps.store.jobs.get(jobId), deps.store.followUps.listOpenByAssignee(userId)]);
    if (job?.value.status !== 'pending') continue;
    const others = open.filter((f) => f.id !== followUp.id || f.forumId !== followUp.forumId);
    const allForums = await cache.forumsById(others.map((f) => f.forumId));
    const stillNeeded = nextForUser(others, allForums, userId, new Date(localInstant(former.date).getTime() - 1));
    if (stillNeeded?.date === former.date) continue;
    await ensureNextReminder(deps, userId, others, allForums, former.at);
    await deps.store.jobs.cancel(jobId);
  }
}
