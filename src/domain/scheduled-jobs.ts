/**
 * Job ids and scheduling. Every job sends at most ONE message, so "exactly once" is a property of
 * one job (its `sentActivityId`). Ids are deterministic: scheduling the same thing twice keeps one job.
 *
 * | id                                   | kind     | sends                                              |
 * |--------------------------------------|----------|----------------------------------------------------|
 * | reminder-<date>-<user>               | reminder | one card with all the user's follow-ups due a reminder that day |
 * | digest-<week>-<forum>-<user>         | digest   | the weekly digest to one secretary                 |
 * | notice-<source job id>               | digest   | a notice to the secretary (undeliverable/failed)   |
 * | check-in-<meeting>                   | check-in | nothing: fans out one check-in job per owner       |
 * | check-in-<meeting>-<user>            | check-in | one check-in card                                  |
 */
import { createHash } from 'node:crypto';
import { AppError } from './errors';
import type { Job, JobKind } from './jobs';

const h = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

export const reminderJobId = (userId: string, date: string): string => `reminder-${date}-${h(userId)}`;
export const digestJobId = (forumId: string, week: string, userId: string): string => `digest-${week}-${h(forumId)}-${h(userId)}`;
export const noticeJobId = (sourceJobId: string): string => `notice-${sourceJobId}`;
export const checkInPlanJobId = (meetingId: string): string => `check-in-${h(meetingId)}`;
export const checkInJobId = (meetingId: string, userId: string): string => `check-in-${h(meetingId)}-${h(userId)}`;

export function newJob(id: string, forumId: string, kind: JobKind, dueAt: Date, payload: Record<string, unknown>): Job {
  return {
    id,
    forumId,
    kind,
    dueAt: dueAt.toISOString(),
    status: 'pending',
    payload,
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
    sentActivityId: null,
    lastError: null,
  };
}

/** A string field of a job's payload, or AppError('internal') naming the job (payloads are ours). */
export function payloadString(job: Job, field: string): string {
  const v = job.payload[field];
  if (typeof v !== 'string' || !v) throw new AppError('internal', `Job ${job.id} has no ${field}`);
  return v;
}
