/** The secretary's weekly digest: open, due this week, overdue, postponed, grouped by owner. Pure. */
import { DateTime } from 'luxon';
import type { DigestRowView, DigestView } from '../cards/reminders';
import type { FollowUp, Forum, Locale } from '../domain';
import { doneBetween, openByGroup, openByState } from '../domain/figures';
import { t } from '../i18n';
import { addDays } from '../domain/calendar';

/**
 * Builds the digest for the week starting `week` (YYYY-MM-DD, the digest's nominal day) as seen on
 * `today`. Owners are sorted by name; within an owner overdue first, then by due date. `window` is
 * the previous digest's time and now (ISO instants), for "done since the last digest".
 */
export function digestView(
  forum: Pick<Forum, 'name' | 'departments' | 'members'>,
  followUps: FollowUp[],
  today: string,
  week: string,
  locale: Locale,
  window: { since: string; now: string },
): DigestView {
  const weekEnd = addDays(week, 6);
  const open = followUps.filter((f) => f.status === 'open');
  const rowOf = (f: FollowUp): DigestRowView & { sortKey: string } => {
    const due = f.due?.due ?? null;
    const overdue = !!due && due < today;
    return {
      text: f.text,
      due: f.due,
      overdue,
      dueThisWeek: !!due && !overdue && due <= weekEnd,
      postponements: f.postponements.length,
      undeliverable: (f.reminders?.undeliverable.length ?? 0) > 0,
      checkIn: f.reminders?.checkIn?.status ?? null,
      sortKey: `${overdue ? 0 : 1}${due ?? '9999-99-99'}`,
    };
  };
  const byOwner = new Map<string, (DigestRowView & { sortKey: string })[]>();
  for (const f of open) {
    const owner = f.owner?.name?.trim() || t(locale, 'card.followUp.noOwner');
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), rowOf(f)]);
  }
  const owners = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'da'))
    .map(([owner, rows]) => ({ owner, rows: rows.sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map(({ sortKey: _, ...r }) => r) }));
  const all = owners.flatMap((o) => o.rows);
  return {
    forumName: forum.name,
    weekNumber: DateTime.fromISO(week).weekNumber,
    weekStart: week,
    counts: {
      open: all.length,
      dueThisWeek: all.filter((r) => r.dueThisWeek).length,
      overdue: all.filter((r) => r.overdue).length,
      postponed: all.filter((r) => r.postponements > 0).length,
    },
    owners,
    figures: {
      open: openByState(followUps, today, weekEnd),
      doneSinceLastDigest: doneBetween(followUps, window.since, window.now),
      groups: openByGroup(followUps, forum, today, weekEnd, t(locale, forum.departments.length > 0 ? 'figures.noDepartment' : 'figures.noOwner')),
      groupBy: forum.departments.length > 0 ? 'department' : 'owner',
    },
  };
}
