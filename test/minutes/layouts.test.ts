/**
 * The layouts of other municipalities' agendas and minutes (issue 12), written here as their agenda
 * systems print them: label/value headers, date lines, no header; "N. Title" items; closed items as
 * "(Lukket)"; case numbers sharing a line; dated decision headings; proposals after "indstiller,";
 * amendments that fell.
 */
import { extractFollowUps, parseDocument } from '../../src/minutes';
import { withoutFallenMotions } from '../../src/minutes/votes';

const committee = [
  'Udvalg: Teknik- og Miljøudvalget',
  'Mødedato: 7. januar 2019',
  'Mødetidspunkt: 16:00',
  'Mødested: C3.40',
  'Fraværende: Anne Jensen (V)',
  '',
  '159. Dagsorden - godkendelse',
  '',
  'Sagsnr.: 00.00.00-P19-560-06 Sagsbehandler: L. Hansen',
  '',
  'Indstilling',
  'Direktøren for Teknik og Miljø indstiller,',
  'at dagsordenen godkendes.',
  '',
  'Beslutning i Teknik- og Miljøudvalget den 07-01-2019',
  'Godkendt.',
  '',
  '160. Trafikplan for bymidten',
  '',
  'Sags nr.: 18/12345',
  '',
  'Sagsfremstilling',
  'Forvaltningen har udarbejdet et udkast.',
  '1. Første etape',
  '2. Anden etape',
  '',
  'Indstilling',
  'Direktøren for Teknik og Miljø indstiller,',
  'at planen sendes i høring',
  'at forvaltningen samler høringssvarene.',
  '',
  'Beslutning i Økonomiudvalget den 12-12-2018',
  'Anbefales.',
  '',
  'Beslutning i Teknik- og Miljøudvalget den 07-01-2019',
  'Planen sendes i høring. Forvaltningen vender tilbage inden 1. april 2019.',
  '',
  '161. Underskriftsark (Lukket)',
  '',
  'Acadre sagsnr. 19/7',
  '',
].join('\n');

describe('a committee\'s minutes with a label/value header and "N. Title" items', () => {
  const { meeting, warnings } = parseDocument(committee);

  it('reads the header fields', () => {
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Teknik- og Miljøudvalget', date: '2019-01-07', start: '16:00', location: 'C3.40' });
    expect(warnings.map((w) => w.code)).not.toContain('missing-header');
    expect(warnings.filter((w) => w.code === 'unparsed-line')).toEqual([]);
  });

  it('finds the items by their numbers, not the numbered list inside an item', () => {
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      [159, 'Dagsorden - godkendelse'],
      [160, 'Trafikplan for bymidten'],
      [161, 'Underskriftsark'],
    ]);
  });

  it('closes "161. Underskriftsark (Lukket)" and removes the marker from its title', () => {
    expect(meeting.items[2]).toMatchObject({ closed: true, title: 'Underskriftsark', sections: [], decision: null });
  });

  it('reads labelled case numbers, also sharing their line with other fields', () => {
    expect(meeting.items.map((i) => i.caseNumber)).toEqual(['00.00.00-P19-560-06', '18/12345', '19/7']);
    expect(meeting.items[0].attachments).toEqual([]);
  });

  it('takes the proposals after "Direktøren ... indstiller,"', () => {
    expect(meeting.items[1].recommendedBy).toBe('Direktøren for Teknik og Miljø');
    expect(meeting.items[1].proposals.map((p) => p.text)).toEqual(['at planen sendes i høring', 'at forvaltningen samler høringssvarene.']);
  });

  it("keeps the decision heading's words out of the decision, and an earlier meeting's decision as history", () => {
    expect(meeting.items[0].decision).toBe('Godkendt.');
    expect(meeting.items[1].decision).toBe('Planen sendes i høring. Forvaltningen vender tilbage inden 1. april 2019.');
    expect(meeting.items[1].sections.find((s) => s.kind === 'history')?.body).toBe('Anbefales.');
  });
});

describe('headers the agenda systems print', () => {
  it('reads a date line alone under "Referat af tillægsdagsorden", and "BESLUTNING: <forum> den <date>" as a heading', () => {
    const text = [
      'Referat af tillægsdagsorden',
      '',
      'Torsdag den 26. maj 2011 kl. 19:30',
      '',
      'Mødested: Mødesalen',
      'Udvalg: Kommunalbestyrelsen',
      'Medlemmer: Allan Holst (A), Eik Dahl Bidstrup (V)',
      'Afbud fra:',
      '',
      '1. Svømmehallen holder åbent til den 10. juni 2011',
      'Sagsid.: 11/565',
      '',
      'BESLUTNING: Kommunalbestyrelsen den 26-05-2011',
      'Ændringsforslag fra C-gruppen: Svømmehallen holdes åben til den 31.12.2011. For stemte 3 (C) Imod stemte 10 (A, F, O, V) Faldet Borgmesterens forslag blev godkendt.',
    ].join('\n');
    const { meeting, warnings } = parseDocument(text);
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Kommunalbestyrelsen', date: '2011-05-26', start: '19:30', location: 'Mødesalen' });
    expect(warnings.filter((w) => w.item === null).map((w) => w.code)).toEqual([]);
    expect(meeting.items[0]).toMatchObject({ number: 1, caseNumber: '11/565' });
    expect(meeting.items[0].decision).toMatch(/^Ændringsforslag fra C-gruppen: .* Faldet Borgmesterens forslag blev godkendt\.$/);
    expect(extractFollowUps(meeting).filter((f) => f.due)).toEqual([]);
  });

  it('reads a header given as a two-column table (tab-separated cells)', () => {
    const { meeting } = parseDocument('Udvalg\tBørne- og Skoleudvalget\nMødedato\t12. marts 2024\nMødested\tByrådssalen\n\n1. Godkendelse af dagsorden\n');
    expect(meeting).toMatchObject({ forumName: 'Børne- og Skoleudvalget', date: '2024-03-12', location: 'Byrådssalen', items: [{ number: 1 }] });
  });

  it('imports a page that shows the items only, with warnings for what is missing', () => {
    const { meeting, warnings } = parseDocument('2. Orientering om budget 2025\n\nBeslutning\n\nTaget til efterretning.\n\n3. Eventuelt\n');
    expect(meeting.items.map((i) => i.number)).toEqual([2, 3]);
    expect(meeting).toMatchObject({ kind: 'minutes', date: '', forumName: '' });
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['missing-header', 'missing-date', 'missing-forum-name']));
  });
});

describe('item layouts', () => {
  it('reads bulleted, glued and "Pkt." numbers, and a number alone on its line with the title below', () => {
    const read = (text: string) => parseDocument(`Referat\n\n${text}`).meeting.items.map((i) => [i.number, i.title]);
    expect(read(' • 159. Dagsorden - godkendelse\n\nGodkendt.\n\n • 160. Temadrøftelse\n\nDrøftet.')).toEqual([
      [159, 'Dagsorden - godkendelse'],
      [160, 'Temadrøftelse'],
    ]);
    expect(read('38Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt')).toEqual([[38, 'Godkendelse af dagsorden']]);
    expect(read(' • Pkt. 42 Beslutninger om dagsordenen\n\n  Pkt. 42\n\n  Godkendt.')).toEqual([[42, 'Beslutninger om dagsordenen']]);
    expect(read(' • 1\n  Svømmehallen holder åbent\n  Sagsid.: 11/565\n')).toEqual([[1, 'Svømmehallen holder åbent']]);
  });

  it('does not take a table of contents or a numbered list for the items', () => {
    const text = [
      'Dagsorden',
      '',
      '1. Godkendelse af dagsorden',
      '2. Budget 2025',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Godkendt.',
      '',
      '2. Budget 2025',
      '',
      'Sagsfremstilling',
      '1. Drift',
      '2. Anlæg',
      '3. Renter',
    ].join('\n');
    const { meeting } = parseDocument(text);
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Budget 2025'],
    ]);
    expect(meeting.items[1].sections[0].body).toBe('1. Drift\n2. Anlæg\n3. Renter');
  });

  it('reads the title followed by "Sag nr. N"', () => {
    const { meeting } = parseDocument(
      'Økonomiudvalget\n18-09-2024\n\nSager 162 - 163\nMeddelelser\nSag nr. 162\nSagens kerne\nOversigt:\n1. Status på projektet.\n2. Orientering om aftalen.\nBeslutning\nTaget til efterretning.\nBudget 2025\nSag nr. 163\nBeslutning\nGodkendt.',
    );
    expect(meeting.items.map((i) => [i.number, i.title, i.decision])).toEqual([
      [162, 'Meddelelser', 'Taget til efterretning.'],
      [163, 'Budget 2025', 'Godkendt.'],
    ]);
    expect(meeting.date).toBe('2024-09-18');
  });

  it('reads "Behandling i <forum> <date>, pkt. N" and "<forum>, <date> pkt. N" as decision headings', () => {
    const a = parseDocument(
      'Referat\n\nMøde i Styregruppen\n\nmandag den 13. maj 2019 kl. 08:00\n\n1. Godkendelse af dagsorden\n\nBehandling i Styregruppen mandag den 13. maj 2019, pkt. 1\n\nDagsordenen blev godkendt.',
    ).meeting;
    expect(a.items[0].decision).toBe('Dagsordenen blev godkendt.');
    const b = parseDocument(
      'Referat\n\nDato: Tirsdag, December 5, 2017 - 08:15\n\n • Pkt. 188 Beslutninger om dagsorden\n\n  Klima- og Miljøudvalget, 05-12-2017 pkt. 188\n\n  Godkendt.',
    ).meeting;
    expect(b).toMatchObject({ date: '2017-12-05', start: '08:15' });
    expect(b.items[0].decision).toBe('Godkendt.');
  });
});

describe('what the agenda systems put around the items', () => {
  it('takes a case number printed above its item heading for that item', () => {
    const { meeting } = parseDocument(
      'Referat\n\nÅbne dagsordenspunkter\n\n85.02.02-G01-5-17\n\n131. Godkendelse af dagsorden\n\nGodkendt.\n\n85.02.02-G01-6-17\n\n132. Budget\n\nDrøftet.',
    );
    expect(meeting.items.map((i) => [i.number, i.caseNumber, i.decision])).toEqual([
      [131, '85.02.02-G01-5-17', null],
      [132, '85.02.02-G01-6-17', null],
    ]);
    expect(meeting.items[0].sections.map((s) => s.body)).toEqual(['Godkendt.']);
  });

  it('reads a page that lists the items only, long titles and closed items included', () => {
    const { meeting } = parseDocument(
      'Møde i regionsrådet den 22. marts 2022\n\nPunkter på dagsordenen\n\n 1. Godkendelse af dagsorden\n 2. Medlemsforslag fra Enhedslisten, Socialistisk Folkeparti, Radikale Venstre og Socialdemokratiet om retningslinjer\n 3. Lukket punkt.\n 4. Underskriftsark',
    );
    expect(meeting.items.map((i) => [i.number, i.closed])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(meeting).toMatchObject({ forumName: 'regionsrådet', date: '2022-03-22' });
  });

  it('does not take the numbered paragraphs of an item page for items, and reads its "Referat" as the decision', () => {
    const { meeting } = parseDocument(
      'Regionsrådet\n22-12-2020 13:00\n\n1. Meddelelse fra formanden\n\nReferat\n\nFølgende emner blev nævnt:\n\n1. Afbud. Der var afbud fra Jørgen Hansen.\n\n2. Formandsbeslutning. Formanden orienterede om, at hun i medfør af Styrelsesloven havde truffet en formandsbeslutning om et påbud.',
    );
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([[1, 'Meddelelse fra formanden']]);
    expect(meeting.items[0].decision).toMatch(/^Følgende emner blev nævnt:\n\n1\. Afbud/);
  });

  it('reads the first item glued to a contents link, and "Lokale:" as the place', () => {
    const { meeting } = parseDocument(
      'Byrådet - Referat\n\nDato: 29. januar 2020\nLokale: Byrådssalen\nTidspunkt: Kl. 19:00\n\nIndholdsfortegnelse1. Fraværende\n\nBeslutning\n\nIngen.\n\n2. Bemærkninger til dagsordenen\n\nBeslutning\n\nIngen.',
    );
    expect(meeting).toMatchObject({ date: '2020-01-29', start: '19:00', location: 'Byrådssalen' });
    expect(meeting.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Fraværende'],
      [2, 'Bemærkninger til dagsordenen'],
    ]);
  });
});

describe('votes and amendments', () => {
  it('finds no follow-up in an amendment or proposal that fell, and keeps the voting lines in the decision', () => {
    const decision = [
      'Indstillingen blev godkendt.',
      '',
      'Forslag fra V: at sagen udsættes til 1. marts 2024.',
      'For stemte: V (5)',
      'Imod stemte: A, C (12)',
      'Forslaget faldt.',
      '',
      'Et flertal stemte imod forslaget om at lukke skolen 1. august 2024.',
      '',
      'Ændringsforslaget blev ikke vedtaget, idet fristen 1. maj 2024 ikke kunne nås.',
      '',
      'Forvaltningen vender tilbage inden 1. juni 2024.',
    ].join('\n');
    const text = `REFERAT Byrådet d. 12-02-2024\n\nPunkt 1: Skolestruktur\n\n27.00.00-A00-1-24\n\nBeslutning\n\n${decision}`;
    const { meeting } = parseDocument(text);
    expect(meeting.items[0].decision).toBe(decision);
    expect(extractFollowUps(meeting).map((f) => f.due?.due ?? null)).toEqual(['2024-06-01']);
  });

  it('keeps a motion that was adopted, and a majority that approved', () => {
    expect(withoutFallenMotions('Ændringsforslag fra A: fristen er 1. maj. Vedtaget.')).toBe('Ændringsforslag fra A: fristen er 1. maj. Vedtaget.');
    expect(withoutFallenMotions('C stemte imod, idet et flertal godkendte indstillingen.')).toBe('C stemte imod, idet et flertal godkendte indstillingen.');
  });
});
