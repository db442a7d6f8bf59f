/**
 * Azurite (in memory) in a process of its own, for benchmarks that measure our side only: in
 * production storage is a remote service, so it must not take CPU from the process being measured.
 */
import { forkTs, request, stopChild } from './turn-latency.bench';
import { startEmbeddedAzurite } from '../src/store/azurite';

export interface AzuriteProcess {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzuriteProcess(): Promise<AzuriteProcess> {
  const child = forkTs(__filename, ['--serve']);
  const ready = await request(child, { cmd: 'start' });
  return { connectionString: String(ready.connectionString), stop: () => stopChild(child) };
}

async function serve(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ dataDir: null });
  // The benchmark that started us died without saying stop: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: Record<string, unknown>) => {
    if (m.cmd === 'start') process.send?.({ re: 'start', connectionString: azurite.connectionString });
    if (m.cmd === 'stop') {
      void azurite.stop().then(() => {
        process.send?.({ re: 'stop' });
        process.exit(0);
      });
    }
  });
}

if (require.main === module && process.argv.includes('--serve')) {
  serve().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  });
}
