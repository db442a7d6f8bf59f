/**
 * `npm start` as an operator meets it: with no configuration it starts on the embedded Azurite,
 * prints where it listens, answers /healthz, prints no deprecation noise, and stops on SIGINT.
 * Runs src/main.ts in a child process (ts-node, as `npm start` does) with an empty environment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function waitForOutput(child: ChildProcess, read: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${read()}`)), timeoutMs);
    const check = () => {
      const m = read().match(pattern);
      if (m) done(null, m);
    };
    const early = () => done(new Error(`exited early; output: ${read()}`));
    function done(e: Error | null, m?: RegExpMatchArray) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', early);
      if (e) reject(e);
      else resolve(m!);
    }
    child.stdout?.on('data', check);
    child.once('exit', early);
    check();
  });
}

describe('npm start', () => {
  test('with no configuration prints the endpoint and health URLs, answers /healthz with 200 and stops cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'followup-start-'));
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString('utf8');
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString('utf8');
    });
    try {
      const [, health] = await waitForOutput(child, () => stdout + stderr, /Health:\s+(http:\/\/127\.0\.0\.1:\d+\/healthz)/, 60_000);
      expect(stdout).toMatch(/Bot endpoint: http:\/\/127\.0\.0\.1:\d+\/api\/messages \(local mode/);
      const res = await fetch(health);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', storage: 'ok' });

      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
      expect(stderr).not.toMatch(/DEP0111|DeprecationWarning/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  describe('local mode (no app id) on a non-loopback HOST', () => {
    const run = (env: Record<string, string>) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'followup-start-'));
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (b: Buffer) => {
        output += b.toString('utf8');
      });
      child.stderr.on('data', (b: Buffer) => {
        output += b.toString('utf8');
      });
      return { child, output: () => output, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
    };

    test('refuses to start, naming HOST and ALLOW_UNAUTHENTICATED', async () => {
      const { child, output, cleanup } = run({ HOST: '0.0.0.0' });
      try {
        expect(await exited(child)).toBe(1);
        expect(output()).toMatch(/HOST=0\.0\.0\.0 is not a loopback address.*MicrosoftAppId.*ALLOW_UNAUTHENTICATED=true/);
        expect(output()).not.toMatch(/Bot endpoint/);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        cleanup();
      }
    }, 60_000);

    test('with ALLOW_UNAUTHENTICATED=true starts and the banner says it is unauthenticated, not loopback only', async () => {
      const { child, output, cleanup } = run({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' });
      try {
        await waitForOutput(child, output, /Health:/, 60_000);
        expect(output()).toMatch(/Bot endpoint: http:\/\/\S+\/api\/messages \(local mode: UNAUTHENTICATED on 0\.0\.0\.0/);
        expect(output()).not.toMatch(/loopback only/);
        child.kill('SIGINT');
        expect(await exited(child)).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        cleanup();
      }
    }, 90_000);
  });
});
