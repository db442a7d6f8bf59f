/**
 * Fuzzing the readers of issue 12: the .docx XML reader (document, numbering and styles parts written
 * from random pieces of WordprocessingML), the PDF page joiner, the HTML of pasted messages and the
 * layout recognisers. None may crash: a reader gives text or a DocumentError, the parser a result or
 * a DocumentError.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { DocumentError, parseDocument } from '../../src/minutes';
import { blocksToText } from '../../src/minutes/blocks';
import { readDocxBlocks } from '../../src/minutes/formats/docx';
import { htmlToMarkdown } from '../../src/minutes/formats/html-markdown';
import { joinPdfPages } from '../../src/minutes/formats/pdf-pages';
import { readPastedText } from '../../src/minutes/readers';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** WordprocessingML pieces: paragraphs with styles and numbering, runs, tables, links, revisions, broken tags. */
const PIECES = [
  '<w:p>',
  '</w:p>',
  '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="99"/></w:numPr></w:pPr>',
  '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>',
  '<w:r><w:rPr><w:b/></w:rPr><w:t>Punkt</w:t></w:r>',
  '<w:r><w:t xml:space="preserve"> 1: Godkendelse </w:t></w:r>',
  '<w:r><w:t>Beslutning</w:t></w:r>',
  '<w:r><w:tab/><w:br/><w:cr/><w:noBreakHyphen/></w:r>',
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mødedato</w:t></w:r></w:p></w:tc><w:tc>',
  '</w:tc></w:tr></w:tbl>',
  '<w:hyperlink r:id="rId1">',
  '</w:hyperlink>',
  '<w:del><w:r><w:delText>slettet</w:delText></w:r></w:del>',
  '<w:instrText> HYPERLINK "x" </w:instrText>',
  '&amp;&lt;&#x1F600;&#0;&bogus;',
  '<w:t>',
  '</w:t>',
  '<',
  '>',
  '"',
];

const NUMBERING = (lvlText: string, format: string, start: string) =>
  `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${lvlText}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride></w:num></w:numbering>`;

const docxParts = fc.record({
  body: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((p) => p.join('')),
  lvlText: fc.constantFrom('Punkt %1:', '%1.', '%1.%2.%3', '%9', '', '%'),
  format: fc.constantFrom('decimal', 'bullet', 'lowerLetter', 'upperRoman', 'none', 'decimalZero', 'x'),
  start: fc.constantFrom('1', '0', '-5', '4000', 'abc', ''),
  styles: fc.boolean(),
});

async function docxOf(parts: { body: string; lvlText: string; format: string; start: string; styles: boolean }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document ${W}><w:body>${parts.body}</w:body></w:document>`);
  zip.file('word/numbering.xml', NUMBERING(parts.lvlText, parts.format, parts.start));
  if (parts.styles) {
    zip.file(
      'word/styles.xml',
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
    );
  }
  zip.file('word/_rels/document.xml.rels', '<Relationships><Relationship Id="rId1" Target="https://example.dk/x" TargetMode="External"/></Relationships>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function parsesOrRefuses(text: string): void {
  try {
    parseDocument(text);
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
  }
}

describe('fuzzing the readers', () => {
  it('the .docx reader turns any WordprocessingML into blocks or refuses it with a DocumentError', async () => {
    await fc.assert(
      fc.asyncProperty(docxParts, async (parts) => {
        const bytes = await docxOf(parts);
        let text: string;
        try {
          text = blocksToText(readDocxBlocks(bytes));
        } catch (e) {
          expect(e).toBeInstanceOf(DocumentError);
          return;
        }
        expect(typeof text).toBe('string');
        parsesOrRefuses(text);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('the PDF page joiner takes any pages', () => {
    const line = fc.oneof(
      fc.constantFrom('', 'Side 1 af 3', '2', 'Referat - Udvalget - 12. marts 2024', 'Miljø-', 'udvalget', 'Teknik- og', '1. Godkendelse', 'Beslutning'),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(line, { maxLength: 12 }).map((l) => l.join('\n')),
          { maxLength: 8 },
        ),
        (pages) => {
          const text = joinPdfPages(pages);
          expect(typeof text).toBe('string');
          parsesOrRefuses(text);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('pasted HTML and the layout recognisers take any text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<a href="https://x.dk">',
        '</a>',
        '<https://x.dk>',
        '<br>',
        '<li>',
        ' • 159. ',
        '38Godkendelse',
        'Pkt. 4 Titel',
        'Sag nr. 7',
        '\n',
        'Sagsnr.: 19/5 ',
        'BESLUTNING: Udvalget den 26-05-2011',
        'Faldet',
        'stemte imod',
        'flertal',
        'Udvalg: X',
        'Mødedato: 1. maj 2024',
        '(Lukket)',
      ),
      fc.string({ maxLength: 16 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }).map((p) => p.join('')),
        (text) => {
          expect(typeof htmlToMarkdown(text)).toBe('string');
          parsesOrRefuses(readPastedText(text));
        },
      ),
      { numRuns: 400, seed: 12 },
    );
  });
});
