/**
 * fast-check arbitraries for meetings that read like the forum's own: Danish-ish titles and bodies,
 * KLE or older case numbers, slots, closed items, recommendations with numbered "at ..." proposals.
 *
 * What the generator avoids, because such text is ambiguous in the format itself (a reader could not
 * tell either), not because the exporter mishandles it:
 * - body lines that start like an item heading ("Punkt 3: ...") or a section heading ("Beslutning",
 *   "Bilag: ...", "Økonomi"), or that repeat the item title; the words "indstiller"/"indstilles" outside
 *   the recommendation;
 * - titles ending in a time slot, a duration ("(10 min.)") or dot leaders, titles starting with an
 *   upper-case code and " - " (read as the forum prefix), and titles of exactly "Lukket";
 * - an unknown ("other") section after a known one: the parser reads an unknown heading there as body
 *   text, so the generator only puts an "other" section first;
 * - Markdown and HTML markup inside bodies ("**", "__", "<tag>", "&amp;", backslash escapes): bodies
 *   are stored with markup removed;
 * - a decision in an agenda, closed items with a prefix or a slot ("Punkt 5: Lukket" shows neither).
 */
import fc from 'fast-check';
import type { AgendaItem, Proposal, Section, SectionKind, StandingItemKind } from '../../../src/domain';
import type { MinutesDocument } from '../../../src/minutes/export';

const WORDS = [
  'møde',
  'plan',
  'budget',
  'afdeling',
  'borger',
  'kultur',
  'fritid',
  'skole',
  'dagtilbud',
  'sundhed',
  'pleje',
  'strategi',
  'handleplan',
  'arbejdsmiljø',
  'hjemmeside',
  'tovholder',
  'evaluering',
  'status',
  'udvikling',
  'samarbejde',
  'ledelse',
  'trivsel',
  'frivillige',
  'fællesskab',
  'indsats',
  'område',
  'opfølgning',
  'analyse',
  'rapport',
  'praktik',
  'jubilæum',
  'verdensmål',
  'beredskab',
  'medarbejdere',
  'chefer',
  'rådhuset',
  'politik',
  'ansvar',
  'løft',
  'fremtiden',
  'og',
  'i',
  'for',
  'med',
  'til',
  'på',
  'af',
  'om',
  'de',
  'nye',
  'kommende',
  'fælles',
  'tværgående',
  '2021',
  '50',
  'ØU',
  'KB',
  'MED',
  'Kultur & Fritid',
  'Økonomi & Stab',
  'Miljø & Teknik',
  'albertslund.dk',
  'uge 44',
  'den 23. maj 2019',
  'medio april',
  '–',
  '/',
];
const FIRST_WORDS = WORDS.filter((w) => /^[a-zæøå]{3,}$/.test(w));
const FORUMS = ['Chefforum', 'Direktørforum', 'Ledelsesforum', 'Lederforum'];
const RECOMMENDERS = [
  'Kommunaldirektøren',
  'Chefen for Økonomi & Stab',
  'Direktøren for By, Kultur, Miljø & Beskæftigelse',
  'Afdelingschefen for Miljø & Teknik',
];
const STANDING: [string, StandingItemKind][] = [
  ['Godkendelse af dagsorden og referat', 'approval'],
  ['Hvad skal kommunikeres ud til afdelingerne efter mødet?', 'communication'],
  ['Evt.', 'any-other-business'],
];
const HEADINGS: Record<Exclude<SectionKind, 'other'>, string[]> = {
  occasion: ['Anledning', 'Baggrund', 'ANLEDNING'],
  case: ['Sagsfremstilling', 'SAGSFREMSTILLING'],
  supplementaryCase: ['Supplerende Sagsfremstilling'],
  recommendation: ['Indstilling', 'INDSTILLING'],
  history: ['Historik'],
  decision: ['Beslutning', 'BESLUTNING'],
  attachments: ['Bilag'],
  process: ['Videre proces'],
  economy: ['Økonomi'],
};

const capitalize = (s: string) => s[0].toUpperCase() + s.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');

const phrase = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(...FIRST_WORDS), fc.array(fc.constantFrom(...WORDS), { minLength: min - 1, maxLength: max - 1 }))
    .map(([first, rest]) => [capitalize(first), ...rest].join(' '));

const sentence = phrase(3, 14).map((s) => `${s}.`);

const line = fc.oneof(
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')) },
  { weight: 2, arbitrary: phrase(2, 6).map((s) => `- ${s}`) },
  { weight: 1, arbitrary: fc.array(phrase(1, 3), { minLength: 2, maxLength: 4 }).map((cells) => cells.join('\t')) },
);

const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const body = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));

const caseNumber = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('A', 'P', 'S', 'G'),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 13, max: 24 }),
    )
    .map(([a, b, l, c, n, y]) => `${pad(a)}.${pad(b)}.00-${l}${pad(c)}-${n}-${y}`),
  fc.tuple(fc.integer({ min: 10, max: 24 }), fc.integer({ min: 1, max: 99999 })).map(([y, n]) => `${y}/${n}`),
  fc.constant(null),
);

const timeSlot = fc
  .tuple(fc.integer({ min: 8, max: 15 }), fc.constantFrom(0, 10, 15, 20, 30, 40, 45, 50), fc.integer({ min: 5, max: 90 }))
  .map(([h, m, len]) => {
    const end = h * 60 + m + len;
    return { start: `${pad(h)}:${pad(m)}`, end: `${pad(Math.floor(end / 60))}:${pad(end % 60)}` };
  });

const title = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(phrase(2, 8), fc.option(phrase(2, 4), { nil: undefined })).map(([a, b]) => (b ? `${a} – ${b.toLowerCase()}` : a)) },
  { weight: 1, arbitrary: phrase(2, 6).map((s) => `Skriftlig orientering om ${s.toLowerCase()}`) },
);

const recommendation = fc.tuple(
  fc.constantFrom(...RECOMMENDERS),
  fc.array(
    phrase(2, 12).map((s) => `at ${s.toLowerCase()}`),
    { minLength: 1, maxLength: 4 },
  ),
  fc.boolean(),
);

interface ItemShape {
  kind: 'open' | 'closed';
  number: number;
}

function openItem(kind: 'agenda' | 'minutes', number: number) {
  const known: Exclude<SectionKind, 'other'>[] = ['occasion', 'case', 'supplementaryCase', 'recommendation', 'history', 'process', 'economy', 'attachments'];
  if (kind === 'minutes') known.push('decision');
  return fc
    .record({
      heading: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...STANDING).map(([t, s]) => ({ title: t, standing: s as StandingItemKind | null })) },
        { weight: 4, arbitrary: title.map((t) => ({ title: t, standing: null })) },
      ),
      prefix: fc.constantFrom('CF', 'DIF/CF', null),
      caseNumber,
      timeSlot: fc.option(timeSlot, { nil: null }),
      other: fc.option(fc.tuple(phrase(2, 4), body), { nil: null }),
      order: fc.shuffledSubarray(known, { minLength: 0 }),
      headingChoice: fc.nat(),
      bodies: fc.array(body, { minLength: 10, maxLength: 10 }),
      recommendation,
      attachments: fc.array(
        fc.tuple(phrase(2, 6), fc.boolean()).map(([s, pdf]) => (pdf ? `${s}.pdf` : s)),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((r): AgendaItem => {
      const sections: Section[] = [];
      let proposals: Proposal[] = [];
      let recommendedBy: string | null = null;
      let decision: string | null = null;
      let attachments: string[] = [];
      if (r.other) sections.push({ kind: 'other', heading: r.other[0], body: r.other[1] });
      r.order.forEach((k, i) => {
        const options = HEADINGS[k];
        const heading = options[(r.headingChoice + i) % options.length];
        let text = r.bodies[i];
        if (k === 'recommendation') {
          const [by, texts, inline] = r.recommendation;
          recommendedBy = by;
          proposals = (inline ? texts.slice(0, 1) : texts).map((t, n) => ({ number: n + 1, text: t }));
          text = inline ? `${by} indstiller, ${proposals[0].text}` : `${by} indstiller,\n\n${proposals.map((p) => `${p.number}. ${p.text}`).join('\n')}`;
        } else if (k === 'decision') decision = text;
        else if (k === 'attachments') {
          attachments = r.attachments;
          text = attachments.join('\n');
        }
        sections.push({ kind: k, heading, body: text });
      });
      const writtenBriefing = /^skriftlig orientering/i.test(r.heading.title);
      return {
        number,
        title: r.heading.title,
        prefix: r.prefix,
        caseNumber: r.caseNumber,
        timeSlot: r.timeSlot,
        closed: false,
        writtenBriefing,
        standing: r.heading.standing,
        sections,
        recommendedBy,
        proposals,
        decision,
        attachments,
      };
    })
    .filter((item) => {
      const norm = (s: string) =>
        s
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace(/[\s:.]+$/, '')
          .trim();
      const titles = new Set([norm(item.title), norm(`${item.prefix} - ${item.title}`)]);
      return item.sections.every((s) => !titles.has(norm(s.heading)) && s.body.split('\n').every((l) => !titles.has(norm(l))));
    });
}

function closedItem(number: number) {
  return caseNumber.map(
    (c): AgendaItem => ({
      number,
      title: 'Lukket',
      prefix: null,
      caseNumber: c,
      timeSlot: null,
      closed: true,
      writtenBriefing: false,
      standing: null,
      sections: [],
      recommendedBy: null,
      proposals: [],
      decision: null,
      attachments: [],
    }),
  );
}

/** A whole agenda or minutes with 1-8 items numbered from 1. */
export const aMeeting: fc.Arbitrary<MinutesDocument> = fc
  .record({
    kind: fc.constantFrom('agenda' as const, 'minutes' as const),
    forumName: fc.constantFrom(...FORUMS),
    date: fc
      .tuple(fc.integer({ min: 2012, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    start: fc.option(
      fc.tuple(fc.integer({ min: 7, max: 16 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`),
      { nil: null },
    ),
    location: fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: 9 }).map((n) => `Mødelokale ${n}`),
        fc.constant('Rådhuset, byrådssalen'),
      ),
      { nil: null },
    ),
    shapes: fc.array(fc.constantFrom<ItemShape['kind']>('open', 'open', 'open', 'closed'), { minLength: 1, maxLength: 8 }),
  })
  .chain((m) =>
    fc.tuple(...m.shapes.map((s, i) => (s === 'closed' ? closedItem(i + 1) : openItem(m.kind, i + 1)))).map((items) => ({
      kind: m.kind,
      forumName: m.forumName,
      date: m.date,
      start: m.start,
      location: m.location,
      items,
    })),
  );
