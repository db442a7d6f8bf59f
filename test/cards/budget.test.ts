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
import { agendaFollowUpCharts, followUpStatusCard } from '../../src/cards/follow-up-status';
import { itemCard } from '../../src/cards/item-card';
import { digestCard } from '../../src/cards/reminders';
import { NO_RESPONSES } from '../../src/cards/tally';
import type { Forum } from '../../src/domain';
import { lastMeetings, lastQuarter, onTimeShare, outcomesByMeeting } from '../../src/domain/figures';
import { digestView } from '../../src/scheduler/digest';
import { aDecision, aFollowUp, anItem, forum, meeting } from './samples';
import { allOfType, cardProblems, type Json } from './validate';

const within = (card: Record<string, unknown>) => {
  expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  expect(
    cardProblems(card, { newDate_0: '2020-01-01', publishDate: '2019-10-08', publishTime: '08:00', forumName: 'F', secretary: '0', chair: '1', members: '2' }),
  ).toEqual([]);
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
    const card = followUpListCard(
      'Mine opgaver',
      Array.from({ length: 200 }, (_, i) => aFollowUp(`f${i}`)),
      'da',
      { actions: 'done-postpone' },
    );
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

describe('the follow-up charts with the largest realistic forum: 40 members, 12 departments, 300 open follow-ups', () => {
  const departments = Array.from({ length: 12 }, (_, i) => `Afdeling for lange navne og mange opgaver ${i + 1}`);
  const members = Array.from({ length: 40 }, (_, i) => ({
    userId: `29:${'m'.repeat(60)}${i}`,
    aadObjectId: null,
    name: `Medlem med et langt navn nummer ${i + 1}`,
    department: departments[i % 12],
    role: i === 0 ? ('chair' as const) : i === 1 ? ('secretary' as const) : ('member' as const),
  }));
  const big: Forum = { ...forum, members, departments };
  const sixMeetings = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, date: `2026-0${i + 3}-10` }));
  const open = Array.from({ length: 300 }, (_, i) =>
    aFollowUp(`f${i}`, {
      meetingId: `m${i % 6}`,
      text: `En lang opfølgning om noget der skal gøres ordentligt og til tiden, nummer ${i}. `.repeat(3),
      owner: { kind: 'member', name: members[i % 40].name, userId: members[i % 40].userId },
      assignees: [members[i % 40].userId],
      due: { due: `2026-09-${String((i % 28) + 1).padStart(2, '0')}`, dueFrom: '2026-09-01', precision: 'day', text: 'september' },
      postponements: i % 7 === 0 ? [{ from: null, reason: null, at: '2026-08-01T08:00:00Z' }] : [],
    }),
  );
  const window = { since: '2026-09-07T06:00:00.000Z', now: '2026-09-14T06:00:00.000Z' };
  const barTotal = (card: Json) =>
    (allOfType(card, 'Chart.HorizontalBar.Stacked')[0].data as Json[])
      .flatMap((b) => (b.data as Json[]).map((s) => s.value as number))
      .reduce((a, b) => a + b, 0);

  it('the digest: donut and 12 department bars stay whole, the list shows the top rows and says how many more', () => {
    const card = digestCard('da', digestView(big, open, '2026-09-14', '2026-09-14', 'da', window));
    within(card);
    expect(allOfType(card, 'Chart.HorizontalBar.Stacked')[0].data).toHaveLength(12);
    expect(barTotal(card)).toBe(300);
    expect(JSON.stringify(card)).toMatch(/"title":"Åbne","value":"300"/);
    expect(JSON.stringify(card)).toMatch(/… og \d+ mere/);
  });

  it('the digest per owner (no departments): 11 owners and "Øvrige (29)" summing the rest, so the bars still add up to 300', () => {
    const card = digestCard('da', digestView({ ...big, departments: [] }, open, '2026-09-14', '2026-09-14', 'da', window));
    within(card);
    const bars = allOfType(card, 'Chart.HorizontalBar.Stacked')[0].data as Json[];
    expect(bars).toHaveLength(12);
    expect(bars[11].title).toBe('Øvrige (29)');
    expect(barTotal(card)).toBe(300);
  });

  it('the status card and the agenda item with six meetings of 50 follow-ups each', () => {
    const view = {
      forumName: big.name,
      today: '2026-09-14',
      meetings: outcomesByMeeting(open, lastMeetings(sixMeetings, '2026-09-14')),
      quarter: onTimeShare(open, '2026-09-14'),
      period: lastQuarter('2026-09-14'),
    };
    within(followUpStatusCard('da', view));
    const item = anItem(2, { title: 'Opfølgning på beslutninger' });
    within(
      itemCard(
        item,
        {
          forumId: big.id,
          meetingId: 'm6',
          audience: 'secretary',
          responses: { ...NO_RESPONSES, members: 40 },
          canDecide: true,
          charts: agendaFollowUpCharts('da', view),
        },
        'da',
      ),
    );
  });
});
