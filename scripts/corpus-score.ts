/**
 * `npm run -s corpus:score [-- --verbose]`: imports every document of the public corpus
 * (test/fixtures/public) and prints the field score per layout family as the Markdown table of
 * docs/import.md; `--verbose` lists every miss per document.
 */
import { report, scoreCorpus } from '../test/minutes/support/public-corpus';

async function main(): Promise<void> {
  const scores = await scoreCorpus();
  process.stdout.write(`${report(scores, process.argv.includes('--verbose'))}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
