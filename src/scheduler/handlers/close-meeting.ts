/** 'close-meeting' job: the summary and the 1:1 cascade of a closed meeting (src/app/close-meeting.ts, idempotent). */
import { finishClosing } from '../../app/close-meeting';
import { notifyTargetOf } from '../../app/notify';
import { payloadString } from '../jobs';
import type { JobHandler } from './types';

export const closeMeetingHandler: JobHandler = {
  async run(ctx) {
    await finishClosing(ctx.deps, { forumId: ctx.job.forumId, meetingId: payloadString(ctx.job, 'meetingId'), notify: notifyTargetOf(ctx.job) });
    return { status: 'done' };
  },
};
