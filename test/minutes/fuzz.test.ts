import fc from 'fast-check';
import { isIsoDate } from '../../src/domain';
import { DocumentError, extractCommunications, extractFollowUps, findDueDates, parseDanishDue, parseDocument } from '../../src/minutes';
import { WARNING_CODES } from '../../src/minutes/warnings';
import { allSeeds, FIXTURES, readFixture } from './seed-files';

const documents = [...allSeeds(), ...FIXTURES.map(readFixture)];

/** Pieces the parser reacts to, so mutations hit its grammar rather than only plain words. */
const TOKENS = [
  'Punkt 3: CF - ',
  '# **Punkt 4: Lukket**',
  '\nBeslutning\n',
  '\nBESLUTNING I CHEFFORUM DEN 14-03-2013\n',
  '\nIndstilling\n1. at ',
  '\nBilag:\n',
  '(9.00-9.20)',
  '(10 minutter)',
  'den 23. maj 2019',
  '10.10 ',
  'i uge 53',
  'primo februar',
  'efter sommeren',
  '12/4711',
  '<li>•</li>',
  '**',
  '## ',
  '\t',
  '.....\t3',
  '\u0000',
  '\ufffd',
  'REFERAT Ledermøde d. 31-02-2023',
  'Kultur & Fritid er tovholder på',
  'sendes tilbage til behandling i Ledermødet i december eller januar',
];

type Mutation = { op: 'delete' | 'insert' | 'duplicate' | 'truncate' | 'upper'; at: number; len: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate', 'upper'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 0, max: 400 }),
  text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })),
});

function mutate(doc: string, ms: Mutation[]): string {
  let s = doc;
  for (const m of ms) {
    const i = Math.floor(m.at * s.length);
    if (m.op === 'delete') s = s.slice(0, i) + s.slice(i + m.len);
    else if (m.op === 'insert') s = s.slice(0, i) + m.text + s.slice(i);
    else if (m.op === 'duplicate') s = s.slice(0, i + m.len) + s.slice(i, i + m.len) + s.slice(i + m.len);
    else if (m.op === 'truncate') s = s.slice(0, Math.max(i, 1));
    else s = s.slice(0, i) + s.slice(i, i + m.len).toUpperCase() + s.slice(i + m.len);
  }
  return s;
}

/** Parses and extracts; returns 'refused' for a DocumentError, rethrows anything else. */
function readAll(text: string): 'refused' | 'read' {
  let result: ReturnType<typeof parseDocument>;
  try {
    result = parseDocument(text);
  } catch (e) {
    if (e instanceof DocumentError) return 'refused';
    throw e;
  }
  const codes: readonly string[] = WARNING_CODES;
  for (const w of result.warnings) expect(codes).toContain(w.code);
  for (const f of extractFollowUps(result.meeting)) {
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    if (f.due) expect(isIsoDate(f.due.due) && isIsoDate(f.due.dueFrom) && f.due.dueFrom <= f.due.due).toBe(true);
  }
  for (const c of extractCommunications(result.meeting)) if (c.notBefore) expect(isIsoDate(c.notBefore)).toBe(true);
  return 'read';
}

describe('the parser on mutated seed minutes and fixtures', () => {
  it('never throws anything but DocumentError, and its results stay well-formed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 6 }), (doc, ms) => {
        readAll(mutate(doc, ms));
      }),
      { numRuns: 300 },
    );
  });

  it('still reads each unmutated document', () => {
    for (const doc of documents) expect(readAll(doc)).toBe('read');
  });

  it('never throws on arbitrary text, as a document or as a date phrase', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('2019-08-27', '2020-12-31', '2024-02-29'), (text, meetingDate) => {
        readAll(text);
        for (const f of findDueDates(text, meetingDate)) expect(f.due.due > meetingDate).toBe(true);
        parseDanishDue(text, meetingDate);
      }),
      { numRuns: 300 },
    );
  });
});
