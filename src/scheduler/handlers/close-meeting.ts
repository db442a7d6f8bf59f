/** 'close-meeting' job: the summary and the 1:1 cascade of a closed meeting (src/app/close-meeting.ts), under the job's short lease. */
import { finishClosing } from '../../app/close-meeting';
import { notifyTargetOf } from '../../app/notify';
import { payloadString } from '../jobs';
import { withWorkLease } from '../work-lease';
import type { JobHandler } from './types';

export const closeMeetingHandler: JobHandler = {
  async run(ctx) {
    const meetingId = payloadString(ctx.job, 'meetingId');
    await withWorkLease(ctx, (lease) => finishClosing(ctx.deps, { forumId: ctx.job.forumId, meetingId, notify: notifyTargetOf(ctx.job), lease }));
    return { status: 'done' };
  },
};
