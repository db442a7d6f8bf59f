import mammoth from 'mammoth';
import type { AgendaItem, Meeting } from '../../src/domain';
import { type MinutesDocument, renderDocx, renderMarkdown } from '../../src/minutes/export';
import { parseDocument } from '../../src/minutes';
import { aBareItem } from '../support/agenda-items';

function anItem(over: Partial<AgendaItem> = {}): AgendaItem {
  return aBareItem(1, 'Godkendelse af dagsorden og referat', { prefix: 'LM', caseNumber: '00.01.00-A00-4-24', ...over });
}

const secretItem = anItem({
  number: 3,
  title: 'Personalesag om en fratræden',
  prefix: 'LM',
  caseNumber: '00.01.00-S00-2-24',
  closed: true,
  timeSlot: { start: '10:00', end: '10:30' },
  sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: 'Fortroligt: aftale om fratrædelse.' }],
  decision: 'Fortroligt: godkendt.',
});

function aMinutes(over: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    kind: 'minutes',
    forumName: 'Ledermøde',
    date: '2024-03-12',
    start: '08:30',
    location: 'Rådhuset, mødelokale 2',
    items: [
      anItem({
        sections: [
          { kind: 'occasion', heading: 'Anledning', body: 'Godkendelse af dagsorden og referat' },
          { kind: 'recommendation', heading: 'Indstilling', body: '' },
          { kind: 'decision', heading: 'Beslutning', body: '' },
        ],
        recommendedBy: 'Kommunaldirektøren',
        proposals: [
          { number: 1, text: 'at Ledermødet godkender dagsordenen for dagens møde' },
          { number: 2, text: 'at Ledermødet godkender referatet fra mødet den 13. februar 2024' },
        ],
        decision: 'Godkendt.',
      }),
      anItem({
        number: 2,
        title: 'Ny velkomstpakke – ansvar og udrulning',
        caseNumber: '81.02.00-P20-2-24',
        timeSlot: { start: '09:00', end: '09:20' },
        sections: [
          { kind: 'other', heading: 'Organisering', body: 'Hver afdeling udpeger en kontaktperson.\n\n- Økonomi & Stab\n- Kultur & Fritid' },
          { kind: 'case', heading: 'Sagsfremstilling', body: 'Fjordby Kommune får omkring 300 nye medarbejdere om året.' },
        ],
        decision: 'Ledermødet godkender planen foreløbigt.',
        attachments: ['Bilag 1 - Velkomstpakke_udkast.pdf', 'Bilag 2 - Tidsplan for udrulningen (002)'],
      }),
      secretItem,
      anItem({ number: 4, title: 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', standing: 'communication' }),
    ],
    communications: [
      { text: 'Den nye velkomstpakke tages i brug fra 1. maj.', notBefore: null, notBeforeText: null, departments: [] },
      { text: 'Budgettet for 2025 gennemgås på afdelingsmøderne.', notBefore: '2024-03-18', notBeforeText: 'først ud i uge 12', departments: [] },
    ],
    ...over,
  };
}

describe('exporting minutes as Markdown in the forum layout', () => {
  const md = renderMarkdown(aMinutes());

  it('starts with the header: title, meeting date in Danish with the start time, and the place', () => {
    expect(md.split('\n\n').slice(0, 3)).toEqual([
      '# REFERAT Ledermøde d. 12-03-2024',
      '**Mødedato** Tirsdag d. 12. marts 2024 kl. 08:30',
      '**Mødested** Rådhuset, mødelokale 2',
    ]);
  });

  it('calls an agenda DAGSORDEN and leaves out the time and place it does not know', () => {
    const agenda = renderMarkdown(aMinutes({ kind: 'agenda', start: null, location: null, date: '2024-04-09' }));
    expect(agenda.startsWith('# DAGSORDEN Ledermøde d. 09-04-2024\n\n**Mødedato** Tirsdag d. 9. april 2024\n\n## Indholdsfortegnelse')).toBe(true);
  });

  it('lists every item in the table of contents without the source’s dot leaders, closed items as "Lukket"', () => {
    expect(md).toContain(
      '## Indholdsfortegnelse\n\nLM - Godkendelse af dagsorden og referat\nLM - Ny velkomstpakke – ansvar og udrulning (9.00-9.20)\nLukket\nLM - Hvad skal kommunikeres ud til afdelingerne efter mødet?\n\n## Punkt 1',
    );
    expect(md).not.toContain('.....');
  });

  it('ends with an "Opfølgning" section listing the follow-ups with owner and due date as written', async () => {
    const followUps = [
      { itemNumber: 2, text: 'Udpeg webredaktører', owner: 'Kultur & Fritid', due: 'senest fredag (30. august 2019)' },
      { itemNumber: 2, text: 'Evaluér hjemmesiden', owner: null, due: null },
    ];
    const withFollowUps = renderMarkdown(aMinutes({ followUps }));
    expect(
      withFollowUps.endsWith(
        '## Opfølgning\n\n- Punkt 2: Udpeg webredaktører. Ansvarlig: Kultur & Fritid. Frist: senest fredag (30. august 2019)\n- Punkt 2: Evaluér hjemmesiden\n',
      ),
    ).toBe(true);
    const html = (await mammoth.convertToHtml({ buffer: await renderDocx(aMinutes({ followUps })) })).value;
    expect(html).toContain(
      '<h2>Opfølgning</h2><ul><li>Punkt 2: Udpeg webredaktører. Ansvarlig: Kultur &amp; Fritid. Frist: senest fredag (30. august 2019)</li>',
    );
    expect(renderMarkdown(aMinutes())).not.toContain('Opfølgning');
  });

  it('reads its own table of contents back without warnings', () => {
    const { warnings } = parseDocument(md);
    expect(warnings.filter((w) => w.code === 'unparsed-line' || w.code === 'toc-mismatch')).toEqual([]);
  });

  it('writes each item heading with prefix, title and slot, then its case number', () => {
    expect(md).toContain('## Punkt 2: LM - Ny velkomstpakke – ansvar og udrulning (9.00-9.20)\n\n81.02.00-P20-2-24\n\n### Organisering');
  });

  it('builds a blank recommendation from who recommends and the numbered proposals', () => {
    expect(md).toContain(
      '### Indstilling\n\nKommunaldirektøren indstiller,\n\n1. at Ledermødet godkender dagsordenen for dagens møde\n2. at Ledermødet godkender referatet fra mødet den 13. februar 2024\n\n### Beslutning\n\nGodkendt.',
    );
  });

  it('keeps unknown sections under their own heading and adds the decision and attachments the item holds', () => {
    expect(md).toContain('### Organisering\n\nHver afdeling udpeger en kontaktperson.\n\n- Økonomi & Stab\n- Kultur & Fritid\n\n### Sagsfremstilling');
    expect(md).toContain(
      '### Beslutning\n\nLedermødet godkender planen foreløbigt.\n\n### Bilag\n\nBilag 1 - Velkomstpakke_udkast.pdf\n\nBilag 2 - Tidsplan for udrulningen (002)',
    );
  });

  it('shows a closed item as "Lukket" with its case number only, never its title or content', () => {
    expect(md).toContain('## Punkt 3: Lukket\n\n00.01.00-S00-2-24\n\n## Punkt 4:');
    expect(md).not.toMatch(/Personalesag|Fortroligt|10\.00/);
  });

  it("writes the messages for the departments as the standing item's decision when it has none", () => {
    expect(md).toContain(
      '## Punkt 4: LM - Hvad skal kommunikeres ud til afdelingerne efter mødet?\n\n00.01.00-A00-4-24\n\n### Beslutning\n\nDen nye velkomstpakke tages i brug fra 1. maj.\n\nBudgettet for 2025 gennemgås på afdelingsmøderne.\n',
    );
  });

  it('exports a stored meeting as it is', () => {
    const stored: Meeting = {
      ...aMinutes(),
      id: 'm1',
      forumId: 'f1',
      status: 'closed',
      communications: [],
      publishAt: null,
      publication: null,
      closedAt: '2024-03-12T10:00:00.000Z',
      summaryActivityId: null,
    };
    expect(renderMarkdown(stored).startsWith('# REFERAT Ledermøde d. 12-03-2024\n')).toBe(true);
  });
});

describe('exporting minutes as a Word document', () => {
  let html: string;
  beforeAll(async () => {
    const docx = await renderDocx(aMinutes());
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    html = (await mammoth.convertToHtml({ buffer: docx })).value;
  });

  it('uses Word headings for the title, the items and their sections', () => {
    expect(html).toContain('<h1>REFERAT Ledermøde d. 12-03-2024</h1>');
    expect(html).toContain('<h2>Punkt 2: LM - Ny velkomstpakke – ansvar og udrulning (9.00-9.20)</h2>');
    expect(html).toContain('<h3>Indstilling</h3>');
    expect(html).toContain('<p><strong>Mødedato</strong> Tirsdag d. 12. marts 2024 kl. 08:30</p>');
  });

  it('writes the proposals as a Word numbered list and "- " lines as bullets', () => {
    expect(html).toContain(
      '<ol><li>at Ledermødet godkender dagsordenen for dagens møde</li><li>at Ledermødet godkender referatet fra mødet den 13. februar 2024</li></ol>',
    );
    expect(html).toContain('<ul><li>Økonomi &amp; Stab</li><li>Kultur &amp; Fritid</li></ul>');
  });

  it('shows a closed item as "Lukket" with its case number only', () => {
    expect(html).toContain('<h2>Punkt 3: Lukket</h2><p>00.01.00-S00-2-24</p><h2>Punkt 4:');
    expect(html).not.toMatch(/Personalesag|Fortroligt/);
  });
});
