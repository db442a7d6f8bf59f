import { htmlToMarkdown } from '../../src/minutes/formats/html-markdown';
import { parseDocument } from '../../src/minutes/parse';
import { readPastedText } from '../../src/minutes/readers';

describe("turning mammoth's HTML into the parser's Markdown", () => {
  it('writes headings with # and keeps them free of bold markers', () => {
    expect(htmlToMarkdown('<h1><strong>Punkt 1: CF - Evt.</strong></h1><h3>Beslutning</h3>')).toBe('# Punkt 1: CF - Evt.\n\n### Beslutning\n');
  });

  it('writes bold as **bold** with surrounding spaces outside the markers, and drops empty bold', () => {
    expect(htmlToMarkdown('<p><strong>Mødested </strong>Mødelokale 1<strong> </strong></p>')).toBe('**Mødested** Mødelokale 1\n');
  });

  it('numbers ordered lists, nests lists and writes bullets as "- "', () => {
    const html = '<ol><li>at a<ul><li>detalje</li></ul></li><li>at b</li></ol><p>efter</p><ol><li>igen</li></ol>';
    expect(htmlToMarkdown(html)).toBe('1. at a\n  - detalje\n2. at b\n\nefter\n\n1. igen\n');
  });

  it('decodes entities and keeps line breaks inside a paragraph', () => {
    expect(htmlToMarkdown('<p>Kultur &amp; Fritid &#8211; &quot;tovholder&quot;<br />næste linje</p>')).toBe('Kultur & Fritid – "tovholder"\nnæste linje\n');
  });

  it('writes table rows as tab-separated lines and skips images and links markup', () => {
    const html = '<table><tr><td><p>Indsats</p></td><td><p>Beløb</p></td></tr><tr><td>A</td><td><a href="x">1 kr.</a><img src="" /></td></tr></table>';
    expect(htmlToMarkdown(html)).toBe('Indsats\tBeløb\nA\t1 kr.\n');
  });

  it('keeps links: a link written in angle brackets as text, an <a href> with its address after its text', () => {
    expect(htmlToMarkdown('<p>Se &lt;https://medarbejdersiden.example.dk/gaver&gt; og <https://example.dk/a></p>')).toBe(
      'Se <https://medarbejdersiden.example.dk/gaver> og <https://example.dk/a>\n',
    );
    expect(htmlToMarkdown('<p>Læs <a href="https://example.dk/regler">reglerne</a> og <a href="https://example.dk/x">https://example.dk/x</a></p>')).toBe(
      'Læs reglerne <https://example.dk/regler> og https://example.dk/x\n',
    );
  });

  it('gives nothing for an empty document', () => {
    expect(htmlToMarkdown('')).toBe('');
  });
});

describe('an agenda pasted into a Teams message', () => {
  it('reads its HTML paragraphs as lines, and keeps a link in angle brackets in the item', () => {
    const html =
      '<p>DAGSORDEN Ledermøde d. 12-03-2024</p><p>Punkt 1: Gaver til medarbejdere</p><p>00.01.00-A00-1-24</p>' +
      '<p><strong>Sagsfremstilling</strong></p><p>Reglerne står på &lt;https://medarbejdersiden.example.dk/gaver&gt;.</p>' +
      '<p>Punkt 2: Evt.</p>';
    const { meeting } = parseDocument(readPastedText(html));
    expect(meeting.items.map((i) => i.title)).toEqual(['Gaver til medarbejdere', 'Evt.']);
    expect(meeting.items[0].sections.find((s) => s.kind === 'case')?.body).toBe('Reglerne står på <https://medarbejdersiden.example.dk/gaver>.');
  });

  it('keeps a link in angle brackets in plain text too (it is not an HTML tag)', () => {
    const { meeting } = parseDocument(
      'DAGSORDEN Ledermøde d. 12-03-2024\n\nPunkt 1: Gaver\n\nSagsfremstilling\n\nSe <https://medarbejdersiden.example.dk/gaver> og <b>fed</b>.',
    );
    expect(meeting.items[0].sections[0].body).toBe('Se <https://medarbejdersiden.example.dk/gaver> og fed.');
  });
});
