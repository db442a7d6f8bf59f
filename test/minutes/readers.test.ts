import fc from 'fast-check';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { DocumentError } from '../../src/minutes/parse';
import { detectFormat, MAX_DOCUMENT_BYTES, readDocument } from '../../src/minutes/readers';
import { rejection } from '../support/rejection';
import { makePdf } from './support/make-pdf';

const read = (name: string, bytes: Buffer) => readDocument({ name, bytes });

function aDocx(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: { config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
      sections: [{ children }],
    }),
  );
}

describe('reading text and Markdown files', () => {
  const minutes = '# REFERAT Ledermøde d. 07-11-2023\n\n**Mødested** Mødelokale Fjorden – ved kantinen\n';

  it('reads UTF-8 Markdown as it is', async () => {
    expect(await read('referat.md', Buffer.from(minutes, 'utf8'))).toBe(minutes);
  });

  it('drops a UTF-8 byte order mark and turns Windows line ends into plain ones', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minutes.replace(/\n/g, '\r\n'), 'utf8')]);
    expect(await read('referat.txt', bytes)).toBe(minutes);
  });

  it('reads UTF-16 files with either byte order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minutes, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(minutes, 'utf16le').swap16()]);
    expect(await read('referat.txt', le)).toBe(minutes);
    expect(await read('referat.txt', be)).toBe(minutes);
  });

  it('reads UTF-16 without a byte order mark (as Notepad sometimes saves it)', async () => {
    expect(await read('referat.txt', Buffer.from(minutes, 'utf16le'))).toBe(minutes);
  });

  it('falls back to Windows-1252 for Danish text that is not UTF-8, dashes included', async () => {
    const cp1252 = Buffer.from([...Buffer.from('Mødested Mødelokale 1 ', 'latin1'), 0x96, ...Buffer.from(' Århus, 5 €', 'latin1').subarray(0, -1), 0x80]);
    expect(await read('referat.txt', cp1252)).toBe('Mødested Mødelokale 1 – Århus, 5 €');
  });

  it('keeps a UTF-8 file that was cut off in the middle of a letter as UTF-8', async () => {
    const bytes = Buffer.from('Mødested Mødelokale på rådhuset, ø', 'utf8');
    const text = await read('referat.txt', bytes.subarray(0, bytes.length - 1));
    expect(text.startsWith('Mødested Mødelokale på rådhuset, ')).toBe(true);
  });

  it('refuses binary junk with a one-line reason', async () => {
    let x = 2463534242;
    const xorshift = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) & 0xff;
    };
    const junk = Buffer.from(Array.from({ length: 4096 }, xorshift));
    for (const bytes of [junk, junk.filter((b) => b !== 0)]) {
      const err = await rejection(read('referat.txt', Buffer.from(bytes)), DocumentError);
      expect(err.code).toBe('parse-failed');
      expect(err.message).toMatch(/not a text document/);
      expect(err.message).not.toContain('\n');
    }
  });

  it('refuses a picture renamed to .txt', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 1)]);
    expect((await rejection(read('foto.txt', png), DocumentError)).code).toBe('parse-failed');
  });

  it('says so when the file is empty or holds only blank lines', async () => {
    expect((await rejection(read('tom.txt', Buffer.alloc(0)), DocumentError)).message).toBe('tom.txt is empty');
    expect((await rejection(read('tom.txt', Buffer.from(' \n\r\n\t\n')), DocumentError)).message).toBe('tom.txt holds no text');
  });

  it('refuses a document of 20 MB or more as too large, before looking at it', async () => {
    for (const size of [MAX_DOCUMENT_BYTES, 20 * 1024 * 1024]) {
      const err = await rejection(read('stor.txt', Buffer.alloc(size, 0x61)), DocumentError);
      expect(err.code).toBe('too-large');
      expect(err.message).toMatch(/smaller than 20 MB/);
    }
  });
});

describe('recognising the format', () => {
  it('goes by the first bytes before the file name', () => {
    expect(detectFormat({ name: 'referat.txt', bytes: Buffer.from('PK\x03\x04rest') })).toBe('docx');
    expect(detectFormat({ name: 'referat.txt', bytes: Buffer.from('%PDF-1.7\n') })).toBe('pdf');
    expect(detectFormat({ name: 'referat.pdf', bytes: Buffer.from('REFERAT') })).toBe('pdf');
    expect(detectFormat({ name: 'referat.md', bytes: Buffer.from('REFERAT') })).toBe('text');
  });

  it('refuses a text file that only pretends to be .docx or .pdf', async () => {
    expect((await rejection(read('referat.docx', Buffer.from('REFERAT Ledermøde')), DocumentError)).message).toBe(
      'referat.docx is named .docx but is not a Word document',
    );
    expect((await rejection(read('referat.pdf', Buffer.from('REFERAT Ledermøde')), DocumentError)).message).toBe('referat.pdf is named .pdf but is not a PDF');
  });
});

describe('reading Word documents', () => {
  it('keeps headings, bold labels, numbered proposals, bullets and tables in the Markdown forms the parser reads', async () => {
    const docx = await aDocx([
      new Paragraph({ text: 'REFERAT Ledermøde d. 07-11-2023', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun({ text: 'Mødedato ', bold: true }), new TextRun('Tirsdag d. 7. november 2023 kl. 13:00')] }),
      new Paragraph({ text: 'Punkt 2: LM - Vinterberedskab – salt & snerydning (13.15-13.30)', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: 'Indstilling', heading: HeadingLevel.HEADING_3 }),
      new Paragraph('Kommunaldirektøren indstiller,'),
      new Paragraph({ text: 'at Ledermødet godkender modellen', numbering: { reference: 'n', level: 0 } }),
      new Paragraph({ text: 'at cheferne overvejer en vagtordning i julen', numbering: { reference: 'n', level: 0 } }),
      new Paragraph({ text: 'Skoler prioriteres først', bullet: { level: 0 } }),
      new Paragraph({ children: [new TextRun('Dagsordenen blev godkendt.'), new TextRun({ text: 'Referatet blev godkendt.', break: 1 })] }),
      new Table({
        rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Indsats')] }), new TableCell({ children: [new Paragraph('Beløb')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Vejsalt')] }), new TableCell({ children: [new Paragraph('250.000 kr.')] })] }),
        ],
      }),
    ]);
    expect(await read('referat.docx', docx)).toBe(
      [
        '# REFERAT Ledermøde d. 07-11-2023',
        '',
        '**Mødedato** Tirsdag d. 7. november 2023 kl. 13:00',
        '',
        '## Punkt 2: LM - Vinterberedskab – salt & snerydning (13.15-13.30)',
        '',
        '### Indstilling',
        '',
        'Kommunaldirektøren indstiller,',
        '',
        '1. at Ledermødet godkender modellen',
        '2. at cheferne overvejer en vagtordning i julen',
        '- Skoler prioriteres først',
        '',
        'Dagsordenen blev godkendt.\nReferatet blev godkendt.',
        '',
        'Indsats\tBeløb',
        'Vejsalt\t250.000 kr.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a Word document whose text part would unpack to more than 50 MB (a zip bomb) before unpacking it', async () => {
    const docx = await aDocx([new Paragraph('Punkt 1: LM - Godkendelse')]);
    const name = docx.indexOf('word/document.xml', docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    docx.writeUInt32LE(3_000_000_000, name - 46 + 24);
    const err = await rejection(read('bombe.docx', docx), DocumentError);
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/unpacks to more than 3000 MB/);
  });

  it('refuses a damaged Word document with a one-line reason', async () => {
    const docx = await aDocx([new Paragraph('Punkt 1: LM - Godkendelse')]);
    const err = await rejection(read('referat.docx', docx.subarray(0, Math.floor(docx.length / 2))), DocumentError);
    expect(err.code).toBe('parse-failed');
    expect(err.message).toMatch(/^The Word document could not be read/);
    expect(err.message).not.toContain('\n');
  });
});

describe('reading PDF files', () => {
  it('reads the text layer, Danish letters and dashes included, without page markers', async () => {
    const lines = [
      'REFERAT Ledermøde d. 07-11-2023',
      'Mødedato Tirsdag d. 7. november 2023 kl. 13:00',
      'Punkt 2: LM - Trafiksikkerhed ved skolerne – status og de næste skridt (13.15-13.30)',
    ];
    expect(await read('referat.pdf', makePdf(lines))).toBe(lines.join('\n'));
  });

  it('reads every page of a longer PDF in order', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Linje ${i + 1} på side ${Math.floor(i / 50) + 1}`);
    const text = await read('lang.pdf', makePdf(lines));
    expect(text.split('\n').filter((l) => l.trim())).toEqual(lines);
  });

  it('keeps paragraph breaks (larger gaps between lines) as blank lines, for the parser and the message list', async () => {
    const lines = [
      'Beslutning',
      '',
      'Cheferne melder ledige medarbejdere ind til vagtordningen.',
      'Den fortsætter på næste linje.',
      '',
      'Vagtplanen gennemgås på områdemøderne.',
    ];
    expect(await read('referat.pdf', makePdf(lines))).toBe(lines.join('\n'));
  });

  it('keeps a paragraph whole where a page break cut it mid-sentence, and keeps other page breaks as paragraph breaks', async () => {
    const filler = Array.from({ length: 48 }, (_, i) => `Linje ${i + 1}.`);
    const lines = [...filler, '', 'Sekretariatet udarbejder et oplæg, som', 'forelægges Ledermødet i juni.', 'Beslutning'];
    const text = await read('referat.pdf', makePdf(lines));
    expect(text).toContain('Sekretariatet udarbejder et oplæg, som\nforelægges Ledermødet i juni.\nBeslutning');
    const whole = [...filler, '', 'Første afsnit slutter her.', 'Andet afsnit på ny side.'];
    expect(await read('referat.pdf', makePdf(whole))).toContain('Første afsnit slutter her.\n\nAndet afsnit på ny side.');
  });

  it("leaves the caller's buffer intact", async () => {
    const pdf = makePdf(['REFERAT Ledermøde d. 07-11-2023']);
    const copy = Buffer.from(pdf);
    await read('referat.pdf', pdf);
    expect(pdf.equals(copy)).toBe(true);
  });

  it('says a PDF without a text layer (a scan) holds no text', async () => {
    expect((await rejection(read('scan.pdf', makePdf([])), DocumentError)).message).toBe('scan.pdf holds no text (a scanned PDF?)');
  });

  it('refuses a damaged PDF with a one-line reason', async () => {
    const err = await rejection(read('referat.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog')), DocumentError);
    expect(err.code).toBe('parse-failed');
    expect(err.message).toMatch(/^The PDF could not be read/);
    expect(err.message).not.toContain('\n');
  });
});

describe('reading arbitrary bytes', () => {
  it('either gives text or refuses with a DocumentError, whatever the bytes and the name', async () => {
    const docx = await aDocx([new Paragraph({ text: 'Punkt 1: LM - Godkendelse', heading: HeadingLevel.HEADING_2 }), new Paragraph('Godkendt.')]);
    const pdf = makePdf(['REFERAT Ledermøde d. 07-11-2023', 'Punkt 1: LM - Godkendelse']);
    const mutated = (base: Buffer) =>
      fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((edits) => {
        const copy = Buffer.from(base);
        for (const [at, byte] of edits) copy[at] = byte;
        return copy;
      });
    const input = fc.record({
      name: fc.constantFrom('referat.txt', 'referat.md', 'referat.docx', 'referat.pdf', 'referat'),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
        mutated(docx),
        fc.constant(docx.subarray(0, 1500)),
      ),
    });
    await fc.assert(
      fc.asyncProperty(input, async (file) => {
        await readDocument(file).then(
          (text) => expect(typeof text).toBe('string'),
          (e: unknown) => expect(e).toBeInstanceOf(DocumentError),
        );
      }),
      { numRuns: 60 },
    );
    for (const bytes of fc.sample(mutated(pdf), { numRuns: 4, seed: 11 })) {
      await readDocument({ name: 'referat.pdf', bytes }).catch((e: unknown) => expect(e).toBeInstanceOf(DocumentError));
    }
  });
});
