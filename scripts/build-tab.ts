/**
 * Builds the meeting side panel page (src/tab/page → build/tab) with esbuild: `npm run build:tab`.
 * The server also builds it on the first request for /tab/ when it is missing or stale.
 */
import { buildTabBundle, defaultBundlePaths } from '../src/tab/bundle';

async function main(): Promise<void> {
  const paths = defaultBundlePaths();
  const started = process.hrtime.bigint();
  const sizes = await buildTabBundle(paths);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  for (const [file, bytes] of Object.entries(sizes)) process.stdout.write(`${file.padEnd(18)} ${(bytes / 1024).toFixed(1)} KB\n`);
  process.stdout.write(`built ${paths.outDir} in ${ms} ms\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`build:tab failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
