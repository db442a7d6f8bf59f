/**
 * Reminder, check-in and digest cards (templates `cards/reminder.json`, `checkin.json`, `digest.json`).
 * Builders take ready view models (the scheduler loads and decides); they only lay out and translate.
 * Every button carries `jobId`: the job that sent the card, whose payload lists the card's follow-ups,
 * so an answer can redraw the whole card in place.
 */
import type { CheckInStatus, DueDate, Locale } from '../domain';
import { t } from '../i18n';
import type { GroupCounts, OpenCounts } from '../domain/figures';
import { fitLargest } from './budget';
import { groupBars, openStateDonut, withCharts } from './charts';
import { type CardAction, executeAction } from './execute';
import { formatDue, formatShortDate } from './format';
import { type CardJson, fitText, renderCard } from './render';

export type RowState = 'open' | 'done' | 'postponed' | 'snoozed' | 'on-track' | 'late';

export interface FollowUpRowView {
  forumId: string;
  followUpId: string;
  text: string;
  forumName: string;
  /** Meeting date YYYY-MM-DD, or null when the meeting is gone. */
  meetingDate: string | null;
  /** "Punkt 4: Budget 2027" (closed items: "Punkt 5: Lukket punkt"). */
  itemHeading: string;
  owner: string;
  /** The card goes to the delegate, not the owner. */
  delegated: boolean;
  due: DueDate | null;
  /** Calendar days from the card's date to the due date (negative: overdue); null without a due date. */
  daysLeft: number | null;
  state: RowState;
  /** The new due date (postponed, late) or the snooze date. */
  stateDate: string | null;
}

function daysText(locale: Locale, days: number | null): string {
  if (days === null) return '';
  if (days === 0) return t(locale, 'reminder.days.today');
  if (days === 1) return t(locale, 'reminder.days.tomorrow');
  if (days > 1) return t(locale, 'reminder.days.left', { days });
  return days === -1 ? t(locale, 'reminder.days.overdueOne') : t(locale, 'reminder.days.overdue', { days: -days });
}

function stateText(locale: Locale, r: FollowUpRowView): string {
  const date = r.stateDate ? formatShortDate(locale, r.stateDate) : '';
  switch (r.state) {
    case 'open':
      return '';
    case 'done':
      return t(locale, 'reminder.state.done');
    case 'postponed':
      return t(locale, 'reminder.state.postponed', { date });
    case 'snoozed':
      return t(locale, 'reminder.state.snoozed', { date });
    case 'on-track':
      return t(locale, 'reminder.state.onTrack');
    case 'late':
      return date ? t(locale, 'reminder.state.late', { date }) : t(locale, 'reminder.state.lateNoDate');
  }
}

function dateInputCard(locale: Locale, i: number, r: FollowUpRowView, withReason: boolean, confirm: CardAction): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    {
      type: 'Input.Date',
      id: `newDate_${i}`,
      label: t(locale, 'reminder.action.newDate'),
      isRequired: true,
      errorMessage: t(locale, 'reminder.action.newDateMissing'),
      value: r.due?.due ?? '',
    },
  ];
  if (withReason) body.push({ type: 'Input.Text', id: `reason_${i}`, label: t(locale, 'reminder.action.reason'), maxLength: 500 });
  return { type: 'AdaptiveCard', body, actions: [confirm] };
}

type ActionsFor = (locale: Locale, r: FollowUpRowView, i: number, jobId: string) => CardAction[];

const reminderActions: ActionsFor = (locale, r, i, jobId) => {
  const ref = { forumId: r.forumId, followUpId: r.followUpId, jobId };
  const confirm = executeAction(`postponeSave_${i}`, t(locale, 'reminder.action.savePostpone'), 'followup.postpone', { ...ref, inputSuffix: `_${i}` });
  return [
    executeAction(`done_${i}`, t(locale, 'reminder.action.done'), 'followup.done', ref, { style: 'positive', associatedInputs: 'none' }),
    { type: 'Action.ShowCard', id: `postpone_${i}`, title: t(locale, 'reminder.action.postpone'), card: dateInputCard(locale, i, r, true, confirm) },
    executeAction(`snooze_${i}`, t(locale, 'reminder.action.snooze'), 'followup.snooze', { ...ref, days: 1 }, { associatedInputs: 'none' }),
  ];
};

const checkInActions: ActionsFor = (locale, r, i, jobId) => {
  const ref = { forumId: r.forumId, followUpId: r.followUpId, jobId };
  const answer = (status: CheckInStatus) => ({ ...ref, status });
  const confirm = executeAction(`lateSave_${i}`, t(locale, 'checkin.action.saveLate'), 'checkin.answer', { ...answer('late'), inputSuffix: `_${i}` });
  return [
    executeAction(`onTrack_${i}`, t(locale, 'checkin.action.onTrack'), 'checkin.answer', answer('on-track'), { associatedInputs: 'none' }),
    { type: 'Action.ShowCard', id: `late_${i}`, title: t(locale, 'checkin.action.late'), card: dateInputCard(locale, i, r, false, confirm) },
    executeAction(`done_${i}`, t(locale, 'reminder.action.done'), 'checkin.answer', answer('done'), { style: 'positive', associatedInputs: 'none' }),
  ];
};

function rowData(locale: Locale, r: FollowUpRowView, i: number, jobId: string, actionsFor: ActionsFor) {
  const actions = r.state === 'done' ? [] : actionsFor(locale, r, i, jobId);
  const due = r.due ? t(locale, 'reminder.due', { due: formatDue(locale, r.due) }) : t(locale, 'reminder.noDue');
  const days = daysText(locale, r.daysLeft);
  return {
    source: t(locale, 'reminder.source', {
      forum: r.forumName,
      date: r.meetingDate ? formatShortDate(locale, r.meetingDate) : '',
      item: r.itemHeading,
    }),
    text: fitText(r.text, 600),
    meta: days && (r.daysLeft ?? 0) >= 0 ? `${due} · ${days}` : due,
    flag: r.daysLeft !== null && r.daysLeft < 0 && r.state !== 'done' ? days : '',
    note: r.delegated ? t(locale, 'reminder.delegated', { owner: r.owner }) : '',
    state: stateText(locale, r),
    hasActions: actions.length > 0,
    actions,
  };
}

function listCard(
  template: 'reminder' | 'checkin',
  title: string,
  intro: string,
  locale: Locale,
  rows: FollowUpRowView[],
  jobId: string,
  actionsFor: ActionsFor,
): CardJson {
  const data = rows.map((r, i) => rowData(locale, r, i, jobId, actionsFor));
  return fitLargest(data.length, (n) =>
    renderCard(template, {
      title,
      intro,
      rows: data.slice(0, n),
      moreNote: n < data.length ? t(locale, 'reminder.more', { count: data.length - n }) : '',
    }),
  );
}

/** The one reminder card a person gets on a day, bundling every follow-up due a reminder. */
export function reminderCard(locale: Locale, view: { jobId: string; rows: FollowUpRowView[] }): CardJson {
  const count = view.rows.length;
  const title = count === 1 ? t(locale, 'reminder.title.one') : t(locale, 'reminder.title.many', { count });
  return listCard('reminder', title, t(locale, 'reminder.intro'), locale, view.rows, view.jobId, reminderActions);
}

/** Before a meeting: "på sporet / forsinket (ny dato) / udført" for each of the owner's open follow-ups. */
export function checkInCard(locale: Locale, view: { jobId: string; meetingDate: string; rows: FollowUpRowView[] }): CardJson {
  const title = t(locale, 'checkin.title', { date: formatShortDate(locale, view.meetingDate) });
  return listCard('checkin', title, t(locale, 'checkin.intro'), locale, view.rows, view.jobId, checkInActions);
}

export interface DigestRowView {
  text: string;
  due: DueDate | null;
  overdue: boolean;
  dueThisWeek: boolean;
  postponements: number;
  undeliverable: boolean;
  checkIn: CheckInStatus | null;
}

export interface DigestView {
  forumName: string;
  /** ISO week number and the date of its Monday. */
  weekNumber: number;
  weekStart: string;
  counts: { open: number; dueThisWeek: number; overdue: number; postponed: number };
  owners: { owner: string; rows: DigestRowView[] }[];
  /** The charts' figures (docs/protocol.md "Follow-up figures"); without them the counts show as facts. */
  figures?: DigestFigures;
}

export interface DigestFigures {
  open: OpenCounts;
  doneSinceLastDigest: number;
  groups: GroupCounts[];
  groupBy: 'department' | 'owner';
}

/** The digest's charts: the donut of open follow-ups by state, then the bars per department/owner. */
function digestCharts(locale: Locale, f: DigestFigures): CardJson[] {
  const charts = [openStateDonut(locale, f.open, f.doneSinceLastDigest)];
  if (f.groups.length > 0) charts.push({ ...groupBars(locale, f.groups, f.groupBy), spacing: 'Medium' });
  return charts;
}

function digestFlags(locale: Locale, r: DigestRowView): string {
  const flags: string[] = [];
  if (r.overdue) flags.push(t(locale, 'digest.flag.overdue'));
  else if (r.dueThisWeek) flags.push(t(locale, 'digest.flag.thisWeek'));
  if (r.postponements > 0) flags.push(t(locale, 'digest.flag.postponed', { count: r.postponements }));
  if (r.undeliverable) flags.push(t(locale, 'digest.flag.undeliverable'));
  if (r.checkIn) flags.push(t(locale, 'digest.flag.checkIn', { status: t(locale, `agendaStatus.status.${r.checkIn}`) }));
  return flags.join(' · ');
}

/** The secretary's Monday digest: counts, then open follow-ups by owner (overdue first). */
export function digestCard(locale: Locale, view: DigestView): CardJson {
  const total = view.owners.reduce((n, o) => n + o.rows.length, 0);
  const counts = [
    { label: t(locale, 'digest.open'), value: String(view.counts.open) },
    { label: t(locale, 'digest.dueThisWeek'), value: String(view.counts.dueThisWeek) },
    { label: t(locale, 'digest.overdue'), value: String(view.counts.overdue) },
    { label: t(locale, 'digest.postponed'), value: String(view.counts.postponed) },
  ];
  return fitLargest(total, (n) => {
    let left = n;
    const owners = view.owners
      .map((o) => {
        const rows = o.rows.slice(0, Math.max(0, left));
        left -= rows.length;
        return {
          heading: t(locale, 'digest.ownerHeading', { owner: o.owner, count: o.rows.length }),
          rows: rows.map((r) => ({ text: fitText(r.text, 300), meta: formatDue(locale, r.due) || t(locale, 'reminder.noDue'), flag: digestFlags(locale, r) })),
        };
      })
      .filter((o) => o.rows.length > 0);
    const card = renderCard('digest', {
      title: t(locale, 'digest.title', { forum: view.forumName }),
      subtitle: t(locale, 'digest.week', { week: view.weekNumber, date: formatShortDate(locale, view.weekStart) }),
      showCounts: !view.figures,
      counts,
      owners,
      empty: total === 0 ? t(locale, 'digest.none') : '',
      moreNote: n < total ? t(locale, 'digest.more', { count: total - n }) : '',
    });
    return view.figures ? withCharts(card, 2, digestCharts(locale, view.figures)) : card;
  });
}
