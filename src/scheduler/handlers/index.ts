/** The job-handler table: one handler per JobKind. */
import type { JobKind } from '../../domain';
import { checkInHandler } from './check-in';
import { closeMeetingHandler } from './close-meeting';
import { deliverCommunicationsHandler } from './deliver-communications';
import { digestHandler } from './digest';
import { publishAgendaHandler } from './publish-agenda';
import { reminderHandler } from './reminder';
import type { JobHandler } from './types';

export type { JobContext, JobHandler, JobOutcome } from './types';

export const jobHandlers: Record<JobKind, JobHandler> = {
  reminder: reminderHandler,
  digest: digestHandler,
  'check-in': checkInHandler,
  'publish-agenda': publishAgendaHandler,
  'deliver-communications': deliverCommunicationsHandler,
  'close-meeting': closeMeetingHandler,
};
