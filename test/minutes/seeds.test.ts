import type { AgendaItem, FollowUpSuggestion, ParsedMeeting } from '../../src/domain';
import { extractCommunications, extractFollowUps, parseDocument } from '../../src/minutes';
import { readSeed, SEEDS_DIR, seedsPresent } from './seed-files';
import { describeIf } from '../support/skip';

/** [number, title, case number, slot "HH:MM-HH:MM", closed, proposals, attachments, decision starts with (null = none)] */
type Row = [number, string, string | null, string | null, boolean, number, string[], string | null];

function expectItems(items: AgendaItem[], rows: Row[]): void {
  expect(items.map((i) => i.number)).toEqual(rows.map((r) => r[0]));
  for (const [n, title, caseNumber, slot, closed, proposals, attachments, decision] of rows) {
    const item = items.find((i) => i.number === n)!;
    const context = `Punkt ${n}`;
    expect([context, item.title]).toEqual([context, title]);
    expect([context, item.caseNumber]).toEqual([context, caseNumber]);
    expect([context, item.timeSlot ? `${item.timeSlot.start}-${item.timeSlot.end}` : null]).toEqual([context, slot]);
    expect([context, item.closed]).toEqual([context, closed]);
    expect([context, item.proposals.length]).toEqual([context, proposals]);
    expect([context, item.attachments]).toEqual([context, attachments]);
    if (decision === null) expect([context, item.decision]).toEqual([context, null]);
    else expect([context, item.decision?.startsWith(decision)]).toEqual([context, true]);
  }
}

function find(list: FollowUpSuggestion[], item: number, due: string): FollowUpSuggestion | undefined {
  return list.find((f) => f.itemNumber === item && f.due?.due === due);
}

const describeSeeds = describeIf(seedsPresent, `seed minutes not found at ${SEEDS_DIR}`);

describeSeeds('the seed minutes of 27 August 2019 (000)', () => {
  let meeting: ParsedMeeting;
  beforeAll(() => {
    meeting = parseDocument(readSeed('000')).meeting;
  });

  it('reads the header: minutes of Chefforum, the date, the start time and the room', () => {
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Chefforum', date: '2019-08-27', start: '12:30', location: 'Mødelokale 1' });
  });

  it('finds every item in the body, not in the table of contents', () => {
    expectItems(meeting.items, [
      [1, 'Godkendelse af dagsorden og referat', '00.01.00-A21-9-18', null, false, 2, [], 'Godkendt.'],
      [2, 'Fejring af Albertslund Kommunes 50-års jubilæum', '00.01.00-A00-31-19', null, false, 2, [], 'Chefforum drøftede oplægget'],
      [3, 'AlbertslundPraktik 2019', '87.15.00-A00-1-19', null, false, 1, [], 'Chefforum godkendte tidsplanen.'],
      [4, 'Opsamling på Lederforum og ledelsesgrundlag', '00.01.00-A21-8-18', null, false, 2, [], 'Chefforum drøftede Lederforum'],
      [5, 'Lukket', '00.01.00-A21-6-18', null, true, 0, [], null],
      [
        6,
        'Skriftlig orientering om PET\'s vejledning "Tænk terrørsikkerhed ved større arrangementer"',
        '14.00.00-I02-2-19',
        null,
        false,
        1,
        ['PET (2019) - Tænk terrørsikkerhed ved større arrangementer'],
        'Chefforum tog orienteringen',
      ],
      [7, 'Hvad skal kommunikeres ud til afdelinger efter mødet?', '00.01.00-A21-9-18', null, false, 1, [], 'Intet'],
      [8, 'Evt.', '00.01.00-A21-9-18', null, false, 0, [], 'Intet.'],
    ]);
  });

  it('marks the standing items, the written briefing and who recommends', () => {
    const [i1, i2, i3] = meeting.items;
    expect(i1.standing).toBe('approval');
    expect(meeting.items[6].standing).toBe('communication');
    expect(meeting.items[7].standing).toBe('any-other-business');
    expect(meeting.items[5].writtenBriefing).toBe(true);
    expect(i2.prefix).toBe('CF');
    expect(i3.recommendedBy).toBe('Chefen for Økonomi & Stab');
    expect(i1.proposals[1].text).toMatch(/^at Chefforum godkender referatet/);
  });

  it('keeps nothing of the closed item but its title and case number', () => {
    expect(meeting.items[4]).toMatchObject({ sections: [], proposals: [], decision: null, attachments: [], recommendedBy: null });
  });

  it('finds the 1 April 2020 celebration with Kultur & Fritid as owner', () => {
    const celebration = find(extractFollowUps(meeting), 2, '2020-04-01');
    expect(celebration).toMatchObject({ kind: 'event', owner: { kind: 'department', name: 'Kultur & Fritid' } });
    expect(celebration?.due?.text).toBe('1. april 2020');
    expect(celebration?.evidence).toMatch(/^Der laves en stor markering/);
  });

  it('makes each dated line of the approved timeline a follow-up', () => {
    const list = extractFollowUps(meeting).filter((f) => f.itemNumber === 3);
    expect(find(list, 3, '2019-10-10')).toMatchObject({ kind: 'task', due: { text: '10.10', precision: 'day' } });
    expect(find(list, 3, '2019-11-08')).toMatchObject({ kind: 'task' });
    expect(find(list, 3, '2019-12-05')).toMatchObject({ kind: 'return-to-forum' });
    expect(find(list, 3, '2019-11-01')).toBeDefined();
  });

  it('suggests the approval of the new celebration case by Kultur & Fritid and the chiefs passing the word on', () => {
    const item2 = extractFollowUps(meeting).filter((f) => f.itemNumber === 2);
    expect(item2.some((f) => f.kind === 'task' && f.owner?.name === 'Kultur & Fritid' && /godkendelsessag/.test(f.text))).toBe(true);
    expect(item2.some((f) => f.kind === 'communication' && f.owner?.kind === 'all-chiefs')).toBe(true);
  });

  it('never takes the meeting date, a past event or "i 2020" as a due date', () => {
    const dues = extractFollowUps(meeting).flatMap((f) => (f.due ? [f.due.due] : []));
    expect(dues.every((d) => d > '2019-08-27')).toBe(true);
    expect(extractFollowUps(meeting).some((f) => f.itemNumber === 4 && f.due)).toBe(false);
  });

  it('has nothing to communicate ("Intet")', () => {
    expect(extractCommunications(meeting)).toEqual([]);
  });
});

describeSeeds('the seed minutes of 24 June 2021 (001)', () => {
  let meeting: ParsedMeeting;
  beforeAll(() => {
    meeting = parseDocument(readSeed('001')).meeting;
  });

  it('reads the header', () => {
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Chefforum', date: '2021-06-24', start: '09:00', location: 'Mødelokale 1' });
  });

  it('finds every item with its time slot, without the slot in the title', () => {
    expectItems(meeting.items, [
      [1, 'Godkendelse af dagsorden og referat', '00.00.00-A00-2-21', null, false, 2, [], 'Dagsordenen for dagens møde blev godkendt.'],
      [
        2,
        'Ny hjemmeside – ansvar og løft i fremtiden',
        '00.13.00-A00-1-18',
        '09:00-09:20',
        false,
        2,
        ['Bilag 1 - Skriv_til_albertslunddk.pdf', 'Bilag 2 - Forside - ny hjemmeside (002)', 'Bilag 3 - Artikel - ny hjemmeside.pdf'],
        'Udviklingskonsulent Pernille Frandsen',
      ],
      [3, 'Arrangement for verdensmålene', '00.00.00-A00-2-21', '09:20-09:40', false, 1, [], 'Chefforum aftaler'],
      [4, 'Verdensmålshus', '82.25.00-P00-1-21', '09:40-10:00', false, 1, [], 'I budgetaftalen for 2020'],
      [
        5,
        'Økonomirapport pr. 30.4.2021',
        '00.30.14-S00-15-20',
        '10:00-10:10',
        false,
        1,
        ['Økonomirapport 30.04.2021 til DIFØU'],
        'Chefen for Økonomi & Stab orienterende',
      ],
      [6, 'Lukket', '00.30.00-P05-1-21', null, true, 0, [], null],
      [
        7,
        'Den fleksible arbejdsplads',
        '00.15.10-A21-2-21',
        '10:45-11:15',
        false,
        2,
        ['Den fleksible arbejdsplads i Albertslund Kommune'],
        'På baggrund af chefforums drøftelse',
      ],
      [
        8,
        'Årsrapport forsikring & risikostyring 2020',
        '82.00.00-P30-1-18',
        null,
        false,
        1,
        ['Årsrapport Alberslund Kommune 2020', 'Forside til årsrapport på arbejdsulykkesområdet - version 2'],
        'Orienteringen om årsrapport',
      ],
      [9, 'Introduktionsforløb for Kommunalbestyrelsen', '00.22.00-P35-1-21', null, false, 1, [], 'Orienteringen om kommunalbestyrelsens'],
      [10, 'Chefforums spilleregler', '00.15.10-A21-2-20', null, false, 1, ['Chefforums spilleregler'], 'Chefforum fik udleveret'],
      [11, 'Status på Covid-19', '00.00.00-A00-11-20', null, false, 1, [], 'Kommunaldirektøren og Direktøren'],
      [12, 'Evt.', '00.00.00-A00-2-21', null, false, 0, [], null],
    ]);
  });

  it('reads the forum prefix "DIF/CF" and proposals numbered without "at"', () => {
    expect(meeting.items[7].prefix).toBe('DIF/CF');
    expect(meeting.items[1].proposals[0].text).toMatch(/^Chefforum godkender den nye model/);
    expect(meeting.items[4].recommendedBy).toBe('Afdelingschef for Økonomi & Stab');
  });

  it("keeps the decision of Direktørforum under Historik as history, not as this meeting's decision", () => {
    const item8 = meeting.items[7];
    expect(item8.sections.find((s) => s.kind === 'history')?.body).toMatch(/^Beslutning fra Direktørforum/);
    expect(item8.decision).toBe('Orienteringen om årsrapport for forsikring og risikostyring blev taget til efterretning.');
  });

  it('keeps the Økonomi section and the empty Bilag', () => {
    expect(meeting.items[1].sections.map((s) => s.kind)).toEqual(['occasion', 'case', 'economy', 'recommendation', 'decision', 'attachments']);
    expect(meeting.items[8].attachments).toEqual([]);
  });

  it('proposes the website organisation for a Chefforum after the summer', () => {
    const r = extractFollowUps(meeting).find((f) => f.itemNumber === 2 && f.kind === 'return-to-forum');
    expect(r?.due).toMatchObject({ text: 'efter sommeren', dueFrom: '2021-08-01', due: '2021-09-30', precision: 'season' });
  });

  it('sends the flexible workplace principles back "i september eller oktober"', () => {
    const r = extractFollowUps(meeting).find((f) => f.itemNumber === 7 && f.kind === 'return-to-forum');
    expect(r?.due).toMatchObject({ text: 'i september eller oktober', dueFrom: '2021-09-01', due: '2021-10-31', precision: 'range' });
    expect(r?.evidence).toMatch(/^Principperne sendes tilbage til behandling/);
  });

  it('names the owners: the chiefs, a person, a role and a department', () => {
    const list = extractFollowUps(meeting);
    expect(list.some((f) => f.itemNumber === 2 && f.owner?.kind === 'all-chiefs')).toBe(true);
    expect(list.some((f) => f.itemNumber === 2 && f.owner?.kind === 'person' && f.owner.name === 'Pernille Frandsen')).toBe(true);
    expect(list.some((f) => f.itemNumber === 3 && f.owner?.kind === 'all-chiefs' && /repræsentanter/.test(f.text))).toBe(true);
    expect(list.some((f) => f.itemNumber === 4 && f.owner?.kind === 'role' && /^Direktøren for By/.test(f.owner.name))).toBe(true);
    expect(list.some((f) => f.itemNumber === 11 && f.owner?.kind === 'department' && f.owner.name === 'Sundhed, Pleje og Omsorg')).toBe(true);
  });

  it('dates the new website and the visit to the world goals day, and nothing from the past', () => {
    const list = extractFollowUps(meeting);
    expect(find(list, 2, '2021-07-06')?.due?.text).toBe('pr. 6. juli 2021');
    expect(find(list, 3, '2021-09-30')?.kind).toBe('event');
    expect(list.every((f) => !f.due || f.due.due > '2021-06-24')).toBe(true);
    expect(list.some((f) => f.itemNumber === 1 || f.itemNumber === 8)).toBe(false);
  });

  it('has no communication item, so no communications', () => {
    expect(extractCommunications(meeting)).toEqual([]);
  });
});

describeSeeds('the seed minutes of 11 April 2019 in Markdown (004)', () => {
  let meeting: ParsedMeeting;
  beforeAll(() => {
    meeting = parseDocument(readSeed('004')).meeting;
  });

  it('reads the Markdown header', () => {
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Chefforum', date: '2019-04-11', start: '11:30', location: 'Mødelokale 1' });
  });

  it('finds every item in #, ## and bold headings; durations are not slots and leave the title', () => {
    expectItems(meeting.items, [
      [1, 'Godkendelse af dagsorden og referat', '00.01.00-A21-9-18', null, false, 2, [], 'Godkendt.'],
      [2, 'Status på arbejdet med beredskabsplaner', '14.00.08-A21-1-19', null, false, 2, [], 'Delplaner er udarbejdet'],
      [
        3,
        'Handleplan for Fælles om Albertslund',
        '00.01.00-A00-14-19',
        null,
        false,
        2,
        ['Inspirationskatalog til handleplan', 'Fælles om Albertslund'],
        'Handleplan blev godkendt',
      ],
      [4, 'Lukket', '00.01.00-S00-3-19', null, true, 0, [], null],
      [
        5,
        'Godkendelse af Ledelsesgrundlagets formater; som plakat og på Medarbejdersiden',
        '00.00.00-A00-17-18',
        null,
        false,
        1,
        ['Plakat med ledelsesgrundlag'],
        'Chefforum godkendte',
      ],
      [6, 'Skriftlig orientering om kommende beredskabsøvelse', '14.09.00-P00-1-19', null, false, 1, [], 'Orienteringen blev taget'],
      [7, 'Skriftlig orientering om udmøntning af Sundhedspuljen 2019', '29.09.04-P20-1-19', null, false, 1, [], 'Orienteringen blev taget'],
      [8, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', '00.01.00-A21-9-18', null, false, 1, [], 'Cheferne har en vigtig'],
      [9, 'Evt.', '00.01.00-A21-9-18', null, false, 0, [], 'Valg:'],
    ]);
  });

  it('keeps sub-headings inside the case text (they are not sections)', () => {
    const item2 = meeting.items[1];
    expect(item2.sections.map((s) => s.kind)).toEqual(['occasion', 'case', 'recommendation', 'decision']);
    const body = item2.sections[1].body;
    expect(body).toContain('Kommunikation & koordination');
    expect(body).toContain('Miljø, Teknik & Drift');
    expect(body).not.toMatch(/[#*]/);
  });

  it('finds the recommendation under an odd heading', () => {
    const item7 = meeting.items[6];
    expect(item7.recommendedBy).toBe('Chefen for Sundhed, Pleje og Omsorg');
    expect(item7.sections[0]).toMatchObject({ kind: 'recommendation', heading: 'Udmøntning af Sundhedspuljen 2019' });
  });

  it('sets the new deadline 23 May 2019 for the remaining work; the next BSAK is an event', () => {
    const list = extractFollowUps(meeting).filter((f) => f.itemNumber === 2);
    const deadline = list.filter((f) => f.due?.due === '2019-05-23');
    expect(deadline).toHaveLength(1);
    expect(deadline[0]).toMatchObject({ kind: 'task', due: { text: 'den 23. maj 2019', precision: 'day' } });
    expect(deadline[0].evidence).toMatch(/resterende arbejde/);
    expect(list.filter((f) => f.due?.due === '2019-06-06').every((f) => f.kind === 'event')).toBe(true);
    expect(list.some((f) => f.owner?.kind === 'department' && f.owner.name === 'ØS')).toBe(true);
  });

  it('makes the two messages of the communication item two communications', () => {
    const c = extractCommunications(meeting);
    expect(c.map((m) => m.text)).toEqual([
      'Cheferne har en vigtig kommunikationsopgave ifm. de kommende valg til Folketinget og Europaparlamentet.',
      'Budgetanalyserne gennemgås på områdemøderne.',
    ]);
    expect(c.every((m) => m.notBefore === null && m.departments.length === 0)).toBe(true);
  });

  it('suggests no follow-ups for the approval, the communication item or items only noted', () => {
    const items = new Set(extractFollowUps(meeting).map((f) => f.itemNumber));
    for (const n of [1, 4, 5, 6, 7, 8]) expect([n, items.has(n)]).toEqual([n, false]);
  });
});
