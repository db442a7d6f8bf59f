/** 'deliver-communications' job: messages held until their not-before date (src/app/cascade.ts). */
import { deliverHeldCommunications } from '../../app/cascade';
import type { JobHandler } from './types';

export const deliverCommunicationsHandler: JobHandler = {
  run: (ctx) => deliverHeldCommunications(ctx.deps, ctx.job, (conversation, message) => ctx.sendOnce(conversation, message)),
};
