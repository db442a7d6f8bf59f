import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { ParsedMeeting } from '../../src/domain';
import { type MinutesDocument, renderDocx, renderMarkdown } from '../../src/minutes/export';
import { parseDocument } from '../../src/minutes/parse';
import { readDocument } from '../../src/minutes/readers';
import { aMeeting } from './support/meetings';
import { describeIf } from '../support/skip';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seedFiles = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

const ws = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ' ').trim());

/** The structure that must survive export and import; text compared modulo whitespace. */
function shape(m: ParsedMeeting) {
  return {
    kind: m.kind,
    forumName: m.forumName,
    date: m.date,
    start: m.start,
    location: m.location,
    items: m.items.map((i) => ({
      number: i.number,
      title: i.title,
      prefix: i.prefix,
      caseNumber: i.caseNumber,
      timeSlot: i.timeSlot,
      closed: i.closed,
      writtenBriefing: i.writtenBriefing,
      standing: i.standing,
      recommendedBy: i.recommendedBy,
      proposals: i.proposals.map((p) => ws(p.text)),
      decision: ws(i.decision),
      attachments: i.attachments.map(ws),
      sections: i.sections.map((s) => ({ kind: s.kind, heading: s.heading, body: ws(s.body) })),
    })),
  };
}

async function viaDocx(doc: MinutesDocument): Promise<ParsedMeeting> {
  const text = await readDocument({ name: 'referat.docx', bytes: await renderDocx(doc) });
  return parseDocument(text).meeting;
}

describe('exporting and importing generated meetings gives back the same structure', () => {
  it('through Markdown', () => {
    fc.assert(
      fc.property(aMeeting, (m) => {
        expect(shape(parseDocument(renderMarkdown(m)).meeting)).toEqual(shape(m));
      }),
      { numRuns: 150 },
    );
  });

  it('through Word', async () => {
    await fc.assert(
      fc.asyncProperty(aMeeting, async (m) => {
        expect(shape(await viaDocx(m))).toEqual(shape(m));
      }),
      { numRuns: 25 },
    );
  });
});

describeIf(seedFiles.length > 0, `seed minutes not found in ${SEEDS}`)('exporting and importing the real minutes gives back the same structure', () => {
  for (const file of seedFiles.length > 0 ? seedFiles : ['(no seeds)']) {
    const original = () => parseDocument(readFileSync(path.join(SEEDS, file), 'utf8')).meeting;

    it(`${file} through Markdown`, () => {
      const m = original();
      expect(shape(parseDocument(renderMarkdown(m)).meeting)).toEqual(shape(m));
    });

    it(`${file} through Word`, async () => {
      const m = original();
      expect(shape(await viaDocx(m))).toEqual(shape(m));
    });
  }
});
