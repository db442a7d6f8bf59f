import type { FollowUpSuggestion, ParsedMeeting } from '../../src/domain';
import {
  DocumentError,
  extractCommunications,
  extractFollowUps,
  isCommunicationItem,
  parseCommunicationLines,
  parseDocument,
  suggestFollowUps,
} from '../../src/minutes';
import { readFixture } from './seed-files';

type Row = [number, string, string | null, string | null, boolean, number, string[], string | null];

function expectItems(meeting: ParsedMeeting, rows: Row[]): void {
  expect(meeting.items.map((i) => i.number)).toEqual(rows.map((r) => r[0]));
  const actual = meeting.items.map((i): Row => {
    const row = rows.find((r) => r[0] === i.number)!;
    const decision = row[7] === null ? i.decision : i.decision?.startsWith(row[7]) ? row[7] : i.decision;
    const slot = i.timeSlot ? `${i.timeSlot.start}-${i.timeSlot.end}` : null;
    return [i.number, i.title, i.caseNumber, slot, i.closed, i.proposals.length, i.attachments, decision];
  });
  expect(actual).toEqual(rows);
}

const summary = (f: FollowUpSuggestion) => [
  f.itemNumber,
  f.kind,
  f.owner ? `${f.owner.kind}:${f.owner.name}` : null,
  f.due ? `${f.due.dueFrom}..${f.due.due}` : null,
];

describe('our Ledermøde minutes as text from a PDF', () => {
  const { meeting, warnings } = parseDocument(readFixture('fjordby-referat-2024-03-12.txt'));

  it('reads the header and every item, slot, prefix, case number and attachment', () => {
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Ledermøde', date: '2024-03-12', start: '08:30', location: 'Byrådssalen, Fjordby Rådhus' });
    expectItems(meeting, [
      [1, 'Godkendelse af dagsorden og referat', '00.01.00-A00-3-24', null, false, 2, [], 'Godkendt.'],
      [
        2,
        'Ny vagtplan for borgerservice',
        '85.02.00-G01-7-23',
        '08:45-09:15',
        false,
        2,
        ['Vagtplan for borgerservice, udkast 3', 'Høringsbrev'],
        'Ledermødet godkendte',
      ],
      [3, 'Sommerkoncert på havnen', '18.00.00-A00-2-24', null, false, 1, [], 'Ledermødet valgte'],
      [4, 'Budgetproces 2025', '00.30.00-S00-1-24', '09:35-10:05', false, 2, [], 'Ledermødet drøftede'],
      [5, 'Lukket', '00.15.00-P20-4-24', null, true, 0, [], null],
      [6, 'Skriftlig orientering om sygefravær i 4. kvartal', '81.00.00-A00-1-24', null, false, 1, [], 'Orienteringen blev'],
      [
        7,
        'Trafiksikkerhed ved skolerne – status og de næste skridt i samarbejdet med politiet og vejdirektoratet om skolevejene',
        null,
        null,
        false,
        0,
        [],
        'På et kommende',
      ],
      [8, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', '00.01.00-A00-3-24', null, false, 0, [], 'Den nye vagtplan'],
      [9, 'Evt.', '00.01.00-A00-3-24', null, false, 0, [], 'Intet.'],
    ]);
    expect(meeting.items[3].prefix).toBe('ØK/LM');
    expect(meeting.items[5].writtenBriefing).toBe(true);
  });

  it('reads one inline "indstiller, at ..." as one proposal', () => {
    expect(meeting.items[2].recommendedBy).toBe('Kommunaldirektøren');
    expect(meeting.items[2].proposals).toEqual([{ number: 1, text: 'at Ledermødet vælger orkester og udpeger en tovholder.' }]);
  });

  it('removes stray HTML and keeps tab tables', () => {
    const body = meeting.items[2].sections.find((s) => s.kind === 'case')!.body;
    expect(body).toContain('Tilbuddene ligger i bilaget.');
    expect(body).not.toContain('<');
    expect(body).toContain('Fjordby Brass\t45.000 kr.\tinkl. lyd');
    expect(meeting.items[2].decision).toContain('Kultur & Fritid');
  });

  it('warns about the removed duration and the missing case number', () => {
    expect(warnings.map((w) => [w.code, w.item])).toEqual([
      ['duration-removed', 3],
      ['missing-case-number', 7],
    ]);
  });

  it('suggests the follow-ups a careful reader finds', () => {
    const list = extractFollowUps(meeting, { departments: ['Økonomi & Kontrol', 'Kultur & Fritid', 'Løn & Personale', 'Teknik & Miljø'] });
    expect(list.map(summary)).toEqual([
      [2, 'task', 'department:Løn & Personale', null],
      [2, 'communication', 'all-chiefs:Cheferne', '2024-03-31..2024-03-31'],
      [2, 'event', null, '2024-04-02..2024-04-02'],
      [2, 'task', null, '2024-04-19..2024-04-19'],
      [2, 'event', null, '2024-05-06..2024-05-06'],
      [2, 'return-to-forum', null, '2024-06-17..2024-06-23'],
      [3, 'event', 'department:Kultur & Fritid', '2024-06-21..2024-06-21'],
      [3, 'task', 'person:Morten Kjær', '2024-04-29..2024-05-05'],
      [4, 'task', null, '2024-05-01..2024-05-10'],
      [4, 'task', 'department:Økonomi & Kontrol', null],
      [4, 'return-to-forum', null, '2024-08-01..2024-09-30'],
      [7, 'return-to-forum', null, '2024-08-01..2024-09-30'],
      [7, 'task', 'role:Direktøren for Teknik & Miljø', null],
    ]);
  });

  it('keeps the evidence, the original date words and a confidence with each suggestion', () => {
    const list = extractFollowUps(meeting);
    const week = list.find((f) => f.due?.precision === 'week' && f.itemNumber === 3)!;
    expect(week.due?.text).toBe('senest i uge 18');
    expect(week.evidence).toBe('Morten Kjær og kommunikationsenheden laver en plan for markedsføringen senest i uge 18.');
    expect(list.every((f) => f.confidence > 0 && f.confidence <= 1)).toBe(true);
    expect(list.find((f) => f.owner?.name === 'ØK')?.owner?.kind).toBe('department');
  });

  it('makes each line of the communication item a message, with the embargo and the target department', () => {
    expect(extractCommunications(meeting)).toEqual([
      { text: 'Den nye vagtplan i borgerservice.', notBefore: null, notBeforeText: null, departments: [] },
      { text: 'Koncerten på havnen den 21. juni. Det meldes først ud i uge 14.', notBefore: '2024-04-01', notBeforeText: 'først ud i uge 14', departments: [] },
      { text: 'Kun til Kultur & Fritid: tilmelding af frivillige', notBefore: null, notBeforeText: null, departments: ['Kultur & Fritid'] },
    ]);
  });
});

describe('our Ledermøde minutes in Markdown', () => {
  const { meeting, warnings } = parseDocument(readFixture('fjordby-referat-2023-11-07.md'));

  it('reads # **bold** headings and keeps ## sub-headings inside the case text', () => {
    expectItems(meeting, [
      [1, 'Godkendelse af dagsorden og referat', '00.01.00-A00-9-23', null, false, 2, [], 'Godkendt.'],
      [2, 'Vinterberedskab 2023-24', '14.05.00-A00-2-23', null, false, 2, ['Vinterberedskabsplan 2023-24'], 'Orienteringen blev'],
      [3, 'Skriftlig orientering om ny affaldsordning', '07.00.00-G01-1-23', null, false, 1, [], 'Orienteringen blev'],
      [4, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', '00.01.00-A00-9-23', null, false, 0, [], 'Intet'],
      [5, 'Evt.', '00.01.00-A00-9-23', null, false, 0, [], null],
    ]);
    const item2 = meeting.items[1];
    expect(item2.sections.map((s) => s.kind)).toEqual(['occasion', 'case', 'recommendation', 'decision', 'attachments']);
    expect(item2.sections[1].body).toContain('Saltning\n\nDer er indkøbt 400 tons salt.');
  });

  it('finds the recommendation under an unknown heading and says so', () => {
    expect(meeting.items[2].recommendedBy).toBe('Chefen for Teknik & Miljø');
    expect(warnings.map((w) => w.code)).toEqual(['duration-removed', 'unknown-section', 'recommendation-under-other-heading']);
  });

  it("suggests the Christmas rota and the chiefs' task in week 47; nothing to communicate", () => {
    expect(extractFollowUps(meeting).map(summary)).toEqual([
      [2, 'task', 'department:Teknik & Miljø', '2023-12-01..2023-12-01'],
      [2, 'task', 'all-chiefs:Cheferne', '2023-11-20..2023-11-26'],
    ]);
    expect(extractCommunications(meeting)).toEqual([]);
  });
});

describe('our Ledermøde agenda', () => {
  const { meeting } = parseDocument(readFixture('fjordby-dagsorden-2024-04-09.txt'));

  it('is an agenda: items, proposals and no decisions', () => {
    expect(meeting.kind).toBe('agenda');
    expectItems(meeting, [
      [1, 'Godkendelse af dagsorden og referat', '00.01.00-A00-3-24', null, false, 2, [], null],
      [2, 'Rekruttering af elever', '81.10.00-A00-4-24', '08:45-09:05', false, 2, [], null],
      [3, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', '00.01.00-A00-3-24', null, false, 0, [], null],
      [4, 'Evt.', '00.01.00-A00-3-24', null, false, 0, [], null],
    ]);
    expect(meeting.items[1].sections.map((s) => s.kind)).toEqual(['occasion', 'case', 'process', 'economy', 'recommendation', 'decision']);
    expect(extractFollowUps(meeting)).toEqual([]);
  });

  it('suggests follow-ups from a decision typed later, including the approved process', () => {
    const list = suggestFollowUps(meeting.items[1], meeting.date, { forumName: 'Ledermøde' }, 'Ledermødet godkendte den videre proces.');
    expect(list.map(summary)).toEqual([
      [2, 'event', null, '2024-04-22..2024-04-28'],
      [2, 'task', null, '2024-05-15..2024-05-15'],
    ]);
    expect(list[1].text).toBe('Ansøgningsfrist');
  });

  it('recognises the communication item and reads typed messages', () => {
    expect(isCommunicationItem(meeting.items[2])).toBe(true);
    expect(isCommunicationItem(meeting.items[1])).toBe(false);
    expect(parseCommunicationLines('Intet.', meeting.date)).toEqual([]);
    expect(parseCommunicationLines('.', meeting.date)).toEqual([]);
    const typed = parseCommunicationLines('Ny elevordning.\nDet meldes først ud i uge 12.', meeting.date);
    expect(typed).toEqual([
      { text: 'Ny elevordning. Det meldes først ud i uge 12.', notBefore: '2025-03-17', notBeforeText: 'først ud i uge 12', departments: [] },
    ]);
  });
});

describe('our older-style Ledermøde minutes', () => {
  const { meeting, warnings } = parseDocument(readFixture('fjordby-referat-2013-05-21.txt'));

  it('reads 12/4711 case numbers, UPPER CASE headings and the attachments before the repeated title', () => {
    expectItems(meeting, [
      [1, 'Godkendelse af dagsorden', '13/1904', null, false, 0, [], 'Godkendt.'],
      [2, 'Ny parkeringsstrategi', '12/4711', null, false, 1, ['Parkeringsstrategi, høringsudgave', 'Kort over betalingszoner'], 'Godkendt med den ændring'],
      [3, 'Personalepolitik for seniorer', null, null, false, 1, [], 'Godkendt.'],
      [4, 'Lukket', '13/2277', null, true, 0, [], null],
    ]);
    expect(warnings.map((w) => [w.code, w.item])).toEqual([['missing-case-number', 3]]);
  });

  it('takes the decision heading dated at an earlier meeting as history', () => {
    const item2 = meeting.items[1];
    expect(item2.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['attachments', 'Bilag'],
      ['case', 'SAGSFREMSTILLING'],
      ['history', 'BESLUTNING I LEDERMØDET DEN 23-04-2013'],
      ['decision', 'BESLUTNING I LEDERMØDET DEN 21-05-2013'],
    ]);
    expect(item2.decision).not.toContain('udsat');
    expect(item2.proposals).toEqual([{ number: 1, text: 'at strategien sendes i høring.' }]);
  });

  it('suggests the consultation by Teknik & Miljø with its deadline', () => {
    expect(extractFollowUps(meeting).map(summary)).toEqual([[2, 'task', 'department:Teknik & Miljø', '2013-06-03..2013-06-03']]);
  });
});

describe('documents that cannot be read', () => {
  const refuse = (text: string) => {
    try {
      parseDocument(text);
    } catch (e) {
      expect(e).toBeInstanceOf(DocumentError);
      const err = e as DocumentError;
      expect(err.message).not.toContain('\n');
      return [err.code, err.details.reason];
    }
    return 'parsed';
  };

  it('refuses an empty document', () => {
    expect(refuse('')).toEqual(['parse-failed', 'empty']);
    expect(refuse(' \n\t\n')).toEqual(['parse-failed', 'empty']);
  });

  it('refuses binary junk', () => {
    const junk = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(refuse(junk)).toEqual(['parse-failed', 'binary']);
  });

  it('refuses a document without items, and reads one without a header or a date with a warning', () => {
    expect(refuse('REFERAT Ledermøde d. 12-03-2024\n\nIndholdsfortegnelse\n\nLM - Noget.....\t2')).toEqual(['parse-failed', 'no-items']);
    const headerless = parseDocument('Punkt 1: Noget\n\nBeslutning\n\nGodkendt.');
    expect(headerless.meeting).toMatchObject({ kind: 'minutes', forumName: '', date: '', items: [{ number: 1, title: 'Noget', decision: 'Godkendt.' }] });
    expect(headerless.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['missing-header', 'missing-date', 'missing-forum-name']));
    const dateless = parseDocument('REFERAT Ledermøde\n\nPunkt 1: Noget');
    expect(dateless.meeting).toMatchObject({ forumName: 'Ledermøde', date: '', items: [{ number: 1 }] });
    expect(dateless.warnings.map((w) => w.code)).toContain('missing-date');
    expect(dateless.warnings.map((w) => w.code)).not.toContain('missing-header');
  });

  it('refuses a 20 MB text as too large', () => {
    expect(refuse('REFERAT Ledermøde d. 12-03-2024\n'.padEnd(20_000_001, 'x'))).toEqual(['too-large', 'too-large']);
  });

  it('reads what there is of a truncated document', () => {
    const text = readFixture('fjordby-referat-2024-03-12.txt');
    const cut = text.slice(0, text.indexOf('Løn & Personale er tovholder') + 10);
    const { meeting } = parseDocument(cut);
    expect(meeting.items.map((i) => i.number)).toEqual([1, 2]);
    expect(meeting.items[1].decision).toMatch(/^Ledermødet godkendte vagtplanen og tidsplanen\.\n\nLøn & Pers$/);
  });
});
