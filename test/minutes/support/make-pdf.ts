/**
 * Builds a small valid PDF with a text layer by writing PDF syntax by hand (no PDF writer is installed):
 * one Helvetica line per text line, WinAnsi-encoded so Danish letters and dashes survive, new pages as needed.
 */

const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

function winAnsi(line: string): Buffer {
  const bytes = Array.from(line, (ch) => {
    const code = ch.codePointAt(0)!;
    if (WIN_ANSI_EXTRA[ch] !== undefined) return WIN_ANSI_EXTRA[ch];
    return code < 0x100 ? code : 0x3f;
  });
  return Buffer.from(bytes);
}

function pdfString(line: string): Buffer {
  const raw = winAnsi(line.replace(/\t/g, '    '));
  const out: number[] = [0x28];
  for (const b of raw) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out.push(0x5c);
    out.push(b);
  }
  out.push(0x29);
  return Buffer.from(out);
}

const LINES_PER_PAGE = 50;

/** A PDF whose text layer holds `lines` (an empty line leaves a larger gap). */
export function makePdf(lines: string[]): Buffer {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  return makePdfPages(pages);
}

/** A PDF with exactly these pages, each holding its lines from the top. */
export function makePdfPages(pages: string[][]): Buffer {
  if (pages.length === 0) pages = [[]];
  const objects: Buffer[] = [];
  const font = 3 + pages.length * 2;
  const kids = pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`));
  pages.forEach((pageLines, i) => {
    const contentId = 4 + i * 2;
    objects.push(
      Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentId} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`),
    );
    const ops: Buffer[] = [Buffer.from('BT /F1 10 Tf 14 TL 40 800 Td\n')];
    for (const line of pageLines) ops.push(line ? Buffer.concat([pdfString(line), Buffer.from(' Tj T*\n')]) : Buffer.from('T*\n'));
    ops.push(Buffer.from('ET'));
    const content = Buffer.concat(ops);
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]));
  });
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}
