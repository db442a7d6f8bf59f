/** The follow-up charts (digest, status card, agenda item): the numbers, the schema, and the text fallbacks. */
import { digestCard } from '../../src/cards/reminders';
import { CARD_BUDGET_BYTES, cardSize } from '../../src/cards/render';
import type { Locale } from '../../src/domain';
import { digestView } from '../../src/scheduler/digest';
import { FIGURES, figuresForum, followUps, LAST_DIGEST, NOW, TODAY } from '../support/figures-forum';
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
