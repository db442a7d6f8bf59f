/**
 * Generated members of the public corpus: the content of public documents laid out the way Word
 * templates and PDF printers lay it out. Three .docx files number their items with Word's automatic
 * numbering ("Punkt %1:", "%1." starting at 99, "%1." under a two-column header table) on heading
 * styles, the proposals in their own automatic lists; PDFs print corpus documents with a header and a
 * footer with page numbers repeated on every page, long lines wrapped with words hyphenated across lines,
 * and paragraphs split by page breaks. Built at scoring time (no binary files in the repository); the
 * expected results follow from the content, which is written out below.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { makePdf } from './make-pdf';
import { CORPUS_DIR, type CorpusDocument, type ExpectedDocument, type ExpectedItem, loadExpected } from './public-corpus';

interface SpecItem {
  number: number;
  title: string;
  closed?: boolean;
  /** Paragraphs between the heading and the recommendation (case number line, background). */
  before?: string[];
  recommendedBy?: string;
  proposals?: string[];
  decisionHeading?: string;
  decision?: string[];
}

interface DocxSpec {
  name: string;
  source: string;
  family: string;
  date: string;
  /** Paragraphs above the items, or a two-column table when `table` is set. */
  header: string[];
  table?: [string, string][];
  /** Word's level text for the item headings. */
  levelText: string;
  items: SpecItem[];
}

const SLAGELSE: SpecItem[] = [
  {
    number: 1,
    title: 'Godkendelse af dagsorden (B)',
    before: ['Sagsnr.: 330-2018-3619      Dok.nr.: 330-2018-500301      Åbent', 'Kompetence: Økonomiudvalget'],
    recommendedBy: 'Borgmesteren indstiller,',
    proposals: ['at dagsordenen godkendes'],
    decisionHeading: 'Beslutning i Økonomiudvalget den 1. oktober 2018:',
    decision: ['Fraværende:', 'Godkendt.'],
  },
  {
    number: 2,
    title: 'Siden sidst fra udvalgets medlemmer (O)',
    before: ['Sagsnr.: 330-2018-3619      Dok.nr.: 330-2018-500312      Åbent', 'Kompetence: Økonomiudvalget'],
    recommendedBy: 'Borgmesteren indstiller,',
    proposals: ['at orienteringen tages til efterretning'],
    decisionHeading: 'Beslutning i Økonomiudvalget den 1. oktober 2018:',
    decision: ['Fraværende:', 'Brev til regionen vedrørende nedlæggelse af busruter er afsendt. Der arbejdes i Regionen på henvendelse til Regeringen.'],
  },
];

const DOCX_SPECS: DocxSpec[] = [
  {
    name: 'generated-docx-punkt',
    source: 'slagelse-1',
    family: 'generated-docx',
    date: '2018-10-01',
    header: ['Referat', 'Økonomiudvalget', 'Mødedato: 1. oktober 2018'],
    levelText: 'Punkt %1:',
    items: SLAGELSE,
  },
  {
    name: 'generated-docx-numbered',
    source: 'faxe-1',
    family: 'generated-docx',
    date: '2022-10-03',
    header: ['Børn & Læringsudvalget - 03-10-2022', 'Referat', 'Dato: Mandag, 3 oktober, 2022 - 16:30'],
    levelText: '%1.',
    items: [
      {
        number: 99,
        title: 'Godkendelse af dagsorden',
        before: ['Sagen afgøres af', 'Børn & Læringsudvalget.'],
        decisionHeading: 'Beslutning',
        decision: ['Godkendt.'],
      },
      {
        number: 100,
        title: 'Dialogmøde med Vestskolens bestyrelse',
        before: [
          'Vestskolens bestyrelse er inviteret til dialogmøde kl. 16.30.',
          'Vestskolen har ikke fremsendt forslag til emner, der ønskes drøftet med udvalget.',
        ],
        recommendedBy: 'Center for Børn, Unge & Familier indstiller,',
        proposals: ['at dialogmødet tages til efterretning.'],
        decisionHeading: 'Beslutning',
        decision: ['Godkendt.'],
      },
    ],
  },
  {
    name: 'generated-docx-table',
    source: 'stevns-1',
    family: 'generated-docx',
    date: '2018-10-22',
    header: ['Referat'],
    table: [
      ['Udvalg', 'Økonomiudvalget'],
      ['Mødedato', '22. oktober 2018'],
    ],
    levelText: '%1.',
    items: [
      {
        number: 159,
        title: 'Dagsorden - godkendelse',
        before: ['Godkendelse af dagsorden for ØU den 22. oktober 2018.'],
        decisionHeading: 'Beslutning',
        decision: ['Ikke til stede: Bjarne Nielsen (V) og Steen Nielsen (A)', 'Godkendt.'],
      },
      {
        number: 160,
        title: 'Temadrøftelse af Statsvej til motorvejen',
        decisionHeading: 'Beslutning',
        decision: ['Ikke til stede: Bjarne Nielsen (V) og Steen Nielsen (A)', 'Sagens elementer drøftet, herunder hvordan der arbejdes videre med sagen.'],
      },
      { number: 161, title: 'Diverse orienteringer - ØU den 22. oktober 2018', closed: true },
      { number: 162, title: 'Underskriftsark', closed: true },
    ],
  },
];

/** Corpus documents printed to PDF, each with its printer's running header. */
const PDF_SOURCES: { source: string; header: string }[] = [
  { source: 'bronderslev-1', header: 'Brønderslev Kommune - Byrådet - Referat - 29. januar 2020' },
  { source: 'slagelse-1', header: 'Slagelse Kommune - Økonomiudvalget - Referat - 1. oktober 2018' },
  { source: 'hvidovre-1', header: 'Hvidovre Kommune - Kommunalbestyrelsen - 28. oktober 2014' },
  { source: 'vejen-2', header: 'Vejen Kommune - Udvalget for teknik og miljø - 21-01-2019' },
  { source: 'mariagerfjord-1', header: 'Mariagerfjord Kommune - Udvalget for Teknik og Miljø' },
];

const ITEMS = 'items';
const PROPOSALS = 'proposals';

function itemParagraphs(item: SpecItem, instance: number): Paragraph[] {
  const title = item.closed ? `${item.title} (Lukket)` : item.title;
  const out = [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1, numbering: { reference: ITEMS, level: 0 } })];
  if (item.closed) return out;
  for (const text of item.before ?? []) out.push(new Paragraph({ text }));
  if (item.proposals) {
    out.push(new Paragraph({ text: 'Indstilling', heading: HeadingLevel.HEADING_2 }));
    if (item.recommendedBy) out.push(new Paragraph({ text: item.recommendedBy }));
    for (const text of item.proposals) out.push(new Paragraph({ text, numbering: { reference: PROPOSALS, level: 0, instance } }));
  }
  if (item.decisionHeading) out.push(new Paragraph({ text: item.decisionHeading, heading: HeadingLevel.HEADING_2 }));
  for (const text of item.decision ?? []) out.push(new Paragraph({ text }));
  return out;
}

function headerTable(rows: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([label, value]) => new TableRow({ children: [label, value].map((text) => new TableCell({ children: [new Paragraph({ text })] })) })),
  });
}

async function renderSpec(spec: DocxSpec): Promise<Buffer> {
  const [first, ...rest] = spec.header;
  const children: (Paragraph | Table)[] = [new Paragraph({ text: first, heading: HeadingLevel.TITLE }), ...rest.map((text) => new Paragraph({ text }))];
  if (spec.table) children.push(headerTable(spec.table));
  spec.items.forEach((item, i) => {
    children.push(...itemParagraphs(item, i + 1));
  });
  const level = (text: string, start: number) => ({ level: 0, format: LevelFormat.DECIMAL, text, start, alignment: AlignmentType.START });
  const document = new Document({
    numbering: {
      config: [
        { reference: ITEMS, levels: [level(spec.levelText, spec.items[0].number)] },
        { reference: PROPOSALS, levels: [{ ...level('%1.', 1), style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function specExpected(spec: DocxSpec): ExpectedDocument {
  const items: ExpectedItem[] = spec.items.map((i) => ({
    number: i.number,
    title: i.title,
    closed: i.closed === true,
    caseNumber: i.before?.find((b) => b.startsWith('Sagsnr.:'))?.match(/Sagsnr\.:\s*(\S+)/)?.[1] ?? null,
    proposals: i.proposals ?? [],
    decision: i.decision ? (i.decision.find((d) => d !== 'Fraværende:') ?? null) : null,
  }));
  return { family: spec.family, kind: 'minutes', date: spec.date, items, followUps: [] };
}

const WRAP = 90;
const CONTENT_LINES = 24;
const PAGE_LINES = 50;

/** Long lines wrapped at WRAP characters; a word of letters crossing the margin is split with "-". */
function wrap(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > WRAP) {
    const space = rest.lastIndexOf(' ', WRAP);
    const word = rest.slice(space + 1).split(' ')[0];
    const inWord = WRAP - (space + 1);
    if (/^\p{L}{8,}[,.]?$/u.test(word) && inWord >= 3 && word.length - inWord >= 3) {
      out.push(`${rest.slice(0, WRAP)}-`);
      rest = rest.slice(WRAP);
    } else {
      const at = space > 0 ? space : WRAP;
      out.push(rest.slice(0, at));
      rest = rest.slice(space > 0 ? space + 1 : WRAP);
    }
  }
  out.push(rest);
  return out;
}

/** Pages of PAGE_LINES lines: running header, content, blank space, footer "Side n af m". */
function paginate(text: string, header: string): string[] {
  const content = text.split('\n').flatMap((l) => wrap(l.replace(/\s+$/, '')));
  const pages: string[][] = [];
  for (let i = 0; i < content.length; i += CONTENT_LINES) pages.push(content.slice(i, i + CONTENT_LINES));
  return pages.flatMap((lines, n) => {
    const page = [header, '', ...lines];
    while (page.length < PAGE_LINES - 1) page.push('');
    page.push(`Side ${n + 1} af ${pages.length}`);
    return page;
  });
}

/** Writes every generated document into `dir`. */
export async function writeGeneratedCorpus(dir: string): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for (const spec of DOCX_SPECS) {
    const file = path.join(dir, `${spec.name}.docx`);
    await fs.writeFile(file, await renderSpec(spec));
    out.push({ name: spec.name, file, expected: specExpected(spec) });
  }
  for (const { source, header } of PDF_SOURCES) {
    const name = `generated-pdf-${source}`;
    const file = path.join(dir, `${name}.pdf`);
    await fs.writeFile(file, makePdf(paginate(readFileSync(path.join(CORPUS_DIR, `${source}.txt`), 'utf8'), header)));
    out.push({ name, file, expected: { ...loadExpected(source), family: 'generated-pdf' } });
  }
  return out;
}
