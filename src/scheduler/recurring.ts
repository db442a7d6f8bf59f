/**
 * Jobs that follow a forum's rhythm: the secretary's weekly digest (a rolling chain: each digest
 * schedules next week's) and the check-in before the next meeting. `ensureForumJobs` is idempotent;
 * the runner calls `ensureRecurringJobs` at start and every hour, so a new forum or meeting is
 * picked up without anyone remembering to schedule it.
 */
import type { AppDeps } from '../app/deps';
import type { Forum } from '../domain';
import { localDate } from '../domain/time';
import { checkInPlanJobId, digestJobId, newJob } from '../domain/scheduled-jobs';
import { ensureJob } from '../app/jobs';
import { checkInInstant, nextDigest } from '../domain/reminder-policy';
import { secretariesOf } from './recipients';

/** Next week's digest job for each secretary (strictly after `after`). */
export async function ensureDigestJobs(deps: AppDeps, forum: Forum, after: Date): Promise<void> {
  const { week, at } = nextDigest(after, forum.reminderPolicy);
  for (const s of secretariesOf(forum)) {
    await ensureJob(deps, newJob(digestJobId(forum.id, week, s.userId), forum.id, 'digest', at, { type: 'weekly', userId: s.userId, week }));
  }
}

/**
 * The check-in before the forum's next meeting (the earliest not closed, dated after today): a plan
 * job N working days before, or now when the meeting is nearer than that. Returns the meeting id.
 */
export async function scheduleCheckIns(deps: AppDeps, forum: Forum): Promise<string | null> {
  const now = deps.clock.now();
  const today = localDate(now);
  const upcoming = (await deps.store.meetings.listByForum(forum.id))
    .filter((m) => m.status !== 'closed' && m.date > today)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (!upcoming) return null;
  const planned = checkInInstant(upcoming.date, forum.reminderPolicy);
  const at = new Date(Math.max(planned.getTime(), now.getTime()));
  await ensureJob(deps, newJob(checkInPlanJobId(upcoming.id), forum.id, 'check-in', at, { type: 'plan', meetingId: upcoming.id }));
  return upcoming.id;
}

/** Digest and check-in jobs of one forum (call after creating a forum or importing an agenda). */
export async function ensureForumJobs(deps: AppDeps, forumId: string): Promise<void> {
  const forum = await deps.store.forums.get(forumId);
  if (!forum) return;
  await ensureDigestJobs(deps, forum.value, deps.clock.now());
  await scheduleCheckIns(deps, forum.value);
}

/** `ensureForumJobs` for every forum; a failing forum is logged and does not stop the others. */
export async function ensureRecurringJobs(deps: AppDeps): Promise<void> {
  for (const forum of await deps.store.forums.list()) {
    try {
      await ensureForumJobs(deps, forum.id);
    } catch (e) {
      deps.logger.error({ forumId: forum.id, err: e instanceof Error ? e.message : String(e) }, 'Could not schedule the forum jobs');
    }
  }
}
