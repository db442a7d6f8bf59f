import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createNoBrowserDir, listeningPort, playgroundArgs, serviceEnv, startPlaygroundCli, stopChild } from '../../scripts/playground';
import { loadConfig } from '../../src/config';

const ROOT = path.resolve(__dirname, '..', '..');
const CONFIG = path.join(ROOT, '.m365agentsplayground.yml');

/** A PATH like a server's: node, but no xdg-open and no browser (optionally the no-op xdg-open first). */
function serverLikeEnv(dirs: string[], cwd: string): Record<string, string> {
  return { PATH: dirs.join(path.delimiter), HOME: cwd, M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG };
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm run playground', () => {
  let shim: string;
  let nodeOnly: string;
  let cwd: string;
  const started: ChildProcess[] = [];

  beforeAll(() => {
    shim = createNoBrowserDir();
    nodeOnly = mkdtempSync(path.join(tmpdir(), 'node-only-'));
    symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
    cwd = mkdtempSync(path.join(tmpdir(), 'playground-cwd-'));
  });

  afterAll(async () => {
    await Promise.all(started.map(stopChild));
    for (const dir of [shim, nodeOnly, cwd]) rmSync(dir, { recursive: true, force: true });
  });

  function start(dirs: string[]): ChildProcess {
    const child = startPlaygroundCli({ root: ROOT, cwd, servicePort: 3978, playgroundPort: 0, env: serverLikeEnv(dirs, cwd) });
    started.push(child);
    return child;
  }

  it('crashes without a browser launcher on PATH (the snag the script works around)', async () => {
    const child = start([nodeOnly]);
    await listeningPort(child, 20_000);
    expect(await exited(child)).toBe(1);
  });

  it('keeps running and serves its page with the no-op xdg-open first on PATH', async () => {
    const child = start([shim, nodeOnly]);
    const port = await listeningPort(child, 20_000);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    await new Promise((r) => setTimeout(r, 2_000)); // the crash above comes ~1 s after listening
    expect(child.exitCode).toBeNull();

    // The team holds the secretary (you) and the five users of .m365agentsplayground.yml.
    const res = await fetch(`http://127.0.0.1:${port}/_connector/v3/conversations/team-ledelsesforum/members`);
    const members = (await res.json()) as { id: string; name: string }[];
    expect(members.map((m) => m.id)).toEqual([
      'user-sekretaer',
      'user-direktoer',
      'user-chef-boern',
      'user-chef-by',
      'user-chef-social',
      'user-chef-stab',
    ]);
    await stopChild(child);
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  });

  it('points the playground at the service on loopback, Teams channel, no telemetry', () => {
    expect(playgroundArgs(3990, 56150)).toEqual([
      'start',
      '-e',
      'http://127.0.0.1:3990/api/messages',
      '-c',
      'msteams',
      '-p',
      '56150',
      '--disable-telemetry',
    ]);
  });

  it('runs the service in local mode on loopback with its own data folder, even when cloud settings are present', () => {
    const env = serviceEnv({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'MultiTenant', PATH: '/usr/bin' }, 3990);
    const config = loadConfig(env, { instanceId: 'test' });
    expect(config).toMatchObject({ port: 3990, host: '127.0.0.1', localMode: true, storage: { kind: 'embedded', dataDir: '.data/playground' } });
  });
});
