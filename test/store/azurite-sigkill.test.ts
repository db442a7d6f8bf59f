/**
 * The embedded Azurite keeps what it acknowledged: a process running it over a data folder is
 * killed with SIGKILL while writes are in flight; a new process on the same folder has every row
 * whose write had been answered with success (issue 16, point 4). Azurite itself saves its
 * database only every 5 s, so without src/store/azurite.ts's save-before-answer they are lost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');

interface Running {
  child: ChildProcess;
  connectionString: string;
}

function startAzurite(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'azurite-process.ts'), dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, connectionString: (JSON.parse(line) as { connectionString: string }).connectionString });
    });
    child.on('exit', (code) => reject(new Error(`Azurite process exited (${code}) before listening: ${err}`)));
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('embedded Azurite killed with SIGKILL', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-kill-'));
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map(kill9));
    rmSync(dir, { recursive: true, force: true });
  });

  // A plain client without retries or a request timeout: the SDK leaves a request's timeout timer
  // running when its connection dies, which would hold the test process open after the kill.
  async function start(): Promise<TableClient> {
    const running = await startAzurite(dir);
    children.push(running.child);
    const client = TableClient.fromConnectionString(running.connectionString, 'killed', { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
    await client.createTable();
    return client;
  }

  it('keeps every row whose write was acknowledged (single writes and batches), also when killed with writes in flight', async () => {
    const first = await start();
    const acknowledged: string[] = [];
    let next = 0;
    // Even slots write one row, odd slots a batch of three (a $batch request).
    const write = async (slot: number): Promise<string[]> => {
      const keys = slot % 2 === 0 ? [`r${slot}`] : [0, 1, 2].map((k) => `r${slot}-${k}`);
      if (keys.length === 1) await first.createEntity({ partitionKey: 'p', rowKey: keys[0], slot });
      else await first.submitTransaction(keys.map((rowKey) => ['create', { partitionKey: 'p', rowKey, slot }]));
      return keys;
    };
    const writer = async () => {
      while (next < 400) acknowledged.push(...(await write(next++)));
    };
    const writers = Array.from({ length: 8 }, writer).map((w) => w.catch(() => {}));
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 2));
    await kill9(children[0]);
    await Promise.all(writers);
    expect(next).toBeLessThan(400); // killed mid-run

    const second = await start();
    const stored = new Set<string>();
    for await (const e of second.listEntities()) stored.add(e.rowKey ?? '');
    expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
  });
});
