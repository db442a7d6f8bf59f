/**
 * The owner's answers to reminder and check-in cards: done, postpone (new date, optional reason),
 * snooze, and the check-in's on track / late / done. Each is an idempotent, conditional update of the
 * follow-up, an audit entry (ids and dates only, never the text), and a reschedule of its reminders.
 */
import { type ActorRef, loadForum } from './access';
import type { AppDeps } from './deps';
import { AppError, type CheckInStatus, canManageMeetings, type DueDate, type FollowUp, findMember, type Forum, isIsoDate } from '../domain';
import { localDate } from '../domain/time';
import { addWorkingDays, calendarOf } from '../domain/calendar';
import { loadFollowUp, recipientsOf, reminderState, updateFollowUp } from './followups';
import { cancelRemindersFor, scheduleRemindersFor } from './reminders';

export interface AnswerInput {
  forumId: string;
  followUpId: string;
  actor: ActorRef;
}

type Answer = NonNullable<NonNullable<FollowUp['reminders']>['lastAnswer']>['kind'];

/** Assignees and the delegate may answer; the secretary and chair too unless `ownersOnly`. */
function requireAnswerer(forum: Forum, f: FollowUp, actor: ActorRef, ownersOnly: boolean): void {
  if (recipientsOf(f).includes(actor.userId)) return;
  if (!ownersOnly && canManageMeetings(findMember(forum, actor.userId, actor.aadObjectId))) return;
  throw new AppError('forbidden', 'Only the owner of the follow-up (or its delegate) may answer it', {
    forumId: forum.id,
    messageKey: 'reminder.error.notOwner',
  });
}

function answered(f: FollowUp, kind: Answer, actor: ActorRef, at: string): FollowUp {
  return { ...f, reminders: { ...reminderState(f), lastAnswer: { kind, userId: actor.userId, at } }, updatedAt: at };
}

function postponed(f: FollowUp, newDate: string, reason: string | null, at: string): FollowUp {
  const due: DueDate = { due: newDate, dueFrom: newDate, precision: 'day', text: newDate };
  return { ...f, due, postponements: [...f.postponements, { from: f.due, reason, at }], reminders: { ...reminderState(f), snoozedUntil: null } };
}

function checkNewDate(deps: AppDeps, newDate: string): void {
  if (!isIsoDate(newDate)) throw new AppError('invalid-input', 'the new date must be a date (YYYY-MM-DD)');
  if (newDate < localDate(deps.clock.now())) throw new AppError('invalid-input', 'the new date has already passed', { newDate });
}

async function audit(deps: AppDeps, input: AnswerInput, action: string, before: FollowUp, after: FollowUp): Promise<void> {
  const view = (f: FollowUp) => ({
    status: f.status,
    due: f.due?.due ?? null,
    snoozedUntil: f.reminders?.snoozedUntil ?? null,
    checkIn: f.reminders?.checkIn?.status ?? null,
  });
  await deps.store.audit.append({
    forumId: input.forumId,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor.userId,
    action,
    target: `followup:${input.followUpId}`,
    before: view(before),
    after: view(after),
  });
}

/** Loads the forum, checks the actor, applies `change` (null = nothing to do), audits, reschedules. */
async function answer(
  deps: AppDeps,
  input: AnswerInput,
  action: string,
  ownersOnly: boolean,
  change: (f: FollowUp, at: string, forum: Forum) => FollowUp | null,
): Promise<FollowUp> {
  // The forum and the follow-up are read together; the audit entry and the reminders after the change, together.
  const [loaded, first] = await Promise.all([loadForum(deps, input.forumId), loadFollowUp(deps, input.forumId, input.followUpId)]);
  const forum = loaded.value;
  const at = deps.clock.now().toISOString();
  const change1 = (f: FollowUp) => {
    requireAnswerer(forum, f, input.actor, ownersOnly);
    return change(f, at, forum);
  };
  const { before, after, changed } = await updateFollowUp(deps, input.forumId, input.followUpId, change1, first);
  if (!changed) return after;
  const reminders = async () => {
    if (after.status !== 'open' || before.due?.due !== after.due?.due) await cancelRemindersFor(deps, before);
    await scheduleRemindersFor(deps, after);
  };
  await Promise.all([audit(deps, input, action, before, after), reminders()]);
  return after;
}

/** "Udført": closes the follow-up and cancels its reminders. Pressing it twice changes nothing. */
export function markFollowUpDone(deps: AppDeps, input: AnswerInput): Promise<FollowUp> {
  return answer(deps, input, 'followup.done', false, (f, at) =>
    f.status === 'done' ? null : { ...answered(f, 'done', input.actor, at), status: 'done', resolvedAt: at },
  );
}

/** "Udsæt": a new due date (today or later); every future reminder moves with it. */
export function postponeFollowUp(deps: AppDeps, input: AnswerInput & { newDate: string; reason: string | null }): Promise<FollowUp> {
  checkNewDate(deps, input.newDate);
  return answer(deps, input, 'followup.postpone', false, (f, at) => {
    if (f.status !== 'open') throw new AppError('invalid-input', 'the follow-up is no longer open', { followUpId: f.id });
    if (f.due?.due === input.newDate && f.due.precision === 'day') return null;
    return answered(postponed(f, input.newDate, input.reason, at), 'postpone', input.actor, at);
  });
}

/** "Påmind mig i morgen": one more reminder on the `days`-th next working day (default the next). */
export function snoozeFollowUp(deps: AppDeps, input: AnswerInput & { days?: number }): Promise<FollowUp> {
  return answer(deps, input, 'followup.snooze', true, (f, at, forum) => {
    if (f.status !== 'open') return null;
    const until = addWorkingDays(localDate(new Date(at)), input.days ?? 1, calendarOf(forum.reminderPolicy));
    if (f.reminders?.snoozedUntil === until) return null;
    const next = answered(f, 'snooze', input.actor, at);
    return { ...next, reminders: { ...reminderState(next), snoozedUntil: until } };
  });
}

/** A check-in answer: on track, late (optionally with a new date, which postpones), or done. */
export function answerCheckIn(
  deps: AppDeps,
  input: AnswerInput & { status: CheckInStatus; newDate: string | null; meetingId?: string | null },
): Promise<FollowUp> {
  if (input.newDate) checkNewDate(deps, input.newDate);
  return answer(deps, input, 'checkin.answer', false, (f, at) => {
    if (f.status !== 'open') return null;
    let next = answered(f, input.status, input.actor, at);
    if (input.status === 'done') next = { ...next, status: 'done', resolvedAt: at };
    if (input.status === 'late' && input.newDate && input.newDate !== f.due?.due) next = postponed(next, input.newDate, null, at);
    const checkIn = { status: input.status, newDate: input.newDate, userId: input.actor.userId, at, meetingId: input.meetingId ?? null };
    return { ...next, reminders: { ...reminderState(next), checkIn } };
  });
}
