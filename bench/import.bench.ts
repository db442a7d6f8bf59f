/**
 * `npm run bench:import [-- --corpus <dir>]`: documents/s and MB/s of the minutes import (parse +
 * follow-up and communication suggestions) over the seed minutes repeated to 10 MB, on one core, and
 * over the public corpus of other municipalities' documents (test/fixtures/public, or --corpus); peak RSS.
 * Also the Word reader (OOXML blocks) over the seeds exported as .docx. Target: >= 5 MB/s.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractCommunications } from '../src/minutes/communications';
import { renderDocx } from '../src/minutes/export';
import { extractFollowUps } from '../src/minutes/followups';
import { parseDocument } from '../src/minutes/parse';
import { readDocument } from '../src/minutes/readers';
import { FIXTURE_MINUTES } from '../test/minutes/support/fixture-minutes';

const TARGET_BYTES = 10 * 1024 * 1024;
const TARGET_MB_PER_S = 5;
const SEEDS = path.resolve(__dirname, '..', '..', 'shared', 'seeds');

function documents(): { name: string; text: string }[] {
  if (!existsSync(SEEDS)) {
    console.log(`Seed minutes not found in ${SEEDS}; measuring the invented fixture minutes instead.`);
    return [{ name: 'fixture', text: FIXTURE_MINUTES }];
  }
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(SEEDS, f), 'utf8') }));
}

function corpusDocuments(): { name: string; text: string }[] {
  const at = process.argv.indexOf('--corpus');
  const dir = at >= 0 ? path.resolve(process.argv[at + 1] ?? '') : path.resolve(__dirname, '..', 'test', 'fixtures', 'public');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

function importText(text: string): number {
  const { meeting } = parseDocument(text);
  return extractFollowUps(meeting).length + extractCommunications(meeting).length;
}

function measure(docs: { text: string; bytes: number }[], work: (text: string) => number): { docs: number; bytes: number; ms: number } {
  let bytes = 0;
  let count = 0;
  let sink = 0;
  const start = performance.now();
  while (bytes < TARGET_BYTES) {
    const d = docs[count % docs.length];
    sink += work(d.text);
    bytes += d.bytes;
    count++;
  }
  const ms = performance.now() - start;
  if (sink < 0) console.log(sink);
  return { docs: count, bytes, ms };
}

function report(label: string, r: { docs: number; bytes: number; ms: number }): number {
  const mbs = r.bytes / 1_000_000 / (r.ms / 1000);
  console.log(
    `${label.padEnd(38)} ${r.docs} documents, ${(r.bytes / 1_000_000).toFixed(1)} MB in ${(r.ms / 1000).toFixed(2)} s: ${(r.docs / (r.ms / 1000)).toFixed(0)} documents/s, ${mbs.toFixed(1)} MB/s`,
  );
  return mbs;
}

async function main(): Promise<void> {
  const docs = documents().map((d) => ({ ...d, bytes: Buffer.byteLength(d.text, 'utf8') }));
  console.log(`Documents: ${docs.map((d) => `${d.name} (${(d.bytes / 1000).toFixed(1)} kB)`).join(', ')}`);
  for (const d of docs) importText(d.text); // warm-up: JIT and regex compilation

  const parseOnly = measure(docs, (t) => parseDocument(t).meeting.items.length);
  report('parse', parseOnly);
  const full = measure(docs, importText);
  let mbs = report('parse + follow-ups + communications', full);
  const corpus = corpusDocuments().map((d) => ({ ...d, bytes: Buffer.byteLength(d.text, 'utf8') }));
  if (corpus.length > 0) {
    for (const d of corpus) importText(d.text);
    const bytes = corpus.reduce((sum, d) => sum + d.bytes, 0);
    const corpusMbs = report(`public corpus (${corpus.length} documents, ${(bytes / 1000).toFixed(0)} kB)`, measure(corpus, importText));
    mbs = Math.min(mbs, corpusMbs);
  }

  const docx = await Promise.all(docs.map(async (d) => renderDocx(parseDocument(d.text).meeting)));
  const start = performance.now();
  let docxBytes = 0;
  let n = 0;
  while (docxBytes < 2 * 1024 * 1024) {
    const bytes = docx[n % docx.length];
    await readDocument({ name: 'referat.docx', bytes });
    docxBytes += bytes.length;
    n++;
  }
  report('read .docx [2 MB]', { docs: n, bytes: docxBytes, ms: performance.now() - start });

  console.log(`Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(
    mbs >= TARGET_MB_PER_S ? `OK: ${mbs.toFixed(1)} MB/s >= ${TARGET_MB_PER_S} MB/s` : `BELOW TARGET: ${mbs.toFixed(1)} MB/s < ${TARGET_MB_PER_S} MB/s`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
