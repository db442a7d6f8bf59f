/**
 * Runs the real `npm run playground` as a child process group, the way a newcomer does, and stops it
 * the way they do (Ctrl-C: SIGINT to the whole foreground group). Every process the script started is
 * remembered while it runs, so a failed clean-up is both reported and finished off (by pid).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface PlaygroundRun {
  /** The playground's page, as the script prints it. */
  url: string;
  servicePort: number;
  playgroundPort: number;
  /** Everything the script and its children printed so far (for failure messages). */
  output(): string;
  /**
   * Ctrl-C, then waits for the script to exit. Resolves with the pids that were still alive
   * afterwards (then killed); empty when the script cleaned up after itself.
   */
  stop(): Promise<number[]>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPlaygroundScript(opts: { root: string; dataDir: string; timeoutMs: number; env?: Record<string, string> }): Promise<PlaygroundRun> {
  const servicePort = await freePort();
  const requested = await freePort();
  const env = { ...process.env, ...opts.env, PORT: String(servicePort), PLAYGROUND_PORT: String(requested), DATA_DIR: opts.dataDir, LOG_LEVEL: 'error' };
  const child = spawn('npm', ['run', 'playground'], { cwd: opts.root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  child.stdout?.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  // pid → its start time, so a pid the system reuses later is never mistaken for ours.
  const known = new Map<number, string>();
  const remember = () => {
    for (const p of descendants(child.pid ?? -1)) known.set(p.pid, p.started);
  };
  const watch = setInterval(remember, 500);
  const stop = async (): Promise<number[]> => {
    remember();
    clearInterval(watch);
    await interruptAndWait(child, 20_000);
    const left = [...known].filter(([pid, started]) => startTimeOf(pid) === started).map(([pid]) => pid);
    for (const pid of left) signal(pid, 'SIGKILL');
    return left;
  };
  try {
    const url = await waitForOutput(child, () => seen, /Open (http:\/\/localhost:(\d+))/, opts.timeoutMs);
    return { url: url[1], servicePort, playgroundPort: Number(url[2]), output: () => seen, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- npm run playground printed:\n${seen}`);
  }
}

function waitForOutput(child: ChildProcess, seen: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(seen());
      if (!m) return;
      done();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`npm run playground exited (code ${code}) before it was ready`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`npm run playground was not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** SIGINT to the child's process group (what Ctrl-C in a terminal does); SIGKILL if it hangs. */
function interruptAndWait(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => signal(-pid, 'SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signal(-pid, 'SIGINT');
  });
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/** Fields 3.. of /proc/PID/stat (after the command name, which may hold spaces), or null when gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Field 22 (start time in clock ticks since boot), or null when the process is gone. */
function startTimeOf(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

/** All processes below `root` (Linux /proc), found by following parent pids (field 4). */
export function descendants(root: number): { pid: number; started: string }[] {
  const procs: { pid: number; ppid: number; started: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f) procs.push({ pid: Number(entry), ppid: Number(f[1]), started: f[19] });
  }
  const found: { pid: number; started: string }[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const p of procs) {
      if (p.ppid === parent) {
        found.push({ pid: p.pid, started: p.started });
        queue.push(p.pid);
      }
    }
  }
  return found;
}
