import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * An xdg-open that runs the no-op one (`shimDir`) and then leaves a mark: the moment the playground has
 * opened "the browser", which is when it crashes without a launcher. Shell built-ins only (no PATH).
 */
function recordingOpener(shimDir: string): { dir: string; opened: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'xdg-open-record-'));
  const opened = path.join(dir, 'opened');
  const script = `#!/bin/sh\n"${path.join(shimDir, 'xdg-open')}" "$@"\nstatus=$?\n: > "${opened}"\nexit $status\n`;
  writeFileSync(path.join(dir, 'xdg-open'), script);
  chmodSync(path.join(dir, 'xdg-open'), 0o755);
  return { dir, opened };
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; !done(); ) {
    if (Date.now() > end) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
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
    const recorder = recordingOpener(shim);
    const child = start([recorder.dir, shim, nodeOnly]);
    const port = await listeningPort(child, 20_000);
    // Past the moment of the crash above: the playground has run "the browser" and handled its exit.
    await until(() => existsSync(recorder.opened) || child.exitCode !== null, 20_000);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(child.exitCode).toBeNull();
    rmSync(recorder.dir, { recursive: true, force: true });

    // The team holds the secretary (you) and the five users of .m365agentsplayground.yml.
    const res = await fetch(`http://127.0.0.1:${port}/_connector/v3/conversations/team-ledelsesforum/members`);
    const members = (await res.json()) as { id: string; name: string }[];
    expect(members.map((m) => m.id)).toEqual(['user-sekretaer', 'user-direktoer', 'user-chef-boern', 'user-chef-by', 'user-chef-social', 'user-chef-stab']);
    await stopChild(child);
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  });

  it('points the playground at the service on loopback, Teams channel, no telemetry', () => {
    expect(playgroundArgs(3990, 56150)).toEqual(['start', '-e', 'http://127.0.0.1:3990/api/messages', '-c', 'msteams', '-p', '56150', '--disable-telemetry']);
  });

  it('runs the service in local mode on loopback with its own data folder, even when cloud settings are present', () => {
    const env = serviceEnv({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y', MicrosoftAppType: 'MultiTenant', PATH: '/usr/bin' }, 3990);
    const config = loadConfig(env, { instanceId: 'test' });
    expect(config).toMatchObject({ port: 3990, host: '127.0.0.1', localMode: true, storage: { kind: 'embedded', dataDir: '.data/playground' } });
  });
});
