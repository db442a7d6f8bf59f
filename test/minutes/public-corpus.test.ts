/**
 * The public corpus as the proof (issue 12): real agendas and minutes of Danish municipalities and
 * regions (test/fixtures/public, sources in SOURCES.md) imported through `importFile`, the entry point of
 * `followup import <file> --json`, and scored field by field against results written by reading them.
 * Generated .docx files (Word's automatic numbering, heading styles, a header table) and PDFs (running
 * headers and footers, hyphenation, page breaks) carrying corpus content are scored with them.
 * The score table per layout family is printed on every run (`npm run -s corpus:score` prints it too).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedCorpus } from './support/generated-corpus';
import { CORPUS_DIR, corpusNames, type DocumentScore, loadExpected, ratio, report, scoreCorpus, summarize } from './support/public-corpus';

const THRESHOLD = 0.97;

let scores: DocumentScore[];
let table: string;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'followup-corpus-'));
  scores = await scoreCorpus(undefined, await writeGeneratedCorpus(dir));
  table = report(scores);
  process.stdout.write(`\nPublic corpus score (${path.relative(process.cwd(), CORPUS_DIR)}):\n${table}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the public corpus', () => {
  it('holds at least 30 public documents from at least 8 authorities, each with its expected result and named source', () => {
    const names = corpusNames();
    const authorities = new Set(names.map((n) => n.replace(/-\d+$/, '')));
    const sources = readFileSync(path.join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(authorities.size).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      expect(() => loadExpected(name)).not.toThrow();
      expect(sources).toContain(`| ${name} |`);
    }
  });

  it('imports every document (none rejected)', () => {
    const rejected = scores.filter((s) => s.rejected !== null).map((s) => `${s.name}: ${s.rejected}`);
    if (rejected.length > 0) throw new Error(`${rejected.length} of ${scores.length} documents rejected:\n${rejected.join('\n')}\n\n${table}`);
  });

  it(`scores at least ${THRESHOLD * 100}% field by field (items, titles, case numbers, closed flags, proposals, decisions, due dates)`, () => {
    const { score } = summarize(scores);
    if (ratio(score) < THRESHOLD) {
      throw new Error(
        `field score ${(100 * ratio(score)).toFixed(1)}% (${score.points}/${score.total}) is below ${THRESHOLD * 100}%\n\n${report(scores, true)}`,
      );
    }
  });

  it('invents no due dates', () => {
    const invented = scores.flatMap((s) => s.invented.map((d) => `${s.name} ${d}`));
    if (invented.length > 0) throw new Error(`${invented.length} invented due dates:\n${invented.join('\n')}`);
  });
});
