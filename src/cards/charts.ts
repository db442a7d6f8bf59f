/**
 * Teams chart elements (Microsoft, "Charts in Adaptive Cards") for the follow-up figures, each with a
 * `fallback` that carries the same numbers as text (a FactSet), for clients without charts and for
 * the side panel's renderer. See docs/protocol.md "Charts".
 */
import type { Locale } from '../domain';
import { type GroupCounts, type MeetingOutcomes, OPEN_STATES, type OpenCounts, type OpenState, OUTCOMES, type Outcome, type Share } from '../domain/figures';
import { t } from '../i18n';
import { formatShortDate } from './format';
import type { CardJson } from './render';

/** The chart element types Teams renders (the page's list); card validation accepts exactly these. */
export const CHART_TYPES = [
  'Chart.Donut',
  'Chart.Pie',
  'Chart.Gauge',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.Line',
] as const;

/** Most bars a chart shows; the rest are summed into one "Others (N)" bar, so totals still add up. */
export const MAX_BARS = 12;

export interface Slice {
  legend: string;
  value: number;
  color: string;
}

export interface Bar {
  title: string;
  data: Slice[];
}

const STATE_COLOR: Record<OpenState, string> = {
  'on-track': 'categoricalBlue',
  'due-this-week': 'warning',
  overdue: 'attention',
  postponed: 'categoricalLavender',
};
const OUTCOME_COLOR: Record<Outcome, string> = { 'on-time': 'good', late: 'warning', open: 'categoricalBlue', dismissed: 'neutral' };

function titled(title: string, facts: { title: string; value: string }[]): CardJson {
  return {
    type: 'Container',
    items: [
      { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts },
    ],
  };
}

const barText = (bar: Bar): string => bar.data.map((s) => `${s.legend}: ${s.value}`).join(' · ');

export function donutChart(title: string, data: Slice[], extraFacts: { title: string; value: string }[] = []): CardJson {
  return {
    type: 'Chart.Donut',
    title,
    data,
    fallback: titled(title, [...extraFacts, ...data.map((s) => ({ title: s.legend, value: String(s.value) }))]),
  };
}

export function stackedBarChart(title: string, bars: Bar[]): CardJson {
  return {
    type: 'Chart.HorizontalBar.Stacked',
    title,
    data: bars,
    fallback: titled(
      title,
      bars.map((b) => ({ title: b.title, value: barText(b) })),
    ),
  };
}

export function gaugeChart(title: string, share: Share & { percent: number }, subLabel: string, locale: Locale): CardJson {
  return {
    type: 'Chart.Gauge',
    title,
    value: share.percent,
    min: 0,
    max: 100,
    valueFormat: 'Percentage',
    subLabel,
    segments: [
      { legend: t(locale, 'figures.outcome.on-time'), size: share.percent, color: 'good' },
      { legend: t(locale, 'figures.gauge.rest'), size: 100 - share.percent, color: 'neutral' },
    ],
    fallback: titled(title, [{ title: t(locale, 'figures.gauge.fact'), value: `${share.percent} % (${subLabel})` }]),
  };
}

/** Keeps the first MAX_BARS - 1 bars and sums the rest into one, when there are more than MAX_BARS. */
export function capBars(bars: Bar[], locale: Locale): Bar[] {
  if (bars.length <= MAX_BARS) return bars;
  const kept = bars.slice(0, MAX_BARS - 1);
  const rest = bars.slice(MAX_BARS - 1);
  const summed = rest[0].data.map((s, i) => ({ ...s, value: rest.reduce((n, b) => n + (b.data[i]?.value ?? 0), 0) }));
  return [...kept, { title: t(locale, 'figures.others', { count: rest.length }), data: summed }];
}

const stateSlices = (locale: Locale, counts: OpenCounts): Slice[] =>
  OPEN_STATES.map((s) => ({ legend: t(locale, `figures.state.${s}`), value: counts[s], color: STATE_COLOR[s] }));

/** The digest's donut: open follow-ups by state, plus those done since the last digest. */
export function openStateDonut(locale: Locale, open: OpenCounts, doneSince: number): CardJson {
  const total = OPEN_STATES.reduce((n, s) => n + open[s], 0);
  const data = [...stateSlices(locale, open), { legend: t(locale, 'figures.doneSince'), value: doneSince, color: 'good' }];
  return donutChart(t(locale, 'figures.donut.title'), data, [{ title: t(locale, 'figures.open'), value: String(total) }]);
}

/** The digest's bars: open follow-ups by state per department (or per owner). */
export function groupBars(locale: Locale, groups: GroupCounts[], by: 'department' | 'owner'): CardJson {
  const bars = groups.map((g) => ({ title: g.name, data: stateSlices(locale, g.counts) }));
  return stackedBarChart(t(locale, by === 'department' ? 'figures.byDepartment.title' : 'figures.byOwner.title'), capBars(bars, locale));
}

/** Per meeting: its follow-ups done on time, late, still open, dismissed. */
export function meetingBars(locale: Locale, rows: MeetingOutcomes[], title: string): CardJson {
  const bars = rows.map((r) => ({
    title: t(locale, 'figures.meeting', { date: formatShortDate(locale, r.date) }),
    data: OUTCOMES.map((o) => ({ legend: t(locale, `figures.outcome.${o}`), value: r.counts[o], color: OUTCOME_COLOR[o] })),
  }));
  return stackedBarChart(title, bars);
}

/** The quarter's "done on time" gauge, or a line saying nothing was due. */
export function onTimeGauge(locale: Locale, share: Share, period: { from: string; to: string }): CardJson {
  const dates = { from: formatShortDate(locale, period.from), to: formatShortDate(locale, period.to) };
  if (share.percent === null) return { type: 'TextBlock', text: t(locale, 'figures.gauge.none', dates), wrap: true, isSubtle: true };
  const subLabel = t(locale, 'figures.gauge.subLabel', { onTime: share.onTime, total: share.total, ...dates });
  return gaugeChart(t(locale, 'figures.gauge.title'), { ...share, percent: share.percent }, subLabel, locale);
}

/** The card with `charts` inserted into its body at `index` (after the title lines). */
export function withCharts(card: CardJson, index: number, charts: CardJson[]): CardJson {
  const body = [...((card.body as CardJson[] | undefined) ?? [])];
  body.splice(index, 0, ...charts);
  return { ...card, body };
}
