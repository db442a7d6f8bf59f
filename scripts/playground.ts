/**
 * `npm run playground`: the service in local mode plus Microsoft 365 Agents Playground pointed at it,
 * so you can chat with the bot in a browser without a Teams tenant. Prints the address to open;
 * Ctrl-C stops both.
 *
 *   npm run playground                      # service on 3978, playground on 56150
 *   PORT=3990 PLAYGROUND_PORT=56200 npm run playground
 *
 * The playground's CLI runs `xdg-open` to open a browser and exits where there is none (servers, CI,
 * containers), so a no-op `xdg-open` goes first on its PATH. Mock users and chats come from
 * .m365agentsplayground.yml. This file is an entry point: it reads the environment at the bottom.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

type Env = Record<string, string | undefined>;

/** Settings that would take the service out of local mode (the playground sends no Bot Framework token). */
const CLOUD_SETTINGS = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'];

/** A temporary folder holding an `xdg-open` that does nothing; remove it with `rmSync` when done. */
export function createNoBrowserDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'no-browser-'));
  const file = path.join(dir, 'xdg-open');
  writeFileSync(file, '#!/bin/sh\n# Stands in for a browser launcher where there is none.\nexit 0\n');
  chmodSync(file, 0o755);
  return dir;
}

export function withPathFirst(env: Env, dir: string): Env {
  return { ...env, PATH: [dir, env.PATH].filter(Boolean).join(path.delimiter) };
}

/** The service's environment: local mode on loopback, its own data folder unless one is set. */
export function serviceEnv(env: Env, port: number): Env {
  const out: Env = { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: env.DATA_DIR ?? '.data/playground' };
  for (const k of CLOUD_SETTINGS) delete out[k];
  return out;
}

export function playgroundArgs(servicePort: number, playgroundPort: number): string[] {
  return ['start', '-e', `http://127.0.0.1:${servicePort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'];
}

/** Starts the playground CLI from node_modules/.bin; `env` must already carry the no-op xdg-open. */
export function startPlaygroundCli(opts: { root: string; cwd: string; servicePort: number; playgroundPort: number; env: Env }): ChildProcess {
  const bin = path.join(opts.root, 'node_modules', '.bin', 'agentsplayground');
  return spawn(bin, playgroundArgs(opts.servicePort, opts.playgroundPort), {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the port from the CLI's "Listening on N" (it picks another port when N is taken). */
export function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`playground did not start within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = /Listening on (\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`playground exited with code ${code} before listening`));
    });
  });
}

/** Waits until something accepts TCP connections on 127.0.0.1:port, or fails after timeoutMs. */
export async function waitForPort(port: number, timeoutMs: number, stillRunning: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!stillRunning()) throw new Error('the process stopped before it listened');
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

/**
 * Stops a child started with `detached: true` and everything it started (its process group). Waits
 * until the whole group is gone, not just the child: `npm start` exits before the service it runs has
 * finished stopping. SIGKILL to the group after 5 s; gives up waiting after 6 s.
 */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  const deadline = Date.now() + 6_000;
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      void groupGone(pid, deadline).then(() => {
        clearTimeout(force);
        resolve();
      });
    });
    signalGroup(pid, 'SIGTERM');
  });
}

async function groupGone(pgid: number, deadline: number): Promise<void> {
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

async function main(env: Env): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const servicePort = Number(env.PORT ?? 3978);
  const requestedPort = Number(env.PLAYGROUND_PORT ?? 56150);
  if (CLOUD_SETTINGS.some((k) => env[k])) process.stdout.write('Ignoring MicrosoftApp* settings: the playground needs local mode.\n');
  const shim = createNoBrowserDir();
  const service = spawn('npm', ['start'], { cwd: root, env: serviceEnv(env, servicePort), detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  let playground: ChildProcess | null = null;
  // One stop for everyone: a second signal or a child's exit waits for the same clean-up.
  let stopping: Promise<void> | null = null;
  const stopAll = (): Promise<void> =>
    (stopping ??= Promise.all([stopChild(service), playground ? stopChild(playground) : Promise.resolve()]).then(() =>
      rmSync(shim, { recursive: true, force: true }),
    ));
  const finished = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll().then(() => resolve(0)));
    service.once('exit', (code) => {
      if (!stopping) process.stderr.write(`The service stopped (exit code ${code}); stopping the playground.\n`);
      void stopAll().then(() => resolve(1));
    });
  });
  try {
    await waitForPort(servicePort, 90_000, () => service.exitCode === null);
    playground = startPlaygroundCli({ root, cwd: root, servicePort, playgroundPort: requestedPort, env: withPathFirst(env, shim) });
    playground.stderr?.pipe(process.stderr);
    playground.once('exit', (code) => {
      if (!stopping) process.stderr.write(`The playground stopped (exit code ${code}); stopping the service.\n`);
      void stopAll();
    });
    const port = await listeningPort(playground, 60_000);
    process.stdout.write(
      `\nOpen http://localhost:${port} in a browser: personal chat, the group chat and the team "Ledelsesforum".\n` +
        `You are the forum's secretary (mock users: .m365agentsplayground.yml). Ctrl-C stops both.\n\n`,
    );
  } catch (e) {
    if (stopping) return finished;
    process.stderr.write(`npm run playground: ${(e as Error).message}\n`);
    await stopAll();
    return 1;
  }
  return finished;
}

if (require.main === module) {
  void main(process.env).then((code) => {
    process.exit(code);
  });
}
