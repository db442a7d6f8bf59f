/** 'publish-agenda' job: posts a scheduled agenda (src/app/publish-agenda.ts is idempotent per item). */

import { notifyTargetOf } from '../../app/notify';
import { publishAgenda } from '../../app/publish-agenda';
import { payloadString } from '../jobs';
import type { JobHandler } from './types';

export const publishAgendaHandler: JobHandler = {
  async run(ctx) {
    const requestedBy = typeof ctx.job.payload.requestedBy === 'string' ? ctx.job.payload.requestedBy : undefined;
    const meetingId = payloadString(ctx.job, 'meetingId');
    await publishAgenda(ctx.deps, { forumId: ctx.job.forumId, meetingId, requestedBy, notify: notifyTargetOf(ctx.job) });
    return { status: 'done' };
  },
};
