/** Scheduled work: what the scheduler sweeps for and delivers exactly once. */

export type JobKind =
  | 'publish-agenda'
  | 'reminder'
  | 'deliver-communications'
  | 'digest'
  | 'check-in'
  /** The summary and the 1:1 cascade after "afslut møde" (src/app/close-meeting.ts). */
  | 'close-meeting';

export type JobStatus = 'pending' | 'claimed' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  forumId: string;
  kind: JobKind;
  /** ISO instant the job is due. */
  dueAt: string;
  status: JobStatus;
  /** Kind-specific data (meeting id, follow-up ids, user id...). No closed-item content. */
  payload: Record<string, unknown>;
  attempts: number;
  /** Instance that holds the lease, and until when (ISO instant). */
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** Teams activity id of what was sent, recorded before the job is acknowledged. */
  sentActivityId: string | null;
  lastError: string | null;
}
