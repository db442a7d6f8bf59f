import { CARD_BUDGET_BYTES, cardSize, closedItemCard, decisionFormCard, itemCard, type ItemView } from '../../src/cards';
import { aDecision, anItem, briefingItem, closedItem, forum, hugeItem, members, SECRET, suggestions } from './samples';
import { allOfType, cardProblems, verbsOf } from './validate';

const view = (over: Partial<ItemView> = {}): ItemView => ({
  forumId: 'forum-1',
  meetingId: 'meeting-1',
  audience: 'member',
  responses: { comments: 2, read: 3, wantsDiscussion: 1, members: 8 },
  own: null,
  canDecide: false,
  ...over,
});

const titles = (card: object) =>
  allOfType(card, 'Action.Execute')
    .filter((a) => a.title)
    .map((a) => String(a.title));

describe('closed items', () => {
  const everything: Partial<ItemView> = {
    audience: 'channel',
    own: { comment: `kommentar ${SECRET}`, read: true, wantsDiscussion: true },
    comments: [{ userName: 'Bo', comment: SECRET }],
    decision: aDecision(5, { text: SECRET, outcome: 'other', outcomeText: SECRET }),
    canDecide: true,
  };

  it('show only "Lukket punkt", the number and the case number in the channel, whatever the data', () => {
    for (const locale of ['da', 'en'] as const) {
      const card = itemCard(closedItem, view(everything), locale);
      const json = JSON.stringify(card);
      expect(json).not.toContain(SECRET);
      expect(json).toContain(locale === 'da' ? 'Punkt 5: Lukket punkt' : 'Item 5: Closed item');
      expect(json).toContain('81.00.00-G01-1-26');
      expect(verbsOf(card)).toEqual([]);
      expect(card.refresh).toBeUndefined();
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('a closed-item card built from number and case number alone matches', () => {
    expect(closedItemCard(closedItem, 'da')).toEqual(itemCard(closedItem, view({ audience: 'channel' }), 'da'));
  });

  it('show their content to a member in 1:1', () => {
    const json = JSON.stringify(itemCard(closedItem, view({ audience: 'member' }), 'da'));
    expect(json).toContain(SECRET);
  });

  it('keep their content out of the decision form, which only numbers the proposals', () => {
    const card = decisionFormCard(
      closedItem,
      { forumId: 'forum-1', meetingId: 'meeting-1', suggestions: [], roster: members, departments: [], version: null },
      'da',
    );
    const json = JSON.stringify({ ...card, body: (card.body as object[]).filter((b) => (b as { id?: string }).id !== 'decisionText') });
    expect(json).not.toContain(SECRET);
    expect(json).toContain('Forslag 2');
  });
});

describe('item card', () => {
  it('offers Kommentér, Ønsker drøftelse, and Læst only for written briefings', () => {
    expect(titles(itemCard(briefingItem, view(), 'da'))).toEqual(['Kommentér', 'Læst', 'Ønsker drøftelse']);
    expect(titles(itemCard(anItem(1), view(), 'da'))).toEqual(['Kommentér', 'Ønsker drøftelse']);
  });

  it('offers "Registrér beslutning" only when the viewer can decide', () => {
    expect(titles(itemCard(anItem(1), view({ canDecide: true }), 'da'))).toContain('Registrér beslutning');
    expect(titles(itemCard(anItem(1), view({ canDecide: false }), 'da'))).not.toContain('Registrér beslutning');
  });

  it("prefills the viewer's own comment and shows what they already did", () => {
    const card = itemCard(briefingItem, view({ own: { comment: 'Jeg er enig', read: true, wantsDiscussion: true } }), 'da');
    const input = allOfType(card, 'Input.Text').find((i) => i.id === 'comment');
    expect(input?.value).toBe('Jeg er enig');
    const json = JSON.stringify(card);
    expect(json).toContain('Du har læst punktet');
    expect(titles(card)).toEqual(['Kommentér', 'Ønsker ikke drøftelse alligevel']);
    const discuss = allOfType(card, 'Action.Execute').find((a) => a.verb === 'item.discuss');
    expect(discuss?.data).toMatchObject({ wantsDiscussion: false });
  });

  it('shows the counts, and names with comments only to the secretary', () => {
    const comments = [{ userName: 'Bo Berg', comment: 'Godt forslag' }];
    const member = JSON.stringify(itemCard(anItem(1), view({ comments }), 'da'));
    const secretary = JSON.stringify(itemCard(anItem(1), view({ audience: 'secretary', comments }), 'da'));
    expect(member).toContain('Kommentarer: 2 · Ønsker drøftelse: 1 af 8');
    expect(member).not.toContain('Læst');
    expect(JSON.stringify(itemCard(anItem(1, { writtenBriefing: true }), view({ comments }), 'da'))).toContain(
      'Kommentarer: 2 · Læst: 3 af 8 · Ønsker drøftelse: 1',
    );
    expect(member).not.toContain('Godt forslag');
    expect(secretary).toContain('Godt forslag');
  });

  it('shows a recorded decision with its outcome and per-proposal outcomes', () => {
    const decision = aDecision(1, { outcome: 'approved', proposals: [{ proposalNumber: 2, outcome: 'amended', note: null }] });
    const json = JSON.stringify(itemCard(anItem(1), view({ decision }), 'da'));
    expect(json).toContain('Beslutning');
    expect(json).toContain('Forslag 2: Godkendt med ændringer');
    expect(json).toContain('skolevejene prioriteres');
  });

  it('puts the rest of a long case text and the other sections behind "Vis mere"', () => {
    const long = Array.from({ length: 8 }, (_, i) => `Afsnit ${i} ${'ord '.repeat(40)}`).join('\n\n');
    const item = anItem(1, {
      sections: [
        { kind: 'case', heading: 'Sagsfremstilling', body: long },
        { kind: 'economy', heading: 'Økonomi', body: 'Inden for rammen.' },
      ],
    });
    const card = itemCard(item, view(), 'da');
    const hidden = (card.body as { id?: string; isVisible?: boolean }[]).find((b) => b.id === 'more-1');
    expect(hidden?.isVisible).toBe(false);
    expect(JSON.stringify(hidden)).toContain('Afsnit 7');
    expect(JSON.stringify(hidden)).toContain('Inden for rammen.');
    const toggle = allOfType(card, 'Action.ToggleVisibility')[0];
    expect(toggle).toMatchObject({ title: 'Vis mere', targetElements: ['more-1'] });
    expect(JSON.stringify(card)).not.toContain('Teksten er forkortet');
  });

  it('fits a 200 KB item under 28 KB and says where the full text is', () => {
    const item = hugeItem();
    expect(JSON.stringify(item).length).toBeGreaterThan(200_000);
    for (const audience of ['channel', 'member', 'secretary'] as const) {
      const card = itemCard(item, view({ audience, canDecide: true, own: { comment: 'x'.repeat(4000), read: false, wantsDiscussion: false } }), 'da');
      expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(JSON.stringify(card)).toContain('Hele teksten står i dagsordenen og i mødets sidepanel');
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('carries a per-user refresh for its item', () => {
    expect(itemCard(anItem(4), view(), 'da').refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { view: 'item', forumId: 'forum-1', meetingId: 'meeting-1', itemNumber: 4 } },
    });
  });
});

describe('decision form', () => {
  const options = { forumId: 'forum-1', meetingId: 'meeting-1', suggestions, roster: members, departments: forum.departments, version: 'etag-7' };

  it('prefills suggested follow-ups with owner and due date and offers three empty rows', () => {
    const card = decisionFormCard(anItem(1), options, 'da');
    const inputs = Object.fromEntries(allOfType(card, 'Input.').map((i) => [i.id, i.value]));
    expect(inputs.fu_0_text).toBe('Miljø & Teknik fremlægger en plan');
    expect(inputs.fu_0_due).toBe('2019-11-30');
    expect(inputs.fu_0_owner).toBe('o6'); // 4 members, then departments: Stab, Kultur & Fritid, Miljø & Teknik
    expect(inputs.fu_1_owner).toBe('');
    expect(JSON.stringify(card)).toContain('Ansvarlig i teksten: direktøren');
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['new_0_text', 'new_1_text', 'new_2_text', 'proposal_1', 'proposal_2']));
  });

  it('stays under budget with a large roster and many suggestions', () => {
    const roster = Array.from({ length: 20 }, (_, i) => ({
      userId: `29:user-${i}-${'x'.repeat(60)}`,
      name: `Person Nummer ${i}`,
      department: `Afdeling ${i % 12}`,
    }));
    const many = Array.from({ length: 8 }, () => suggestions[0]);
    const departments = [...new Set(roster.map((r) => r.department))];
    const card = decisionFormCard(anItem(1), { ...options, roster, departments, suggestions: many }, 'da');
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardProblems(card)).toEqual([]);
  });
});
