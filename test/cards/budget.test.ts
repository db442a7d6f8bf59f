import {
  agendaOverviewCard,
  agendaPreviewCard,
  CARD_BUDGET_BYTES,
  cardSize,
  errorCard,
  followUpListCard,
  setupCard,
  summaryCard,
  tallyResponses,
} from '../../src/cards';
import { aDecision, aFollowUp, anItem, meeting } from './samples';
import { cardProblems } from './validate';

const within = (card: Record<string, unknown>) => {
  expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  expect(cardProblems(card, { newDate_0: '2020-01-01', publishDate: '2019-10-08', publishTime: '08:00', forumName: 'F', secretary: '0', chair: '1', members: '2' })).toEqual([]);
};

describe('cards with a lot in them stay under 28 KB and say what was left out', () => {
  const manyItems = { ...meeting, items: Array.from({ length: 300 }, (_, i) => anItem(i + 1, { title: `Et punkt med en ret lang titel om mange ting ${i}` })) };

  it('an agenda of 300 items: preview and overview count the items not shown', () => {
    const preview = agendaPreviewCard(manyItems, [], 'da');
    within(preview);
    expect(JSON.stringify(preview)).toMatch(/… og \d+ punkter mere/);
    const overview = agendaOverviewCard(manyItems, tallyResponses([], 9), 'da');
    within(overview);
    expect(JSON.stringify(overview)).toMatch(/… og \d+ punkter mere/);
  });

  it('a summary with long decisions and 300 follow-ups', () => {
    const decisions = manyItems.items.map((i) => aDecision(i.number, { text: 'Lang beslutning. '.repeat(200) }));
    const followUps = Array.from({ length: 300 }, (_, i) => aFollowUp(`f${i}`));
    const card = summaryCard(manyItems, decisions, meeting.communications, followUps, [], 'da');
    within(card);
    expect(JSON.stringify(card)).toMatch(/i referatet/);
  });

  it('a list of 200 follow-ups with buttons', () => {
    const card = followUpListCard('Mine opgaver', Array.from({ length: 200 }, (_, i) => aFollowUp(`f${i}`)), 'da', { actions: 'done-postpone' });
    within(card);
    expect(JSON.stringify(card)).toMatch(/… og \d+ mere/);
  });

  it('an error card handing back a 10 MB paste', () => {
    const card = errorCard('da', 'For stort', 'x'.repeat(10_000_000));
    within(card);
    expect(JSON.stringify(card)).toContain('forkortet – 10000000 tegn i alt');
  });

  it('a setup card for a team of 200', () => {
    const roster = Array.from({ length: 200 }, (_, i) => ({ userId: `29:${'u'.repeat(80)}${i}`, name: `Medarbejder ${i}` }));
    const card = setupCard(roster, 'da');
    within(card);
    expect(JSON.stringify(card)).toMatch(/Kun de første \d+ af 200 personer/);
  });
});
