/**
 * `node -r ts-node/register/transpile-only test/store/azurite-process.ts <dataDir>`: the embedded
 * Azurite (src/store/azurite.ts) over `dataDir` in a process of its own, so that a test can kill it
 * with SIGKILL. Prints one JSON line with the connection string once it listens.
 */
import { startEmbeddedAzurite } from '../../src/store/azurite';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: azurite-process.ts <dataDir>');
  const azurite = await startEmbeddedAzurite({ dataDir });
  process.stdout.write(`${JSON.stringify({ connectionString: azurite.connectionString })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
