/** What the chat commands look up: the next meeting, my tasks, deadlines, items to bring back. */
import type { FollowUp, Meeting } from '../domain';
import { localDate } from '../domain';
import type { Versioned } from '../store/ports';
import type { AppDeps } from './deps';

/** Open follow-ups by due date; those without a date last. */
function byDue(a: FollowUp, b: FollowUp): number {
  const da = a.due?.due ?? '9999-12-31';
  const db = b.due?.due ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.text.localeCompare(b.text, 'da');
}

/**
 * The forum's next meeting not yet closed (today or later), else its latest open one, else null.
 * Drafts and scheduled agendas count only with `includeUnpublished` (for the secretary and chair).
 */
export async function nextMeeting(deps: AppDeps, forumId: string, opts: { includeUnpublished?: boolean } = {}): Promise<Versioned<Meeting> | null> {
  const today = localDate(deps.clock.now());
  const open = (await deps.store.meetings.listByForum(forumId)).filter((m) => m.status === 'published' || (opts.includeUnpublished && m.status !== 'closed'));
  const upcoming = open.filter((m) => m.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1));
  const chosen = upcoming[0] ?? open.sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  return chosen ? deps.store.meetings.get(forumId, chosen.id) : null;
}

/** A follow-up with whether its item is closed (its text must then stay out of channels). */
export interface FollowUpView {
  followUp: FollowUp;
  closedItem: boolean;
  meetingDate: string | null;
}

async function withItems(deps: AppDeps, followUps: FollowUp[]): Promise<FollowUpView[]> {
  const meetings = new Map<string, Meeting | null>();
  const out: FollowUpView[] = [];
  for (const f of followUps) {
    const key = `${f.forumId}|${f.meetingId}`;
    if (!meetings.has(key)) meetings.set(key, (await deps.store.meetings.get(f.forumId, f.meetingId))?.value ?? null);
    const m = meetings.get(key) ?? null;
    const item = m?.items.find((i) => i.number === f.itemNumber);
    // An item that cannot be found counts as closed.
    out.push({ followUp: f, closedItem: item?.closed ?? true, meetingDate: m?.date ?? null });
  }
  return out;
}

/** The user's open follow-ups (assigned or delegated), soonest due first. */
export async function myFollowUps(deps: AppDeps, userId: string): Promise<FollowUpView[]> {
  const open = (await deps.store.followUps.listOpenByAssignee(userId)).filter((f) => f.status === 'open');
  return withItems(deps, open.sort(byDue));
}

/** The forum's open follow-ups, soonest due first. */
export async function deadlines(deps: AppDeps, forumId: string): Promise<FollowUpView[]> {
  const open = (await deps.store.followUps.listByForum(forumId)).filter((f) => f.status === 'open');
  return withItems(deps, open.sort(byDue));
}

/** Follow-ups that bring an item back to the forum ("sendes tilbage til behandling i Ledermødet"), for the next agenda (src/bot/handlers/returns.ts). */
export async function returnItems(deps: AppDeps, forumId: string): Promise<FollowUpView[]> {
  const open = (await deps.store.followUps.listByForum(forumId)).filter(
    (f) => f.kind === 'return-to-forum' && (f.status === 'open' || f.status === 'suggested'),
  );
  return withItems(deps, open.sort(byDue));
}
