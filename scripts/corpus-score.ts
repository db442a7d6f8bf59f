/**
 * `npm run -s corpus:score [-- --verbose]`: imports every document of the public corpus
 * (test/fixtures/public) and prints the field score per layout family as the Markdown table of
 * docs/import.md, with the generated .docx and .pdf members; `--verbose` lists every miss per document,
 * `--keep` keeps the generated files and says where.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedCorpus } from '../test/minutes/support/generated-corpus';
import { report, scoreCorpus } from '../test/minutes/support/public-corpus';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'followup-corpus-'));
  try {
    const scores = await scoreCorpus(undefined, await writeGeneratedCorpus(dir));
    process.stdout.write(`${report(scores, process.argv.includes('--verbose'))}\n`);
  } finally {
    if (process.argv.includes('--keep')) process.stdout.write(`Generated documents kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
