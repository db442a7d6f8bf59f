/**
 * The real minutes (../shared/seeds, read-only, never copied) through the parser and every card that
 * shows an item: under budget, valid, and closed items silent in the channel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agendaOverviewCard, agendaPreviewCard, CARD_BUDGET_BYTES, cardSize, closedItemCard, itemCard, summaryCard, tallyResponses } from '../../src/cards';
import type { Meeting } from '../../src/domain';
import { parseDocument } from '../../src/minutes/parse';
import { cardProblems } from './validate';
import { describeIf } from '../support/skip';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const files = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];
const maybe = describeIf(files.length > 0, `seed minutes not found in ${SEEDS}`);

function meetingOf(file: string): Meeting {
  const { meeting } = parseDocument(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
  return {
    ...meeting,
    id: `m-${file.slice(0, 3)}`,
    forumId: 'forum-1',
    status: 'published',
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
  };
}

maybe('cards from the seed minutes', () => {
  const meetings = files.map(meetingOf);
  const items = meetings.flatMap((m) => m.items.map((item) => ({ m, item })));
  const longest = items.reduce((a, b) => (JSON.stringify(b.item).length > JSON.stringify(a.item).length ? b : a));

  it('every item card, in every audience, is valid and under 28 KB', () => {
    for (const { m, item } of items) {
      for (const audience of ['channel', 'member', 'secretary'] as const) {
        const card = itemCard(
          item,
          {
            forumId: 'forum-1',
            meetingId: m.id,
            audience,
            responses: { comments: 0, read: 0, wantsDiscussion: 0, members: 9 },
            canDecide: audience === 'secretary',
          },
          'da',
        );
        expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        expect(cardProblems(card)).toEqual([]);
      }
    }
  });

  it(`the longest item (${JSON.stringify(longest.item).length} characters) keeps its whole text, partly behind "Vis mere"`, () => {
    const card = itemCard(
      longest.item,
      { forumId: 'forum-1', meetingId: longest.m.id, audience: 'member', responses: { comments: 0, read: 0, wantsDiscussion: 0, members: 9 }, canDecide: true },
      'da',
    );
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const json = JSON.stringify(card);
    const lastWords = longest.item.sections
      .filter((s) => s.kind === 'case')
      .map((s) => s.body.trim().slice(-40))
      .filter(Boolean);
    for (const words of lastWords) expect(json).toContain(JSON.stringify(words).slice(1, -1));
  });

  it('closed items show only number, "Lukket punkt" and case number in the channel', () => {
    const closed = items.filter(({ item }) => item.closed);
    expect(closed.length).toBeGreaterThan(0);
    for (const { m, item } of closed) {
      const card = itemCard(
        item,
        { forumId: 'forum-1', meetingId: m.id, audience: 'channel', responses: { comments: 0, read: 0, wantsDiscussion: 0, members: 9 }, canDecide: true },
        'da',
      );
      expect(card).toEqual(closedItemCard(item, 'da'));
      expect(JSON.stringify(card)).toContain(`Punkt ${item.number}: Lukket punkt`);
    }
  });

  it('preview, overview and summary of each meeting are valid and under 28 KB', () => {
    for (const m of meetings) {
      const decisions = m.items.map((item) => ({
        meetingId: m.id,
        itemNumber: item.number,
        outcome: 'other' as const,
        outcomeText: 'Se referatet',
        proposals: [],
        text: item.decision ?? '',
        recordedBy: 'x',
        recordedAt: '2019-01-01T00:00:00Z',
      }));
      for (const card of [agendaPreviewCard(m, [], 'da'), agendaOverviewCard(m, tallyResponses([], 9), 'da'), summaryCard(m, decisions, [], [], [], 'da')]) {
        expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        expect(cardProblems(card)).toEqual([]);
      }
    }
  });
});
