/**
 * The standing item "Opfølgning på beslutninger" for the next agenda's draft: every open follow-up
 * with its check-in answer (or "overdue, no answer"), plus those finished since the last meeting.
 * The agenda goes to the channel, so follow-ups of closed items are listed without their text.
 */
import type { AppDeps } from '../app/deps';
import { formatDue, formatShortDate } from '../cards/format';
import type { DueDate, FollowUp, Locale } from '../domain';
import { localDate } from '../domain/time';
import { t } from '../i18n';

export type AgendaLineStatus = 'done' | 'on-track' | 'late' | 'overdue' | 'open';

export interface AgendaFollowUpLine {
  followUpId: string;
  meetingId: string;
  itemNumber: number;
  /** From a closed item: `text` is null and must stay out of the channel. */
  closed: boolean;
  text: string | null;
  owner: string;
  due: DueDate | null;
  status: AgendaLineStatus;
  /** New date given with a "late" answer. */
  newDate: string | null;
  /** When the owner answered the check-in (ISO instant), or null. */
  answeredAt: string | null;
}

export interface AgendaFollowUpStatus {
  forumId: string;
  /** Local date the status was taken. */
  asOf: string;
  title: string;
  lines: AgendaFollowUpLine[];
  /** The item's body for the draft, one line per follow-up ("• ..."), in the forum's language. */
  body: string;
}

function lineStatus(f: FollowUp, today: string, since: string): AgendaLineStatus {
  if (f.status === 'done') return 'done';
  const checkIn = f.reminders?.checkIn;
  if (checkIn && localDate(new Date(checkIn.at)) >= since) return checkIn.status;
  return f.due && f.due.due < today ? 'overdue' : 'open';
}

function lineText(l: AgendaFollowUpLine, locale: Locale): string {
  const status =
    l.status === 'late' && l.newDate
      ? t(locale, 'agendaStatus.status.lateTo', { date: formatShortDate(locale, l.newDate) })
      : t(locale, `agendaStatus.status.${l.status}`);
  const due = formatDue(locale, l.due) || t(locale, 'card.followUp.noDue');
  const text = l.closed ? t(locale, 'agendaStatus.closed') : (l.text ?? '');
  return `• ${t(locale, 'agendaStatus.line', { text, owner: l.owner || t(locale, 'card.followUp.noOwner'), due, status })}`;
}

/** Status of the forum's follow-ups for the next agenda (open ones, and those done since the last meeting). */
export async function followUpStatusForAgenda(deps: AppDeps, forumId: string, opts: { locale?: Locale } = {}): Promise<AgendaFollowUpStatus> {
  const forum = (await deps.store.forums.get(forumId))?.value;
  const locale = opts.locale ?? forum?.locale ?? 'da';
  const today = localDate(deps.clock.now());
  const meetings = await deps.store.meetings.listByForum(forumId);
  const since =
    meetings
      .map((m) => m.date)
      .filter((d) => d <= today)
      .sort()
      .pop() ?? '0000-00-00';
  // An item that cannot be found counts as closed.
  const openItems = new Set<string>();
  for (const m of meetings) {
    const full = (await deps.store.meetings.get(forumId, m.id))?.value;
    for (const i of full?.items ?? []) if (!i.closed) openItems.add(`${m.id}#${i.number}`);
  }
  const followUps = (await deps.store.followUps.listByForum(forumId)).filter(
    (f) => f.status === 'open' || (f.status === 'done' && localDate(new Date(f.reminders?.lastAnswer?.at ?? f.updatedAt)) >= since),
  );
  const lines = followUps
    .map((f): AgendaFollowUpLine => {
      const closed = !openItems.has(`${f.meetingId}#${f.itemNumber}`);
      return {
        followUpId: f.id,
        meetingId: f.meetingId,
        itemNumber: f.itemNumber,
        closed,
        text: closed ? null : f.text,
        owner: f.owner?.name ?? '',
        due: f.due,
        status: lineStatus(f, today, since),
        newDate: f.reminders?.checkIn?.newDate ?? null,
        answeredAt: f.reminders?.checkIn?.at ?? null,
      };
    })
    .sort((a, b) => (a.due?.due ?? '9999').localeCompare(b.due?.due ?? '9999') || a.followUpId.localeCompare(b.followUpId));
  const body = lines.length ? lines.map((l) => lineText(l, locale)).join('\n') : t(locale, 'agendaStatus.none');
  return { forumId, asOf: today, title: t(locale, 'agendaStatus.title'), lines, body };
}
