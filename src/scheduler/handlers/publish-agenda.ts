/** 'publish-agenda' job: posts an agenda (src/app/publish-agenda.ts) under the job's short lease (../work-lease.ts). */

import { notifyTargetOf } from '../../app/notify';
import { publishAgenda } from '../../app/publish-agenda';
import { payloadString } from '../../domain/scheduled-jobs';
import { withWorkLease } from '../work-lease';
import type { JobHandler } from './types';

export const publishAgendaHandler: JobHandler = {
  async run(ctx) {
    const requestedBy = typeof ctx.job.payload.requestedBy === 'string' ? ctx.job.payload.requestedBy : undefined;
    const meetingId = payloadString(ctx.job, 'meetingId');
    await withWorkLease(ctx, (lease) => publishAgenda(ctx.deps, { forumId: ctx.job.forumId, meetingId, requestedBy, notify: notifyTargetOf(ctx.job), lease }));
    return { status: 'done' };
  },
};
