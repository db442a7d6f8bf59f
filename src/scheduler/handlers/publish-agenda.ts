/** 'publish-agenda' job: posts a scheduled agenda (src/app/publish-agenda.ts is idempotent per item). */
import { publishAgenda } from '../../app/publish-agenda';
import { payloadString } from '../jobs';
import type { JobHandler } from './types';

export const publishAgendaHandler: JobHandler = {
  async run(ctx) {
    await publishAgenda(ctx.deps, { forumId: ctx.job.forumId, meetingId: payloadString(ctx.job, 'meetingId') });
    return { status: 'done' };
  },
};
