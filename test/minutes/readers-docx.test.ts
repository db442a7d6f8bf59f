/**
 * Word documents as Word templates make them (generated here with the docx library): items numbered by
 * Word's automatic list numbering ("Punkt %1:", "%1."), heading styles, a header as a two-column table,
 * hyperlinks. The numbers live in the list definition, not in the text.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { parseDocument } from '../../src/minutes/parse';
import { readDocument } from '../../src/minutes/readers';

const level = (text: string, format: (typeof LevelFormat)[keyof typeof LevelFormat] = LevelFormat.DECIMAL, start = 1): ILevelsOptions => ({
  level: 0,
  format,
  text,
  start,
  alignment: AlignmentType.START,
});

function docx(children: (Paragraph | Table)[], lists: Record<string, ILevelsOptions[]>): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: { config: Object.entries(lists).map(([reference, levels]) => ({ reference, levels })) },
      sections: [{ children }],
    }),
  );
}

const item = (title: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text: title, heading, numbering: { reference: 'items', level: 0 } });
const proposal = (text: string) => new Paragraph({ text, numbering: { reference: 'proposals', level: 0 } });

async function parse(bytes: Buffer) {
  return parseDocument(await readDocument({ name: 'dagsorden.docx', bytes }));
}

describe('Word agendas numbered by automatic lists', () => {
  it('reads items numbered "Punkt %1:" with the right numbers, and proposals numbered "%1."', async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: 'DAGSORDEN Ledermøde d. 12-03-2024', heading: HeadingLevel.TITLE }),
        item('Godkendelse af dagsorden'),
        new Paragraph('00.01.00-A00-1-24'),
        item('Ny model for borgerhenvendelser', HeadingLevel.HEADING_2),
        new Paragraph('00.01.00-A00-2-24'),
        new Paragraph({ text: 'Indstilling', heading: HeadingLevel.HEADING_3 }),
        new Paragraph('Kommunaldirektøren indstiller,'),
        proposal('at modellen godkendes'),
        proposal('at den evalueres efter et år'),
        item('Evt.'),
      ],
      { items: [level('Punkt %1:')], proposals: [level('%1.')] },
    );
    const { meeting } = await parse(bytes);
    expect(meeting).toMatchObject({ kind: 'agenda', forumName: 'Ledermøde', date: '2024-03-12' });
    expect(meeting.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      [1, 'Godkendelse af dagsorden', '00.01.00-A00-1-24'],
      [2, 'Ny model for borgerhenvendelser', '00.01.00-A00-2-24'],
      [3, 'Evt.', null],
    ]);
    expect(meeting.items[1].proposals.map((p) => p.text)).toEqual(['at modellen godkendes', 'at den evalueres efter et år']);
  });

  it('reads items numbered "%1." in heading styles, starting where the list starts', async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: 'Referat', heading: HeadingLevel.TITLE }),
        new Paragraph('Udvalg: Børne- og Skoleudvalget'),
        new Paragraph('Mødedato: 5. februar 2024'),
        item('Godkendelse af dagsorden', HeadingLevel.HEADING_1),
        new Paragraph({ text: 'Beslutning', heading: HeadingLevel.HEADING_2 }),
        new Paragraph('Godkendt.'),
        item('Skolestruktur (Lukket)', HeadingLevel.HEADING_1),
        new Paragraph('Fortroligt indhold.'),
        item('Eventuelt', HeadingLevel.HEADING_1),
      ],
      { items: [level('%1.', LevelFormat.DECIMAL, 14)] },
    );
    const { meeting } = await parse(bytes);
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Børne- og Skoleudvalget', date: '2024-02-05' });
    expect(meeting.items.map((i) => [i.number, i.title, i.closed])).toEqual([
      [14, 'Godkendelse af dagsorden', false],
      [15, 'Skolestruktur', true],
      [16, 'Eventuelt', false],
    ]);
    expect(meeting.items[0].decision).toBe('Godkendt.');
    expect(JSON.stringify(meeting.items[1])).not.toContain('Fortroligt');
  });

  it('reads a header given as a two-column table', async () => {
    const row = (label: string, value: string) =>
      new TableRow({ children: [new TableCell({ children: [new Paragraph(label)] }), new TableCell({ children: [new Paragraph(value)] })] });
    const bytes = await docx(
      [
        new Table({
          rows: [row('Udvalg', 'Teknik- og Miljøudvalget'), row('Mødedato', '12. marts 2024'), row('Mødetidspunkt', 'kl. 16.00'), row('Mødested', 'C3.40')],
        }),
        item('Godkendelse af dagsorden', HeadingLevel.HEADING_2),
        item('Trafikplan', HeadingLevel.HEADING_2),
      ],
      { items: [level('Punkt %1:')] },
    );
    const { meeting, warnings } = await parse(bytes);
    expect(meeting).toMatchObject({ forumName: 'Teknik- og Miljøudvalget', date: '2024-03-12', start: '16:00', location: 'C3.40' });
    expect(meeting.items.map((i) => i.number)).toEqual([1, 2]);
    expect(warnings.map((w) => w.code)).not.toContain('missing-header');
  });

  it('keeps a hyperlink with its address', async () => {
    const bytes = await docx(
      [
        new Paragraph('DAGSORDEN Ledermøde d. 12-03-2024'),
        new Paragraph('Punkt 1: Gaver til medarbejdere'),
        new Paragraph({ text: 'Sagsfremstilling', heading: HeadingLevel.HEADING_3 }),
        new Paragraph({
          children: [
            new TextRun('Se '),
            new ExternalHyperlink({ link: 'https://medarbejdersiden.example.dk/gaver', children: [new TextRun('gavereglerne')] }),
            new TextRun(' før mødet.'),
          ],
        }),
      ],
      {},
    );
    const { meeting } = await parse(bytes);
    expect(meeting.items[0].sections.find((s) => s.kind === 'case')?.body).toBe('Se gavereglerne <https://medarbejdersiden.example.dk/gaver> før mødet.');
  });
});
