/**
 * Minutes as a Word document in the forum's layout: Word headings, bold field labels, the
 * recommendation's proposals as a numbered list (restarting at 1 in every item), "- " lines as bullets.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { type Block, headerTitle, layout, type MinutesDocument } from './layout';

const PROPOSALS = 'proposals';
const NUMBERED = /^(\d+)\.\s+(.*)$/;
const BULLET = /^-\s+(.*)$/;

/** Plain lines as one paragraph with line breaks, as Word shows a soft return. */
function textParagraph(lines: string[]): Paragraph {
  return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })) });
}

/** True when the lines are numbered 1, 2, 3 ... in order (a proposal list). */
function isNumberedList(lines: string[]): boolean {
  return lines.every((l, i) => Number(NUMBERED.exec(l)?.[1]) === i + 1);
}

/** A paragraph block: runs of bullet lines become bullets, a run numbered from 1 becomes a Word list. */
function paragraphs(text: string, nextList: () => number): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const kind = NUMBERED.test(lines[i]) ? 'numbered' : BULLET.test(lines[i]) ? 'bullet' : 'plain';
    let j = i + 1;
    const same = (l: string) => (kind === 'numbered' ? NUMBERED.test(l) : kind === 'bullet' ? BULLET.test(l) : !NUMBERED.test(l) && !BULLET.test(l));
    while (j < lines.length && same(lines[j])) j++;
    const run = lines.slice(i, j);
    if (kind === 'bullet') out.push(...run.map((l) => new Paragraph({ text: BULLET.exec(l)![1], bullet: { level: 0 } })));
    else if (kind === 'numbered' && isNumberedList(run)) {
      const instance = nextList();
      out.push(...run.map((l) => new Paragraph({ text: NUMBERED.exec(l)![2], numbering: { reference: PROPOSALS, level: 0, instance } })));
    } else out.push(textParagraph(run));
    i = j;
  }
  return out;
}

function blockParagraphs(block: Block, nextList: () => number): Paragraph[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 })];
    case 'field':
      return [new Paragraph({ children: [new TextRun({ text: block.label, bold: true }), new TextRun(` ${block.text}`)] })];
    case 'heading':
      return [new Paragraph({ text: block.text, heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 })];
    case 'toc':
      return block.entries.map((entry) => new Paragraph({ text: entry }));
    case 'paragraph':
      return paragraphs(block.text, nextList);
  }
}

export async function renderDocx(doc: MinutesDocument): Promise<Buffer> {
  let lists = 0;
  const nextList = () => ++lists;
  const children = layout(doc).flatMap((b) => blockParagraphs(b, nextList));
  const document = new Document({
    title: headerTitle(doc),
    creator: doc.forumName,
    numbering: {
      config: [
        {
          reference: PROPOSALS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
