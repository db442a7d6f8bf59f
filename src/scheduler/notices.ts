/** Nothing is dropped silently: a job that cannot do its work tells the forum's secretary, once. */
import type { AppDeps } from '../app/deps';
import type { Job } from '../domain';
import type { Logger } from '../logger';
import { newJob, noticeJobId } from '../domain/scheduled-jobs';
import { ensureJob } from '../app/jobs';

export type NoticeReason = 'failed' | 'undeliverable';

/**
 * Schedules a notice (a 'digest'-kind job with payload.type 'notice', id `notice-<job id>`, so one per
 * failed job and forum) to the forum's secretary. A notice that itself fails is only logged (no notices about notices).
 */
export async function noticeSecretary(
  run: { deps: AppDeps; job: Job; now: Date; log: Logger },
  reason: NoticeReason,
  error: string,
  extra: Record<string, unknown> = {},
  forumId: string = run.job.forumId,
): Promise<void> {
  const job = run.job;
  if (job.payload.type === 'notice') {
    run.log.error({ err: error }, 'A notice to the secretary could not be delivered');
    return;
  }
  const id = forumId === job.forumId ? noticeJobId(job.id) : noticeJobId(`${job.id}-${forumId}`);
  const notice = newJob(id, forumId, 'digest', run.now, {
    type: 'notice',
    reason,
    sourceJobId: job.id,
    sourceKind: job.kind,
    error: error.slice(0, 300),
    ...extra,
  });
  await ensureJob(run.deps, notice);
}
