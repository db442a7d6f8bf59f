import { htmlToMarkdown } from '../../src/minutes/formats/html-markdown';

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

  it('gives nothing for an empty document', () => {
    expect(htmlToMarkdown('')).toBe('');
  });
});
