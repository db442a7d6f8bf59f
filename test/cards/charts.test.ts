/** The follow-up charts (digest, status card, agenda item): the numbers, the schema, and the text fallbacks. */
import { agendaFollowUpCharts, followUpStatusCard } from '../../src/cards/follow-up-status';
import { itemCard } from '../../src/cards/item-card';
import { digestCard } from '../../src/cards/reminders';
import { NO_RESPONSES } from '../../src/cards/tally';
import { CARD_BUDGET_BYTES, cardSize } from '../../src/cards/render';
import type { Locale } from '../../src/domain';
import { lastMeetings, lastQuarter, meetingsSinceLast, onTimeShare, outcomesByMeeting } from '../../src/domain/figures';
import { digestView } from '../../src/scheduler/digest';
import { FIGURES, figuresForum, followUps, LAST_DIGEST, meetings, NOW, TODAY } from '../support/figures-forum';
import { anItem } from './samples';
import { chartNumbers, facts, fallbackNumbers } from './chart-numbers';
import { allOfType, cardProblems, type Json, jsonOf, withFallbacks } from './validate';

const digest = (locale: Locale, forum = figuresForum) =>
  digestCard(locale, digestView(forum, followUps, TODAY, TODAY, locale, { since: LAST_DIGEST, now: NOW }));

describe('the weekly digest draws the forum’s follow-up with Teams charts', () => {
  it('a donut of open follow-ups by state plus those done since the last digest', () => {
    const card = digest('da');
    expect(cardProblems(card)).toEqual([]);
    const [donut] = allOfType(card, 'Chart.Donut');
    expect(chartNumbers(donut)).toEqual([
      `På sporet: ${FIGURES.open['on-track']}`,
      `Frist denne uge: ${FIGURES.open['due-this-week']}`,
      `Overskredne: ${FIGURES.open.overdue}`,
      `Udsatte: ${FIGURES.open.postponed}`,
      `Udført siden sidste oversigt: ${FIGURES.doneSinceLastDigest}`,
    ]);
  });

  it('a stacked bar per department, largest first', () => {
    const [bars] = allOfType(digest('da'), 'Chart.HorizontalBar.Stacked');
    expect(bars.title).toBe('Åbne opfølgninger pr. afdeling');
    expect(chartNumbers(bars)).toEqual(
      FIGURES.byDepartment.flatMap((d) => [
        `${d.name} / På sporet: ${d.counts['on-track']}`,
        `${d.name} / Frist denne uge: ${d.counts['due-this-week']}`,
        `${d.name} / Overskredne: ${d.counts.overdue}`,
        `${d.name} / Udsatte: ${d.counts.postponed}`,
      ]),
    );
  });

  it('per owner when the forum has no departments, in English too', () => {
    const [bars] = allOfType(digest('en', { ...figuresForum, departments: [] }), 'Chart.HorizontalBar.Stacked');
    expect(bars.title).toBe('Open follow-ups by owner');
    expect((bars.data as Json[]).map((b) => b.title)).toEqual(['Kultur & Fritid', 'Miljø & Teknik', 'Bo Berg', 'Stab']);
  });

  it('keeps the list of open follow-ups under the charts, overdue first', () => {
    const text = jsonOf(digest('da'));
    expect(text.indexOf('Chart.HorizontalBar.Stacked')).toBeLessThan(text.indexOf('Opfølgning c1'));
    expect(text).toContain('Kultur & Fritid (3)');
  });

  it('with every chart replaced by its fallback the card still carries every number', () => {
    const card = digest('da');
    const charts = allOfType(card, 'Chart.');
    expect(charts).toHaveLength(2);
    for (const chart of charts) expect(fallbackNumbers(chart)).toEqual(expect.arrayContaining(chartNumbers(chart)));
    const plain = withFallbacks(card) as Json;
    expect(allOfType(plain, 'Chart.')).toEqual([]);
    expect(cardProblems(plain)).toEqual([]);
    const shown = facts(plain).map((f) => `${f.title}: ${f.value}`);
    expect(shown).toContain(`Åbne: ${FIGURES.openTotal}`);
    expect(shown).toContain(`Udført siden sidste oversigt: ${FIGURES.doneSinceLastDigest}`);
    expect(shown).toContain('Kultur & Fritid: På sporet: 1 · Frist denne uge: 0 · Overskredne: 2 · Udsatte: 1');
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });
});

describe('the status card and the agenda’s "Opfølgning på beslutninger" item', () => {
  const statusView = (ms: typeof meetings) => ({
    forumName: figuresForum.name,
    today: TODAY,
    meetings: outcomesByMeeting(followUps, ms),
    quarter: onTimeShare(followUps, TODAY),
    period: lastQuarter(TODAY),
  });

  it('the status card: a bar per meeting (last six) and the quarter’s gauge, every number also as text', () => {
    const card = followUpStatusCard('da', statusView(lastMeetings(meetings, TODAY)));
    expect(cardProblems(card)).toEqual([]);
    const [bars] = allOfType(card, 'Chart.HorizontalBar.Stacked');
    expect((bars.data as Json[]).map((b) => (b.data as Json[]).map((s) => s.value))).toEqual(
      ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'].map((id) => {
        const c = FIGURES.byMeeting[id as keyof typeof FIGURES.byMeeting];
        return [c['on-time'], c.late, c.open, c.dismissed];
      }),
    );
    const [gauge] = allOfType(card, 'Chart.Gauge');
    expect(gauge).toMatchObject({ value: 40, min: 0, max: 100, valueFormat: 'Percentage', subLabel: '4 af 10 med frist 7. juni 2026 – 6. september 2026' });
    for (const chart of [bars, gauge]) expect(fallbackNumbers(chart)).toEqual(expect.arrayContaining(chartNumbers(chart)));
    const plain = withFallbacks(card) as Json;
    expect(cardProblems(plain)).toEqual([]);
    expect(facts(plain)).toContainEqual({ title: 'Møde 2. juni 2026', value: 'Til tiden: 1 · For sent: 1 · Stadig åbne: 0 · Udgået: 1' });
    expect(facts(plain)).toContainEqual({ title: 'Udført til tiden', value: '40 % (4 af 10 med frist 7. juni 2026 – 6. september 2026)' });
  });

  it('the next agenda’s follow-up item shows the meeting since the last one and the quarter', () => {
    const since = meetingsSinceLast(meetings, '2026-09-22', TODAY);
    expect(since.map((m) => m.id)).toEqual(['M6']);
    const item = anItem(2, { title: 'Opfølgning på beslutninger', proposals: [], sections: [] });
    const view = { forumId: 'forum-fig', meetingId: 'M7', audience: 'channel' as const, responses: { ...NO_RESPONSES, members: 4 }, canDecide: false };
    const card = itemCard(item, { ...view, charts: agendaFollowUpCharts('da', statusView(since)) }, 'da');
    expect(cardProblems(card)).toEqual([]);
    const [bars] = allOfType(card, 'Chart.HorizontalBar.Stacked');
    expect(bars.title).toBe('Opfølgninger fra møderne siden sidst');
    expect(chartNumbers(bars)).toEqual([
      'Møde 25. august 2026 / Til tiden: 1',
      'Møde 25. august 2026 / For sent: 0',
      'Møde 25. august 2026 / Stadig åbne: 2',
      'Møde 25. august 2026 / Udgået: 0',
    ]);
    expect(allOfType(card, 'Chart.Gauge')[0].value).toBe(40);
    expect(jsonOf(withFallbacks(card))).toContain('Til tiden: 1 · For sent: 0 · Stadig åbne: 2 · Udgået: 0');
    // Any other item has no charts.
    expect(allOfType(itemCard(anItem(3), view, 'da'), 'Chart.')).toEqual([]);
  });

  it('a quarter with nothing due says so instead of an empty gauge', () => {
    const card = followUpStatusCard('en', { ...statusView([]), quarter: { onTime: 0, total: 0, percent: null } });
    expect(cardProblems(card)).toEqual([]);
    expect(allOfType(card, 'Chart.')).toEqual([]);
    expect(jsonOf(card)).toContain('Nothing was due in the last quarter');
    expect(jsonOf(card)).toContain('No meetings held yet.');
  });
});
