/** Reading and changing follow-ups the way the scheduler needs: retried conditional updates, recipients. */
import type { AppDeps } from './deps';
import { AppError, type FollowUp, type ReminderState } from '../domain';
import type { Versioned } from '../store/ports';

export const emptyReminderState = (): ReminderState => ({ snoozedUntil: null, lastAnswer: null, checkIn: null, undeliverable: [] });

export function reminderState(f: FollowUp): ReminderState {
  return { ...emptyReminderState(), ...f.reminders };
}

/** Who is reminded: the assignees (the owner's chiefs) and the delegate doing the work. */
export function recipientsOf(f: FollowUp): string[] {
  return [...new Set([...f.assignees, ...(f.delegateUserId ? [f.delegateUserId] : [])])];
}

/** The bot could not reach this user about this follow-up before (403/404): do not keep trying. */
export function isUndeliverableTo(f: FollowUp, userId: string): boolean {
  return !!f.reminders?.undeliverable.some((u) => u.userId === userId);
}

export async function loadFollowUp(deps: AppDeps, forumId: string, id: string): Promise<Versioned<FollowUp>> {
  const f = await deps.store.followUps.get(forumId, id);
  if (!f) throw new AppError('not-found', `Follow-up ${id} not found`, { forumId, followUpId: id });
  return f;
}

/**
 * Reads, changes and writes a follow-up, retrying when someone else wrote in between. `change`
 * returns the new follow-up, or null for "nothing to change" (then the current one is returned).
 * `first`: the follow-up as the caller has just read it (the first attempt reads nothing).
 */
export async function updateFollowUp(
  deps: AppDeps,
  forumId: string,
  id: string,
  change: (f: FollowUp) => FollowUp | null,
  first?: Versioned<FollowUp>,
): Promise<{ before: FollowUp; after: FollowUp; changed: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const current = attempt === 0 && first ? first : await loadFollowUp(deps, forumId, id);
    const next = change(structuredClone(current.value));
    if (!next) return { before: current.value, after: current.value, changed: false };
    try {
      const saved = await deps.store.followUps.update(next, current.etag);
      return { before: current.value, after: saved.value, changed: true };
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= 4) throw e;
    }
  }
}
