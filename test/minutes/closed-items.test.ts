/**
 * Closed items, fail-safe: every way a heading marks an item closed closes it (the marker in any
 * case and position, in parentheses, before or after a colon or dash, items under a "Lukket
 * dagsorden" part), and where the parser is unsure it closes the item and says why. Words such as
 * "Lukning" are titles, not markers.
 */
import fc from 'fast-check';
import { t } from '../../src/i18n';
import { parseDocument } from '../../src/minutes';
import { warningKey } from '../../src/minutes/warnings';

const SECRET = 'Fratrædelse Hansen';

/** An agenda with an open item 1, `item` as item 2 (its body names SECRET) and an open item 3. */
function agenda(heading: string, opts: { before?: string; under?: string; body?: string } = {}): string {
  return [
    'DAGSORDEN Ledelsesforum d. 05-03-2026',
    'Mødedato Torsdag d. 5. marts 2026 kl. 09:00',
    '',
    opts.before ?? '',
    'Punkt 1: LF - Godkendelse af dagsorden',
    '00.01.00-A00-1-26',
    'Anledning',
    'Godkendelse af dagsorden.',
    '',
    heading,
    opts.under ?? '',
    '00.30.00-P05-3-26',
    'Sagsfremstilling',
    opts.body ?? `Sagen drejer sig om ${SECRET}.`,
    '',
    'Punkt 3: LF - Evt.',
    '00.00.00-A00-2-26',
  ].join('\n');
}

function item2(text: string) {
  const { meeting, warnings } = parseDocument(text);
  const item = meeting.items.find((i) => i.number === 2)!;
  return { item, meeting, warnings, itemWarnings: warnings.filter((w) => w.item === 2).map((w) => w.code) };
}

function expectClosedWithoutContent(text: string): ReturnType<typeof item2> {
  const r = item2(text);
  expect(r.item.closed).toBe(true);
  expect(JSON.stringify({ ...r.item, title: '' })).not.toContain(SECRET);
  expect(JSON.stringify(r.warnings)).not.toContain(SECRET);
  return r;
}

describe('a heading that marks its item closed closes it', () => {
  it.each([
    'Punkt 2: Lukket',
    'Punkt 2: LUKKET PUNKT',
    'Punkt 2: Lukket punkt: Personalesag X',
    'Punkt 2: lukket punkt - Personalesag X',
    'Punkt 2: Lukket - Personalesag X',
    'Punkt 2: Lukket – Personalesag X',
    'Punkt 2: Lukket: Personalesag X',
    'Punkt 2: (Lukket) Personalesag X',
    'Punkt 2: [LUKKET] Personalesag X',
    'Punkt 2: Personalesag X (Lukket)',
    'Punkt 2: Personalesag X (lukket punkt)',
    'Punkt 2: Personalesag X - Lukket',
    'Punkt 2: Personalesag X: lukket punkt.',
    'Punkt 2. Underskriftsark (Lukket)',
    'Punkt 2 (Lukket): Personalesag X',
    'Punkt 2 Lukket',
    'Punkt 2: LUKKET - Personalesag X',
    'Punkt 2: LF - Lukket punkt: Personalesag X',
    'Punkt 2: Personalesag X (Lukket) (10.00-10.20)',
    '## **Punkt 2: Lukket punkt: Personalesag X**',
  ])('%s', (heading) => {
    const { item, itemWarnings } = expectClosedWithoutContent(agenda(heading));
    expect(item.title === 'Lukket' || !/lukket/i.test(item.title)).toBe(true);
    expect(item.sections).toEqual([]);
    expect(itemWarnings).toContain('closed-content-dropped');
    expect(itemWarnings).not.toContain('closed-uncertain-heading');
  });

  it('keeps the title without the marker ("Lukket" when there is none)', () => {
    expect(item2(agenda('Punkt 2: Lukket punkt: Personalesag X')).item.title).toBe('Personalesag X');
    expect(item2(agenda('Punkt 2: Personalesag X (Lukket)')).item.title).toBe('Personalesag X');
    expect(item2(agenda('Punkt 2: Lukket punkt')).item.title).toBe('Lukket');
  });

  it('closes any marker variant a secretary might write (property)', () => {
    const word = fc
      .constantFrom('lukket', 'lukket punkt', 'lukket  punkt')
      .chain((w) =>
        fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((upper) => [...w].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')),
      );
    const title = fc.constantFrom('Personalesag X', 'Afskedigelse', 'Underskriftsark', 'Sag om tjenstlig samtale', 'LF - Personalesag');
    const sep = fc.constantFrom(':', ' -', ' –', ' —', '.', ' :', ';');
    const shape = fc.constantFrom('alone', 'before', 'after', 'paren-before', 'paren-after', 'bracket-after');
    const headingStart = fc.constantFrom('Punkt 2: ', 'Punkt 2. ', 'Pkt. 2: ', 'punkt 2 - ', 'PUNKT 2) ');
    fc.assert(
      fc.property(headingStart, word, title, sep, shape, (start, w, ti, s, sh) => {
        const rest = {
          alone: w,
          before: `${w}${s} ${ti}`,
          after: `${ti}${s} ${w}`,
          'paren-before': `(${w}) ${ti}`,
          'paren-after': `${ti} (${w})`,
          'bracket-after': `${ti} [${w}]`,
        }[sh];
        const { item } = expectClosedWithoutContent(agenda(`${start}${rest}`));
        expect(item.sections).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('where the parser is unsure, the item is closed and the preview says why', () => {
  it('"lukket" or "fortrolig" elsewhere in the heading', () => {
    for (const heading of ['Punkt 2: Skolen er lukket i sommer', 'Punkt 2: Fortroligt: Personalesag X', 'Punkt 2: Lukket punkter om budget']) {
      const { itemWarnings } = expectClosedWithoutContent(agenda(heading));
      expect(itemWarnings).toContain('closed-uncertain-heading');
    }
  });

  it('a "Lukket" or "Fortroligt" line just under the heading', () => {
    for (const under of ['Lukket punkt', '(Lukket)', 'FORTROLIGT', 'Punktet behandles lukket']) {
      const { itemWarnings } = expectClosedWithoutContent(agenda('Punkt 2: Personalesag X', { under }));
      expect(itemWarnings).toContain('closed-near-heading');
    }
  });

  it('says why in Danish and in English, without the item’s text', () => {
    expect(t('da', warningKey('closed-uncertain-heading'))).toMatch(/behandlet som lukket.*overskriften/);
    expect(t('en', warningKey('closed-uncertain-heading'))).toMatch(/treated as closed.*heading/);
    expect(t('da', warningKey('closed-near-heading'))).toMatch(/lige under overskriften/);
    expect(t('da', warningKey('closed-by-section'))).toMatch(/lukket del af dagsordenen/);
    expect(t('en', warningKey('closed-by-section'))).toMatch(/closed part of the agenda/);
  });
});

describe('items under a closed part of the agenda', () => {
  it.each(['Lukket dagsorden', 'LUKKEDE PUNKTER', '## Lukket dagsorden:', '**Lukket del**', 'Dagsorden - lukket', 'Fortrolige punkter'])(
    '"%s" closes the items after it until an open part',
    (part) => {
      const text = agenda('Punkt 2: Personalesag X', { before: '' })
        .replace('Punkt 2:', `${part}\n\nPunkt 2:`)
        .replace('Punkt 3:', 'Åben dagsorden\n\nPunkt 3:');
      const { item, itemWarnings, meeting } = expectClosedWithoutContent(text);
      expect(item.closed).toBe(true);
      expect(itemWarnings).toContain('closed-by-section');
      expect(meeting.items.map((i) => i.closed)).toEqual([false, true, false]);
      expect(JSON.stringify(meeting.items[0])).not.toMatch(/lukket dagsorden|lukkede punkter|lukket del/i);
    },
  );

  it('stays closed to the end without an open part', () => {
    const text = agenda('Punkt 2: Personalesag X').replace('Punkt 2:', 'Lukkede punkter\nPunkt 2:');
    expect(parseDocument(text).meeting.items.map((i) => i.closed)).toEqual([false, true, true]);
  });

  it('text after a closed part line never joins the open item above it', () => {
    const text = agenda('Punkt 2: Budget').replace('Punkt 2:', `Lukket dagsorden\nPersonalesag om ${SECRET} uden punktoverskrift\n\nPunkt 2:`);
    const { meeting, warnings } = parseDocument(text);
    expect(meeting.items.map((i) => i.closed)).toEqual([false, true, true]);
    expect(JSON.stringify(meeting)).not.toContain(SECRET);
    expect(warnings).toContainEqual({ code: 'closed-content-dropped', item: null, text: '' });
  });

  it('a closed part line right under a heading closes that item too', () => {
    const text = agenda('Punkt 2: Personalesag X', { under: 'Lukket dagsorden' }).replace('Punkt 3:', 'Åben dagsorden\nPunkt 3:');
    expect(parseDocument(text).meeting.items.map((i) => i.closed)).toEqual([false, true, false]);
  });

  it('a closed part before the first item counts, one inside the table of contents does not', () => {
    const first = agenda('Punkt 2: Personalesag X', { before: 'Lukket dagsorden' });
    expect(parseDocument(first).meeting.items.map((i) => i.closed)).toEqual([true, true, true]);
    const toc = agenda('Punkt 2: Lukket', {
      before: 'Indholdsfortegnelse\nLukket dagsorden\nLF - Godkendelse af dagsorden.....\t2\nLukket.....\t3\nLF - Evt......\t4',
    });
    expect(parseDocument(toc).meeting.items.map((i) => i.closed)).toEqual([false, true, false]);
  });
});

describe('words that are not a closed marker leave the item open', () => {
  it.each([
    'Punkt 2: Lukning af skole',
    'Punkt 2: Skolerne lukkes',
    'Punkt 2: De lukkede afdelinger',
    'Punkt 2: Lukketider i weekenden',
    'Punkt 2: Budget 2027 (10.00-10.20)',
  ])('%s', (heading) => {
    const { item, itemWarnings } = item2(agenda(heading, { body: 'Skolen skal lukkes, og lukningen sker i sommer.' }));
    expect(item.closed).toBe(false);
    expect(item.sections.length).toBeGreaterThan(0);
    expect(itemWarnings.filter((c) => c.startsWith('closed'))).toEqual([]);
  });

  it('"lukket" deep in the case text does not close the item', () => {
    const { item } = item2(agenda('Punkt 2: Skolestruktur', { body: 'Skolen var lukket i to uger.' }));
    expect(item.closed).toBe(false);
  });
});
