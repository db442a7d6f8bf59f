/**
 * Scores the importer on the public corpus (test/fixtures/public): each document goes through the CLI's
 * entry point (`importFile`, what `followup import <file> --json` prints) and is compared field by field
 * with `<name>.expected.json`, written by reading the document. Used by public-corpus.test.ts and
 * `npm run -s corpus:score`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../../src/cli/import';
import type { ImportJson } from '../../../src/minutes/import-json';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'public');

export interface ExpectedItem {
  number: number;
  title: string;
  closed: boolean;
  caseNumber: string | null;
  proposals: string[];
  /** The first words of the decision text; null when the item has none. */
  decision: string | null;
}

export interface ExpectedDocument {
  family: string;
  kind: 'minutes' | 'agenda';
  date: string | null;
  items: ExpectedItem[];
  /** Due dates literally stated with a follow-up meaning; anything else the importer dates is invented. */
  followUps: { item: number; due: string }[];
}

export const FIELDS = ['items', 'titles', 'caseNumbers', 'closed', 'proposals', 'decisions', 'dueDates'] as const;
export type Field = (typeof FIELDS)[number];

export interface Tally {
  points: number;
  total: number;
}

export interface DocumentScore {
  name: string;
  family: string;
  /** The importer's error message when it refused the document. */
  rejected: string | null;
  fields: Record<Field, Tally>;
  /** "item N: YYYY-MM-DD" for every due date the document does not state. */
  invented: string[];
  /** What did not match, one line each (for `corpus:score --verbose`). */
  misses: string[];
  /** Reported, not scored: the meeting kind and date. */
  header: { kind: boolean; date: boolean };
}

/** Lower case, one space, no stray combining marks or leading bullets: layout noise, not content. */
export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFC')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^[-•*–·\s]+/, '');
}

/** Empty "( )" placeholders and a trailing one- or two-letter type marker "(B)" do not make a title differ. */
function normTitle(s: string): string {
  const t = norm(s)
    .replace(/\(\s*\)/g, '')
    .replace(/\s*\([a-zæøå]{1,2}\)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /^lukket( punkt| sag)?\.?$/.test(t) ? '' : t;
}

function normCase(s: string | null): string {
  return norm(s).replace(/\s+/g, '');
}

/** A proposal without its list number and its leading "at". */
function normProposal(s: string): string {
  return norm(s)
    .replace(/^(?:\d{1,2}|[a-h])\s*[.)]\s*/, '')
    .replace(/^at\s+/, '');
}

function emptyFields(): Record<Field, Tally> {
  return Object.fromEntries(FIELDS.map((f) => [f, { points: 0, total: 0 }])) as Record<Field, Tally>;
}

export function loadExpected(name: string): ExpectedDocument {
  const doc = JSON.parse(readFileSync(path.join(CORPUS_DIR, `${name}.expected.json`), 'utf8')) as ExpectedDocument;
  if (!Array.isArray(doc.items) || doc.items.length === 0 || !Array.isArray(doc.followUps) || typeof doc.family !== 'string') {
    throw new Error(`${name}.expected.json: needs family, items (at least one) and followUps`);
  }
  for (const i of doc.items) {
    const ok =
      Number.isInteger(i.number) &&
      typeof i.title === 'string' &&
      typeof i.closed === 'boolean' &&
      (i.caseNumber === null || typeof i.caseNumber === 'string') &&
      Array.isArray(i.proposals) &&
      (i.decision === null || typeof i.decision === 'string');
    if (!ok) throw new Error(`${name}.expected.json: item ${i.number} needs number, title, closed, caseNumber, proposals and decision`);
  }
  return doc;
}

/** The corpus documents' names (without extension), sorted. */
export function corpusNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|md)$/.test(f) && !/^SOURCES\./.test(f))
    .map((f) => f.replace(/\.(txt|md)$/, ''))
    .sort();
}

function documentFile(name: string): string {
  const md = path.join(CORPUS_DIR, `${name}.md`);
  return readdirSync(CORPUS_DIR).includes(`${name}.md`) ? md : path.join(CORPUS_DIR, `${name}.txt`);
}

type Item = ImportJson['items'][number];

function mark(fields: Record<Field, Tally>, misses: string[], field: Field, ok: boolean, miss: string): void {
  fields[field].total++;
  if (ok) fields[field].points++;
  else misses.push(`${field}: ${miss}`);
}

function titleMatches(expected: string, got: Item): boolean {
  const want = normTitle(expected);
  return normTitle(got.title) === want || (got.prefix !== null && normTitle(`${got.prefix} - ${got.title}`) === want);
}

function decisionMatches(expected: string | null, got: string | null): boolean {
  const out = norm(got);
  // A decision field holding only "-" records nothing.
  if (expected === null) return /^[-–.\s]*$/.test(out);
  const at = out.indexOf(norm(expected));
  return at >= 0 && at <= 80 && !/^beslutning\b/.test(out);
}

function scoreProposals(fields: Record<Field, Tally>, misses: string[], want: ExpectedItem, got: Item): void {
  const out = got.proposals.map(normProposal);
  const n = want.number;
  mark(fields, misses, 'proposals', out.length === want.proposals.length, `item ${n}: ${out.length} proposals, expected ${want.proposals.length}`);
  want.proposals.forEach((p, i) => {
    const exp = normProposal(p).slice(0, 40);
    mark(fields, misses, 'proposals', (out[i] ?? '').startsWith(exp), `item ${n}: proposal ${i + 1} "${out[i] ?? ''}", expected "${exp}…"`);
  });
}

/** A missing item scores zero on every field it would have had. */
function missingItem(fields: Record<Field, Tally>, misses: string[], want: ExpectedItem): void {
  misses.push(`items: item ${want.number} not found`);
  const counted: Field[] = want.closed ? ['items', 'titles', 'caseNumbers', 'closed'] : ['items', 'titles', 'caseNumbers', 'closed', 'decisions'];
  for (const f of counted) fields[f].total++;
  if (!want.closed) fields.proposals.total += 1 + want.proposals.length;
}

function scoreItem(fields: Record<Field, Tally>, misses: string[], want: ExpectedItem, got: Item | undefined): void {
  if (got === undefined) {
    missingItem(fields, misses, want);
    return;
  }
  const n = want.number;
  mark(fields, misses, 'items', true, '');
  mark(fields, misses, 'titles', titleMatches(want.title, got), `item ${n}: title "${got.title}", expected "${want.title}"`);
  mark(
    fields,
    misses,
    'caseNumbers',
    normCase(got.caseNumber) === normCase(want.caseNumber),
    `item ${n}: case "${got.caseNumber}", expected "${want.caseNumber}"`,
  );
  mark(fields, misses, 'closed', got.closed === want.closed, `item ${n}: closed ${got.closed}, expected ${want.closed}`);
  if (want.closed) return;
  scoreProposals(fields, misses, want, got);
  mark(
    fields,
    misses,
    'decisions',
    decisionMatches(want.decision, got.decision),
    `item ${n}: decision "${norm(got.decision).slice(0, 60)}", expected "${want.decision}"`,
  );
}

function scoreDueDates(fields: Record<Field, Tally>, misses: string[], want: ExpectedDocument, got: ImportJson | null): string[] {
  const dated = (got?.followUps ?? []).filter((f) => f.due !== null).map((f) => `item ${f.item}: ${f.due}`);
  const expected = want.followUps.map((f) => `item ${f.item}: ${f.due}`);
  for (const e of expected) mark(fields, misses, 'dueDates', dated.includes(e), `${e} not found`);
  const invented = dated.filter((d) => !expected.includes(d));
  for (const d of invented) mark(fields, misses, 'dueDates', false, `invented ${d}`);
  return invented;
}

/** What turns a file into the import contract; the CLI's `importFile` unless told otherwise. */
export type Importer = (file: string) => Promise<ImportJson>;

/** A document outside the fixture folder (the generated ones), with its expected result. */
export interface CorpusDocument {
  name: string;
  file: string;
  expected: ExpectedDocument;
}

/** Scores one document; a refused document scores zero on every expected field. */
export async function scoreFile(doc: CorpusDocument, importer: Importer = importFile): Promise<DocumentScore> {
  const { name, file, expected: want } = doc;
  const fields = emptyFields();
  const misses: string[] = [];
  let got: ImportJson | null = null;
  let rejected: string | null = null;
  try {
    got = await importer(file);
  } catch (e) {
    rejected = e instanceof Error ? e.message : String(e);
    misses.push(`rejected: ${rejected}`);
  }
  const pool = [...(got?.items ?? [])];
  for (const item of want.items) {
    const at = pool.findIndex((i) => i.number === item.number);
    scoreItem(fields, misses, item, at >= 0 ? pool.splice(at, 1)[0] : undefined);
  }
  for (const extra of pool) mark(fields, misses, 'items', false, `extra item ${extra.number} "${extra.title}"`);
  const invented = scoreDueDates(fields, misses, want, got);
  const header = { kind: got !== null && got.kind === want.kind, date: got !== null && (got.date || null) === want.date };
  return { name, family: want.family, rejected, fields, invented, misses, header };
}

export function scoreDocument(name: string, importer: Importer = importFile): Promise<DocumentScore> {
  return scoreFile({ name, file: documentFile(name), expected: loadExpected(name) }, importer);
}

/** Every fixture document, then the `extra` ones (the generated .docx and .pdf files). */
export async function scoreCorpus(importer: Importer = importFile, extra: CorpusDocument[] = []): Promise<DocumentScore[]> {
  const scores: DocumentScore[] = [];
  for (const name of corpusNames()) scores.push(await scoreDocument(name, importer));
  for (const doc of extra) scores.push(await scoreFile(doc, importer));
  return scores;
}

function add(into: Record<Field, Tally>, from: Record<Field, Tally>): void {
  for (const f of FIELDS) {
    into[f].points += from[f].points;
    into[f].total += from[f].total;
  }
}

function sum(fields: Record<Field, Tally>): Tally {
  return FIELDS.reduce((t, f) => ({ points: t.points + fields[f].points, total: t.total + fields[f].total }), { points: 0, total: 0 });
}

export function ratio(t: Tally): number {
  return t.total === 0 ? 1 : t.points / t.total;
}

function pct(t: Tally): string {
  return t.total === 0 ? '–' : `${(100 * ratio(t)).toFixed(1)}%`;
}

export interface CorpusSummary {
  documents: number;
  rejected: number;
  invented: number;
  score: Tally;
}

export function summarize(scores: DocumentScore[]): CorpusSummary {
  const fields = emptyFields();
  for (const s of scores) add(fields, s.fields);
  return {
    documents: scores.length,
    rejected: scores.filter((s) => s.rejected !== null).length,
    invented: scores.reduce((n, s) => n + s.invented.length, 0),
    score: sum(fields),
  };
}

function row(label: string, group: DocumentScore[]): string {
  const fields = emptyFields();
  for (const s of group) add(fields, s.fields);
  const rejected = group.filter((s) => s.rejected !== null).length;
  const invented = group.reduce((n, s) => n + s.invented.length, 0);
  const dates = { points: group.filter((s) => s.header.date).length, total: group.length };
  const cells = [label, String(group.length), String(rejected), ...FIELDS.map((f) => pct(fields[f])), String(invented), pct(sum(fields)), pct(dates)];
  return `| ${cells.join(' | ')} |`;
}

/** The score per layout family as a Markdown table (the one in docs/import.md). */
export function scoreTable(scores: DocumentScore[]): string {
  const families = [...new Set(scores.map((s) => s.family))].sort();
  const head = ['Layout family', 'Docs', 'Rejected', ...FIELDS, 'Invented due dates', 'Score', 'Meeting date (not scored)'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const family of families)
    lines.push(
      row(
        family,
        scores.filter((s) => s.family === family),
      ),
    );
  lines.push(row('**All**', scores));
  return lines.join('\n');
}

/** The table, the totals, and with `verbose` every miss per document. */
export function report(scores: DocumentScore[], verbose = false): string {
  const s = summarize(scores);
  const out = [
    scoreTable(scores),
    '',
    `Documents: ${s.documents}, rejected: ${s.rejected}, invented due dates: ${s.invented}, field score: ${pct(s.score)} (${s.score.points}/${s.score.total}).`,
  ];
  if (verbose) {
    for (const d of scores) {
      if (d.misses.length === 0) continue;
      out.push('', `${d.name} (${d.family})${d.header.date ? '' : ' [date differs]'}:`, ...d.misses.map((m) => `  ${m}`));
    }
  }
  return out.join('\n');
}
