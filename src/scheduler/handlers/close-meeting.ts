/** 'close-meeting' job: the summary and the 1:1 cascade of a closed meeting (src/app/close-meeting.ts), under the job's short lease. */
import { finishClosing, markClosed } from '../../app/close-meeting';
import { notifyTargetOf } from '../../app/notify';
import { payloadString } from '../../domain/scheduled-jobs';
import { withWorkLease } from '../work-lease';
import type { JobHandler } from './types';

export const closeMeetingHandler: JobHandler = {
  async run(ctx) {
    const meetingId = payloadString(ctx.job, 'meetingId');
    // The job is the intent, written before the meeting is marked closed (src/app/close-request.ts):
    // a process that died in between left the marking to this run.
    const requestedBy = typeof ctx.job.payload.requestedBy === 'string' ? ctx.job.payload.requestedBy : undefined;
    await markClosed(ctx.deps, { forumId: ctx.job.forumId, meetingId, requestedBy });
    await withWorkLease(ctx, (lease) => finishClosing(ctx.deps, { forumId: ctx.job.forumId, meetingId, notify: notifyTargetOf(ctx.job), lease }));
    return { status: 'done' };
  },
};
