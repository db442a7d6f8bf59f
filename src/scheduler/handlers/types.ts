/** The contract between the sweep and the job handlers (one handler per JobKind). */
import type { AppDeps } from '../../app/deps';
import type { OutgoingMessage } from '../../app/messenger';
import type { Job } from '../../domain';
import type { Logger } from '../../logger';
import type { StoredConversation } from '../../store/ports';
import type { ReadCache } from '../../app/read-cache';
import type { Delivery } from '../delivery';

export type JobOutcome =
  /** The job's one message went out (now, or in an earlier run that recorded it). */
  | { status: 'sent'; activityId: string }
  /** Nothing (left) to send, e.g. every follow-up of a reminder was answered meanwhile. */
  | { status: 'nothing-to-send'; reason: string }
  /** Work without a message of its own (fan-out, agenda publishing) finished. */
  | { status: 'done' }
  /** The recipient cannot be reached (403/404); the handler has recorded it and told the secretary. */
  | { status: 'undeliverable'; error: string };

export interface SendOnceOptions {
  record?: Record<string, unknown>;
  last?: boolean;
}

export interface JobContext {
  /** The app's dependencies, with `messenger` replaced by the rate-limited, retrying delivery. */
  deps: AppDeps;
  job: Job;
  /** The sweep's time. */
  now: Date;
  delivery: Delivery;
  /** Forums and meetings read once per sweep. */
  cache: ReadCache;
  log: Logger;
  /**
   * Sends the job's one message unless an earlier run already did (its activity id is on the job):
   * renews the lease if needed, sends, and records `sentActivityId` with a conditional update before
   * returning. `record` is merged into the job's payload in the same write (e.g. what the card lists);
   * `last: true` (nothing follows the send) also completes the job in that same write. At most one
   * call per job.
   */
  sendOnce(conversation: StoredConversation, message: OutgoingMessage, opts?: SendOnceOptions): Promise<string>;
}

export interface JobHandler {
  run(ctx: JobContext): Promise<JobOutcome>;
}
