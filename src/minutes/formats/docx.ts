/**
 * Word documents (.docx) read from their own XML into blocks (src/minutes/blocks.ts): heading styles
 * and their levels ("Heading 2", "Overskrift 2", "Titel", outline levels), Word's automatic list
 * numbering resolved to the numbers it shows ("Punkt %1:", "%1."), tables as rows, bold kept as
 * **bold**, hyperlinks kept with their address, deleted revisions and field codes left out.
 */
import { type Block, blocksToText } from '../blocks';
import { DocumentError } from '../parse';
import { headingLevel, ListCounter, parseNumbering, parseStyles, styleNumbering } from './docx-numbering';
import { attr, type XmlToken, xmlTokens } from './xml';
import { readZipEntries } from './zip';
import { checkZipSizes } from './zip-guard';

const DOCUMENT = 'word/document.xml';
const PARTS = [DOCUMENT, 'word/numbering.xml', 'word/styles.xml', 'word/_rels/document.xml.rels'];
/** Elements whose text is not the document's text: deleted revisions, field codes, the fallback copy of text boxes. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del', 'w:moveFrom']);
const LINK = /^(?:https?:\/\/|mailto:)/i;

interface Run {
  text: string;
  bold: boolean;
}

interface Paragraph {
  style: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
  runs: Run[];
}

interface Cell {
  parts: string[];
}

interface Table {
  row: string[] | null;
  cell: Cell | null;
}

function links(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const tok of xmlTokens(xml)) {
    if (tok.type === 'text' || tok.type === 'close' || tok.name !== 'Relationship') continue;
    const id = attr(tok.attrs, 'Id');
    const target = attr(tok.attrs, 'Target');
    if (id && target) out.set(id, target);
  }
  return out;
}

/** Runs joined; bold stays `**x**` around non-blank text, with surrounding spaces outside the markers. */
function runsText(runs: Run[], markBold: boolean): string {
  let out = '';
  let i = 0;
  while (i < runs.length) {
    let j = i;
    let text = '';
    while (j < runs.length && runs[j].bold === runs[i].bold) text += runs[j++].text;
    if (markBold && runs[i].bold && text.trim() !== '') {
      const lead = text.slice(0, text.length - text.trimStart().length);
      const trail = text.slice(text.trimEnd().length);
      out += `${lead}**${text.trim()}**${trail}`;
    } else out += text;
    i = j;
  }
  return out
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/, ''))
    .join('\n')
    .trim();
}

class DocxWalker {
  readonly blocks: Block[] = [];
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: Table[] = [];
  private readonly linkStarts: { target: string | null; at: number }[] = [];
  private skip = 0;
  private inPPr = false;
  private inRPr = false;
  private inText = false;
  private bold = false;

  constructor(
    private readonly styles: ReturnType<typeof parseStyles>,
    private readonly counter: ListCounter,
    private readonly rels: Map<string, string>,
  ) {}

  private get paragraph(): Paragraph | undefined {
    return this.paragraphs[this.paragraphs.length - 1];
  }

  private append(text: string): void {
    const p = this.paragraph;
    if (!p) return;
    const last = p.runs[p.runs.length - 1];
    if (last && last.bold === this.bold) last.text += text;
    else p.runs.push({ text, bold: this.bold });
  }

  token(tok: XmlToken): void {
    if (tok.type === 'text') {
      if (this.inText && this.skip === 0) this.append(tok.text);
      return;
    }
    if (SKIPPED.has(tok.name)) {
      if (tok.type === 'open') this.skip++;
      else if (tok.type === 'close') this.skip = Math.max(0, this.skip - 1);
      return;
    }
    if (this.skip > 0) return;
    if (tok.type === 'close') this.close(tok.name);
    else this.open(tok.name, tok.attrs, tok.type === 'self');
  }

  private open(name: string, attrs: string, self: boolean): void {
    const p = this.paragraph;
    switch (name) {
      case 'w:p':
        if (!self) this.paragraphs.push({ style: null, numId: null, ilvl: null, outline: null, runs: [] });
        return;
      case 'w:pPr':
        this.inPPr = !self;
        return;
      case 'w:rPr':
        this.inRPr = !self && !this.inPPr;
        return;
      case 'w:r':
        this.bold = false;
        return;
      case 'w:t':
        this.inText = !self;
        return;
      case 'w:tbl':
        if (!self) this.tables.push({ row: null, cell: null });
        return;
      case 'w:tr':
        if (this.tables.length) this.tables[this.tables.length - 1].row = [];
        return;
      case 'w:tc':
        if (this.tables.length) this.tables[this.tables.length - 1].cell = { parts: [] };
        return;
      case 'w:hyperlink': {
        if (self) return;
        const id = attr(attrs, 'r:id');
        const target = id ? (this.rels.get(id) ?? null) : null;
        this.linkStarts.push({ target, at: p ? runsText(p.runs, false).length : 0 });
        return;
      }
    }
    if (!p) return;
    if (this.inPPr) {
      if (name === 'w:pStyle') p.style = attr(attrs, 'w:val');
      else if (name === 'w:numId') p.numId = attr(attrs, 'w:val');
      else if (name === 'w:ilvl') p.ilvl = Number(attr(attrs, 'w:val') ?? 0);
      else if (name === 'w:outlineLvl') p.outline = Number(attr(attrs, 'w:val') ?? 9);
      return;
    }
    if (this.inRPr) {
      if (name === 'w:b') this.bold = !/^(?:0|false|off)$/i.test(attr(attrs, 'w:val') ?? '');
      return;
    }
    if (name === 'w:tab') this.append('\t');
    else if (name === 'w:br') {
      if (attr(attrs, 'w:type') !== 'page') this.append('\n');
    } else if (name === 'w:cr') this.append('\n');
    else if (name === 'w:noBreakHyphen') this.append('-');
  }

  private close(name: string): void {
    switch (name) {
      case 'w:pPr':
        this.inPPr = false;
        return;
      case 'w:rPr':
        this.inRPr = false;
        return;
      case 'w:t':
        this.inText = false;
        return;
      case 'w:p': {
        const p = this.paragraphs.pop();
        if (p) this.finishParagraph(p);
        return;
      }
      case 'w:hyperlink':
        this.finishLink();
        return;
      case 'w:tc': {
        const t = this.tables[this.tables.length - 1];
        if (t?.cell && t.row) t.row.push(t.cell.parts.join(' ').replace(/\s+/g, ' ').trim());
        if (t) t.cell = null;
        return;
      }
      case 'w:tr': {
        const t = this.tables[this.tables.length - 1];
        if (t?.row) this.emitRow(t.row);
        if (t) t.row = null;
        return;
      }
      case 'w:tbl':
        this.tables.pop();
        return;
    }
  }

  /** A link's address is kept after its text ("Gaveregler <https://...>") unless the text is the address. */
  private finishLink(): void {
    const start = this.linkStarts.pop();
    const p = this.paragraph;
    if (!start?.target || !p || !LINK.test(start.target)) return;
    const text = runsText(p.runs, false).slice(start.at).trim();
    if (text === start.target) return;
    const wasBold = this.bold;
    this.bold = false;
    this.append(text === '' ? `<${start.target}>` : ` <${start.target}>`);
    this.bold = wasBold;
  }

  /** A nested table's row goes into the enclosing cell; a top-level one is a block. */
  private emitRow(cells: string[]): void {
    const outer = this.tables[this.tables.length - 2];
    if (outer?.cell) outer.cell.parts.push(cells.join(' '));
    else this.blocks.push({ kind: 'row', cells });
  }

  private finishParagraph(p: Paragraph): void {
    const level = p.outline !== null && p.outline < 9 ? p.outline + 1 : headingLevel(this.styles, p.style);
    const list = p.numId !== null ? { numId: p.numId, ilvl: p.ilvl ?? 0 } : styleNumbering(this.styles, p.style);
    const numbered = list && list.numId !== '0' ? this.counter.next(list.numId, list.ilvl) : null;
    const table = this.tables[this.tables.length - 1];
    if (table?.cell) {
      const text = runsText(p.runs, false);
      table.cell.parts.push(numbered?.label ? `${numbered.label} ${text}` : text);
      return;
    }
    const text = runsText(p.runs, level === null);
    if (level !== null) this.blocks.push({ kind: 'heading', level, text: numbered?.label ? `${numbered.label} ${text}` : text });
    else if (numbered) this.blocks.push({ kind: 'numbered', number: numbered.number, label: numbered.label, level: list?.ilvl ?? 0, text });
    else this.blocks.push({ kind: 'paragraph', text });
  }
}

/** The document's blocks; throws DocumentError with a one-line reason when it cannot be read. */
export function readDocxBlocks(bytes: Buffer): Block[] {
  checkZipSizes(bytes);
  const parts = readZipEntries(bytes, PARTS);
  const document = parts.get(DOCUMENT);
  if (!document) throw new DocumentError('parse-failed', 'The Word document could not be read (the file is a zip archive but not a Word document)');
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const walker = new DocxWalker(
    parseStyles(text('word/styles.xml')),
    new ListCounter(parseNumbering(text('word/numbering.xml'))),
    links(text('word/_rels/document.xml.rels')),
  );
  for (const tok of xmlTokens(document.toString('utf8'))) walker.token(tok);
  return walker.blocks;
}

export async function readDocx(bytes: Buffer): Promise<string> {
  try {
    return blocksToText(readDocxBlocks(bytes));
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new DocumentError('parse-failed', `The Word document could not be read (${message.split('\n')[0].slice(0, 160)})`);
  }
}
