import {
  agendaOverviewCard,
  agendaPreviewCard,
  CARD_BUDGET_BYTES,
  type CardJson,
  cardSize,
  cascadeCard,
  communicationsFormCard,
  decisionFormCard,
  errorCard,
  followUpListCard,
  helpCard,
  itemCard,
  minutesCard,
  returnItemsCard,
  setupCard,
  summaryCard,
  tallyResponses,
} from '../../src/cards';
import type { Locale } from '../../src/domain';
import { aDecision, aFollowUp, briefingItem, commsItem, forum, meeting, members, receipts, suggestions } from './samples';
import { cardProblems } from './validate';

const followUps = [
  aFollowUp('f1'),
  aFollowUp('f2', { kind: 'return-to-forum', text: 'Sagen kommer tilbage i forummet', owner: null, due: null }),
  aFollowUp('f3', { itemNumber: 5, text: 'Opfølgning på lukket punkt' }),
];
const tally = tallyResponses(
  [{ meetingId: 'meeting-1', itemNumber: 1, userId: '29:chief-a', userName: 'Bo Berg', comment: 'Godt', read: false, wantsDiscussion: true, updatedAt: '' }],
  4,
);
const itemView = {
  forumId: 'forum-1',
  meetingId: 'meeting-1',
  audience: 'secretary' as const,
  responses: { comments: 1, read: 2, wantsDiscussion: 1, members: 4 },
  own: { comment: 'Min kommentar', read: true, wantsDiscussion: true },
  comments: [{ userName: 'Bo Berg', comment: 'Godt forslag' }],
  decision: aDecision(1, {
    proposals: [
      { proposalNumber: 1, outcome: 'approved', note: null },
      { proposalNumber: 2, outcome: 'amended', note: 'med ændring' },
    ],
  }),
  canDecide: true,
};

/** Every card the product sends, with what a user would type into its required inputs. */
const builders: Record<string, { build: (l: Locale) => CardJson; fill?: Record<string, string> }> = {
  help: {
    build: (l) =>
      helpCard(l, [
        { name: 'hjælp', aliases: ['help'], description: 'Viser hjælp' },
        { name: 'dagsorden', description: 'Næste møde' },
      ]),
  },
  error: { build: (l) => errorCard(l, 'Noget gik galt', { decisionText: 'Det jeg skrev', meetingId: 'meeting-1' }) },
  setup: {
    build: (l) =>
      setupCard(
        members.map((m) => ({ userId: m.userId, name: m.name })),
        l,
        forum,
      ),
  },
  setupEmpty: {
    build: (l) =>
      setupCard(
        members.map((m) => ({ userId: m.userId, name: m.name })),
        l,
      ),
    fill: { forumName: 'Chefforum', secretary: '1', chair: '0', members: '2,3', dept_2: 'Kultur' },
  },
  preview: {
    build: (l) =>
      agendaPreviewCard(
        meeting,
        [
          { code: 'unknown-section', item: 2, text: 'Mærkelig overskrift' },
          { code: 'x', item: null, text: 'Header' },
        ],
        l,
      ),
  },
  previewWithoutHeader: {
    build: (l) =>
      agendaPreviewCard({ ...meeting, forumName: '', date: '', start: null, location: null }, [{ code: 'missing-header', item: null, text: '' }], l),
    fill: { meetingForum: 'Teknik- og Miljøudvalget', meetingDate: '2019-01-07' },
  },
  overview: { build: (l) => agendaOverviewCard(meeting, tally, l, { canManage: true }) },
  item: { build: (l) => itemCard(meeting.items[0], itemView, l) },
  itemChannel: { build: (l) => itemCard(briefingItem, { ...itemView, audience: 'channel', own: null, decision: null, canDecide: false }, l) },
  decisionForm: {
    build: (l) =>
      decisionFormCard(
        meeting.items[0],
        { forumId: 'forum-1', meetingId: 'meeting-1', suggestions, roster: members, departments: forum.departments, current: null, version: null },
        l,
      ),
  },
  decisionFormEdit: {
    build: (l) =>
      decisionFormCard(
        meeting.items[0],
        {
          forumId: 'forum-1',
          meetingId: 'meeting-1',
          suggestions: [],
          roster: members,
          departments: forum.departments,
          current: aDecision(1, { outcome: 'other', outcomeText: 'Sendt i høring' }),
          version: 'W/"etag"',
        },
        l,
      ),
  },
  communicationsForm: { build: (l) => communicationsFormCard(meeting, commsItem, { departments: forum.departments, version: 'etag-1' }, l) },
  summary: { build: (l) => summaryCard(meeting, [aDecision(1), aDecision(5, { text: 'hemmeligt' })], meeting.communications, followUps, receipts, l) },
  cascade: { build: (l) => cascadeCard(meeting, meeting.communications, followUps.slice(0, 1), false, l) },
  cascadeConfirmed: { build: (l) => cascadeCard(meeting, [], [], true, l) },
  myTasks: {
    build: (l) => followUpListCard('Mine opgaver', followUps, l, { actions: 'done-postpone', today: '2019-12-01' }),
    fill: { newDate_1: '2019-12-24' },
  },
  deadlines: { build: (l) => followUpListCard('Frister', [], l) },
  returnItems: { build: (l) => returnItemsCard(followUps, l, '2019-11-01') },
  minutes: {
    build: (l) => minutesCard(meeting, { decisions: 5, followUps: 3, attached: true, files: [{ name: 'referat.docx', url: 'https://example.org/r.docx' }] }, l),
  },
};

describe('every card', () => {
  for (const [name, { build, fill }] of Object.entries(builders)) {
    for (const locale of ['da', 'en'] as const) {
      it(`${name} (${locale}) parses at schema 1.5 with valid verbs, unique action ids and at most 3 primary actions`, () => {
        expect(cardProblems(build(locale), fill)).toEqual([]);
      });
    }
    it(`${name} stays under the 28 KB budget`, () => {
      expect(cardSize(build('da'))).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    });
    it(`${name} has no unfilled template field and no untranslated key`, () => {
      for (const locale of ['da', 'en'] as const) {
        const json = JSON.stringify(build(locale));
        expect(json).not.toMatch(/\$\{/);
        expect(json).not.toMatch(/"card\.[a-zA-Z]+\.[a-zA-Z]+/);
      }
    });
  }
});

describe('language', () => {
  it('cards are Danish by default and English for en', () => {
    const da = JSON.stringify(agendaOverviewCard(meeting, tally, 'da'));
    const en = JSON.stringify(agendaOverviewCard(meeting, tally, 'en'));
    expect(da).toContain('torsdag d. 10. oktober 2019 kl. 09:00');
    expect(da).toContain('Dagsorden: Ledelsesforum');
    expect(en).toContain('Thursday 10 October 2019 at 09:00');
    expect(en).toContain('Agenda: Ledelsesforum');
  });

  it('the item card says Kommentér, Læst and Ønsker drøftelse in Danish', () => {
    const json = JSON.stringify(itemCard(briefingItem, { ...itemView, own: null, canDecide: false }, 'da'));
    for (const word of ['Kommentér', 'Læst', 'Ønsker drøftelse']) expect(json).toContain(word);
    expect(json).not.toContain('Registrér beslutning');
  });
});

describe('the preview of a document without a header', () => {
  const inputs = (card: CardJson): Record<string, unknown>[] => {
    const found: Record<string, unknown>[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return found;
  };
  const verbsOf = (card: CardJson): string[] => [...new Set(JSON.stringify(card).match(/"verb":"[a-z.]+"/g) ?? [])];

  it('asks for the forum, date, time and place, prefilled with what was found, and offers no publishing before a date', () => {
    const found = { ...meeting, forumName: 'Teknik- og Miljøudvalget', date: '', start: null, location: 'C3.40' };
    const card = agendaPreviewCard(found, [{ code: 'missing-date', item: null, text: '' }], 'da');
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.meetingForum).toMatchObject({ value: 'Teknik- og Miljøudvalget', isRequired: true });
    expect(byId.meetingDate).toMatchObject({ type: 'Input.Date', value: '', isRequired: true });
    expect(byId.meetingTime).toMatchObject({ type: 'Input.Time', value: '' });
    expect(byId.meetingPlace).toMatchObject({ value: 'C3.40' });
    expect(JSON.stringify(card)).toContain('Dato mangler');
    expect(JSON.stringify(card)).toContain('Jeg fandt ingen mødedato');
    expect(verbsOf(card)).toEqual(['"verb":"agenda.details"', '"verb":"agenda.discard"']);
  });

  it('offers publishing again once the meeting has its date, and asks nothing when the header was complete', () => {
    const dated = agendaPreviewCard({ ...meeting, date: '2019-01-07', start: '09:00', location: 'C3.40' }, [], 'da');
    expect(inputs(dated).map((i) => i.id)).toEqual(['publishDate', 'publishTime']);
    expect(verbsOf(dated)).toEqual(expect.arrayContaining(['"verb":"agenda.publish"', '"verb":"agenda.schedule"']));
  });
});

describe('agenda preview warnings', () => {
  it("explains a closed item's warning in words, although the warning carries none of the item's text", () => {
    const json = JSON.stringify(agendaPreviewCard(meeting, [{ code: 'closed-content-dropped', item: 4, text: '' }], 'da'));
    expect(json).toContain('Et lukket punkt havde indhold; det er ikke taget med.');
  });
});
