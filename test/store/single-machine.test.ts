/**
 * A deployment on the embedded storage is told at start-up that it is a single-machine setup and
 * how to back it up (issue 16, point 4): `npm start` with an app id and no storage configured.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { warnIfSingleMachine } from '../../src/store/single-machine';

const ROOT = path.resolve(__dirname, '..', '..');
const APP = { MicrosoftAppId: '00000000-0000-0000-0000-00000000a11d', MicrosoftAppPassword: 'not-a-real-secret', ALLOWED_TENANTS: 'tenant-1' };

jest.setTimeout(90_000);

/** The warnings `warnIfSingleMachine` logs for `env`. */
function warningsFor(env: Record<string, string>): string[] {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  warnIfSingleMachine(loadConfig(env, { instanceId: 'test' }), createLogger('info', sink));
  return lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
}

describe('the single-machine warning', () => {
  test('npm start with an app id and the embedded storage logs it, naming the data folder and the backup command', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'followup-single-'));
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...APP },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not started within 60 s: ${output}`)), 60_000);
        child.stdout.on('data', () => {
          if (/Health:/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', () => reject(new Error(`exited: ${output}`)));
      });
      const warning = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .find((l) => /single-machine/.test(l.msg));
      expect(warning?.level).toBe(40);
      expect(warning?.msg).toContain(dataDir);
      expect(warning?.msg).toContain('npm run -s followup -- backup --out <dir>');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('is not logged in local mode (no app id) nor with Azure Table Storage', () => {
    expect(warningsFor({ DATA_DIR: '/tmp/x' })).toEqual([]);
    expect(warningsFor({ ...APP, AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toEqual([]);
    expect(warningsFor({ ...APP, DATA_DIR: '/tmp/x' })).toEqual([expect.stringContaining('single-machine setup')]);
  });
});
