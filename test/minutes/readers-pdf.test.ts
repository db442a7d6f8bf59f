/**
 * PDFs as agenda systems print them (generated here): a running header and footer with the page
 * number on every page, words hyphenated at line ends, paragraphs split by page breaks.
 */
import { joinPdfPages } from '../../src/minutes/formats/pdf-pages';
import { parseDocument } from '../../src/minutes/parse';
import { readDocument } from '../../src/minutes/readers';
import { makePdfPages } from './support/make-pdf';

const page = (n: number, of: number, body: string[]) => ['Referat - Teknik- og Miljøudvalget - 12. marts 2024', '', ...body, '', `Side ${n} af ${of}`];

describe('reading a printed PDF', () => {
  const pages = [
    page(1, 3, [
      'Udvalg: Teknik- og Miljøudvalget',
      'Mødedato: 12. marts 2024',
      'Mødested: C3.40',
      '',
      '1. Godkendelse af dagsorden',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
      '2. Trafikplan for bymidten',
      '',
      'Sagsfremstilling',
      '',
      'Planen er udarbejdet af Teknik- og Miljø-',
      'forvaltningen i samarbejde med Teknik- og',
      'Miljøudvalgets arbejdsgruppe, og den',
    ]),
    page(2, 3, ['beskriver tre etaper.', '', 'Beslutning', '', 'Planen sendes i høring.']),
    page(3, 3, ['3. Eventuelt', '', 'Beslutning', '', 'Intet.']),
  ];

  it('drops the running header, footer and page numbers, joins hyphenated words and a paragraph split by the page break', async () => {
    const text = await readDocument({ name: 'referat.pdf', bytes: makePdfPages(pages) });
    expect(text).not.toMatch(/Side \d af 3/);
    expect(text).not.toContain('Referat - Teknik- og Miljøudvalget - 12. marts 2024');
    expect(text).toContain(
      'Planen er udarbejdet af Teknik- og Miljøforvaltningen i samarbejde med Teknik- og\nMiljøudvalgets arbejdsgruppe, og den\nbeskriver tre etaper.',
    );
    const { meeting, warnings } = parseDocument(text);
    expect(meeting).toMatchObject({ kind: 'minutes', forumName: 'Teknik- og Miljøudvalget', date: '2024-03-12', location: 'C3.40' });
    expect(meeting.items.map((i) => [i.number, i.title, i.decision])).toEqual([
      [1, 'Godkendelse af dagsorden', 'Godkendt.'],
      [2, 'Trafikplan for bymidten', 'Planen sendes i høring.'],
      [3, 'Eventuelt', 'Intet.'],
    ]);
    expect(meeting.items[1].sections.find((s) => s.kind === 'case')?.body).toMatch(/Miljøforvaltningen .* etaper\.$/s);
    expect(warnings.filter((w) => w.code === 'unparsed-line')).toEqual([]);
  });

  it('keeps lines that only look alike on every page, and a page that starts a new paragraph', () => {
    const text = joinPdfPages(['Linje 1 på side 1\n\nBeslutning\n\nGodkendt.', 'Linje 51 på side 2\n\nBeslutning\n\nTaget til efterretning.']);
    expect(text).toBe('Linje 1 på side 1\n\nBeslutning\n\nGodkendt.\n\nLinje 51 på side 2\n\nBeslutning\n\nTaget til efterretning.');
  });

  it('drops a footer whose number counts the pages, even when the first page has none', () => {
    expect(joinPdfPages(['Forside', 'Indhold\n\n2', 'Mere indhold.\n\n3'])).toBe('Forside\n\nIndhold\n\nMere indhold.');
    expect(joinPdfPages(['A.\n\nDagsorden 12/3 · side 1', 'B.\n\nDagsorden 12/3 · side 2'])).toBe('A.\n\nB.');
  });
});
