/**
 * Bad documents: fast-check builds agenda-like texts (headers, items, sections, dates, closed items,
 * tables, HTML, control characters, cut-off lines) and garbage files (.txt, .md, .docx and .pdf
 * that are not what they claim), and the secretary sends them to the bot as a Teams file or pasted
 * into the chat. The bot answers every one (a preview or a Danish error card), never a 5xx, and
 * stays up. FUZZ_RUNS cases per property (at most 60 for the slower file readers in CI).
 */
import fc from 'fast-check';
import { USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { expectHealthy, FUZZ_RUNS, fuzzTimeout, text } from './fuzz';

jest.setTimeout(fuzzTimeout(2));

const line = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'DAGSORDEN Ledelsesforum d. 05-03-2026',
      'REFERAT Ledermøde d. 07-11-2023',
      'Mødedato Torsdag d. 5. marts 2026 kl. 09:00',
      'Mødested Byrådssalen',
      'Indholdsfortegnelse',
      'Anledning',
      'Sagsfremstilling',
      'Indstilling',
      'Beslutning',
      'BESLUTNING I LEDERMØDET DEN 21-05-2013',
      'Bilag',
      'Historik',
      'Direktøren indstiller,',
      '1. at forslaget godkendes',
      'Punkt 4: Lukket',
      '00.01.00-A21-9-18',
      '12/4711',
      'Intet',
      'Evt.',
    ),
  },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -5, max: 100_000 }), text()).map(([n, t]) => `Punkt ${n}: LF - ${t}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Teknik & Miljø udarbejder en vagtplan senest den 1. december 2023.',
      'Sagen sendes tilbage til behandling i Ledermødet i september.',
      'Det meldes først ud i uge 12.',
      'primo november',
      'uge 53',
      'den 31. februar 2026',
      'd. 30. september',
      '10.10 frist for tilmelding',
    ),
  },
  { weight: 2, arbitrary: text() },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<table><tr><td>x</td></tr></table>', '**Beslutning**', '# Indstilling', 'a\tb\tc', '.....\t2', '\f', '\r', '\u0000\u0001'),
  },
);
const agenda = fc.array(line, { minLength: 1, maxLength: 120 }).map((lines) => lines.join('\n'));

describe(`agenda documents under ${FUZZ_RUNS} arbitrary cases per property`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logLevel: 'silent' });
    await h.seedForum();
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('agenda-like text pasted into the chat is answered with a preview or an error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(agenda, async (doc) => {
        const before = h.fake.sent().length;
        const res = await h.post(h.aMessage(doc, { from: USERS.secretary }));
        expect(res.status).toBe(200);
        expect(h.fake.sent().length).toBeGreaterThan(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
  });

  test('files that are not what their name says are answered, never a 5xx', async () => {
    // No surrogates: the test's own builders URL-encode the name (Teams sends it encoded).
    const name = fc
      .tuple(text(), fc.constantFrom('.txt', '.md', '.docx', '.pdf', '.doc', '', '.exe'))
      .map(([n, ext]) => `${n.replace(/[\uD800-\uDFFF]/g, '').replace(/[\\/]/g, '') || 'dagsorden'}${ext}`);
    const content = fc.oneof(
      agenda.map((t) => Buffer.from(t, 'utf8')),
      fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.from(b)),
      fc.constantFrom(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF'), Buffer.from('PK\u0003\u0004garbage'), Buffer.alloc(0)),
    );
    await fc.assert(
      fc.asyncProperty(name, content, async (n, bytes) => {
        const downloadUrl = h.fake.serveFile(n, bytes);
        const before = h.fake.sent().length;
        const res = await h.post(h.aFileMessage({ name: n, downloadUrl }, { from: USERS.secretary }));
        expect(res.status).toBe(200);
        expect(h.fake.sent().length).toBeGreaterThan(before);
      }),
      { numRuns: Math.min(FUZZ_RUNS, Number(process.env.FUZZ_RUNS ?? 60)) },
    );
    await expectHealthy(h);
  });
});
