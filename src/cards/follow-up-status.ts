/**
 * "Opfølgning": for each of the last six meetings its follow-ups done on time, late, still open and
 * dismissed (stacked bars), and the gauge of "done on time" over the last quarter (template
 * `cards/follow-up-status.json`; charts with text fallbacks from charts.ts). Numbers only, no texts.
 */
import type { Locale } from '../domain';
import type { MeetingOutcomes, Share } from '../domain/figures';
import { t } from '../i18n';
import { meetingBars, onTimeGauge, withCharts } from './charts';
import { formatShortDate } from './format';
import { type CardJson, renderCard } from './render';

export interface FollowUpStatusView {
  forumName: string;
  /** YYYY-MM-DD the figures are for. */
  today: string;
  /** The last six meetings held, oldest first. */
  meetings: MeetingOutcomes[];
  quarter: Share;
  period: { from: string; to: string };
}

export function followUpStatusCard(locale: Locale, view: FollowUpStatusView): CardJson {
  const card = renderCard('follow-up-status', {
    title: t(locale, 'figures.status.title', { forum: view.forumName }),
    subtitle: t(locale, 'figures.status.subtitle', { date: formatShortDate(locale, view.today) }),
    empty: view.meetings.length === 0 ? t(locale, 'figures.status.noMeetings') : '',
  });
  const charts: CardJson[] = [];
  if (view.meetings.length > 0) charts.push(meetingBars(locale, view.meetings, t(locale, 'figures.byMeeting.title')));
  charts.push({ ...onTimeGauge(locale, view.quarter, view.period), separator: true, spacing: 'Medium' });
  return withCharts(card, (card.body as unknown[]).length, charts);
}

/** The message's text summary (notifications, screen readers). */
export function followUpStatusSummary(locale: Locale, view: FollowUpStatusView): string {
  const percent = view.quarter.percent === null ? '–' : `${view.quarter.percent} %`;
  return t(locale, 'figures.status.summary', { percent });
}

/** The charts of the agenda's "Opfølgning på beslutninger" item: the meetings since the last one, and the quarter. */
export function agendaFollowUpCharts(locale: Locale, view: FollowUpStatusView): CardJson[] {
  const charts: CardJson[] = [];
  if (view.meetings.length > 0) charts.push({ ...meetingBars(locale, view.meetings, t(locale, 'figures.byMeeting.since')), separator: true });
  charts.push(onTimeGauge(locale, view.quarter, view.period));
  return charts;
}
