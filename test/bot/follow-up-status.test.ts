/** "opfølgning" end to end: the secretary and the chair see the forum's follow-up in figures and charts. */
import { t } from '../../src/i18n';
import { withFallbacks } from '../cards/validate';
import { allOfType, cardProblems, type Json } from '../cards/validate';
import { chartNumbers, fallbackNumbers } from '../cards/chart-numbers';
import { USERS } from '../support/activities';
import { FIGURES, historyIn, NOW } from '../support/figures-forum';
import { useHarness } from '../support/use-harness';

describe('"opfølgning" / "follow-up status"', () => {
  const h = useHarness({ seedForum: true, now: NOW });

  beforeAll(async () => {
    const forum = (await h.store.forums.list())[0];
    const { meetings, followUps } = historyIn(forum.id);
    for (const m of meetings) await h.store.meetings.create(m);
    await h.store.followUps.createMany(followUps);
  });

  it('shows the secretary each of the last six meetings’ outcomes and the quarter’s share on time', async () => {
    expect((await h.post(h.aMessage('opfølgning'))).status).toBe(200);
    const [card] = h.fake.cards() as Json[];
    expect(cardProblems(card)).toEqual([]);
    const [bars] = allOfType(card, 'Chart.HorizontalBar.Stacked');
    expect((bars.data as Json[]).map((b) => b.title)).toEqual([
      'Møde 2. juni 2026',
      'Møde 16. juni 2026',
      'Møde 30. juni 2026',
      'Møde 14. juli 2026',
      'Møde 11. august 2026',
      'Møde 25. august 2026',
    ]);
    const m1 = (bars.data as Json[])[0].data as Json[];
    expect(m1.map((s) => [s.legend, s.value])).toEqual([
      ['Til tiden', FIGURES.byMeeting.M1['on-time']],
      ['For sent', FIGURES.byMeeting.M1.late],
      ['Stadig åbne', FIGURES.byMeeting.M1.open],
      ['Udgået', FIGURES.byMeeting.M1.dismissed],
    ]);
    const [gauge] = allOfType(card, 'Chart.Gauge');
    expect(gauge.value).toBe(FIGURES.quarter.percent);
    expect(gauge.subLabel).toContain(`${FIGURES.quarter.onTime} af ${FIGURES.quarter.total}`);
    for (const chart of [bars, gauge]) expect(fallbackNumbers(chart)).toEqual(expect.arrayContaining(chartNumbers(chart)));
    expect(cardProblems(withFallbacks(card) as Json)).toEqual([]);
  });

  it('answers the chair in English to "follow-up status"', async () => {
    await h.post(h.aMessage('follow-up status', { from: USERS.director, locale: 'en-US' }));
    const [card] = h.fake.cards() as Json[];
    expect(JSON.stringify(card)).toContain('Follow-up in Ledelsesforum Testrup');
    expect(allOfType(card, 'Chart.Gauge')[0].value).toBe(40);
  });

  it('refuses a chief with a clear message', async () => {
    await h.post(h.aMessage('opfølgning', { from: USERS.chiefCulture }));
    const text = JSON.stringify(h.fake.cards());
    expect(text).toContain(t('da', 'card.error.title'));
    expect(text).not.toContain('Chart.');
  });
});
