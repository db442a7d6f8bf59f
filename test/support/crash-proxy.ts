/**
 * Deterministic crash points for storage writes: an HTTP proxy between the service and Azurite that
 * counts storage calls and, once armed, lets exactly k more calls through and then "crashes": the
 * process it serves can no longer reach storage (the listener closes and every open socket is
 * destroyed), as if that process had died right after its k-th call.
 *
 * `mode` says what the k-th call looked like to the dying process:
 * - 'after-answer': storage applied it and the answer arrived;
 * - 'lost-answer': storage applied it but the answer never arrived (a crash while waiting).
 *
 * A test counts an operation's calls (`calls()`), then, for every k, arms the proxy, runs the
 * operation, restarts the service directly on the same tables (`test/support/harness.ts`'s
 * `tablePrefix` option) and checks the invariants after a retry or a sweep.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type CrashMode = 'after-answer' | 'lost-answer';

export interface CrashProxy {
  /** A connection string for the service under test: every call goes through the proxy. */
  readonly connectionString: string;
  /** Storage calls answered since the last `resetCount()`. */
  calls(): number;
  /** Their HTTP methods, in order (GET reads; POST, PUT, MERGE, PATCH, DELETE write). */
  methods(): string[];
  resetCount(): void;
  /** Lets `k` more calls through (k ≥ 1), then crashes. */
  arm(k: number, mode?: CrashMode): void;
  /** True once the crash has happened. */
  crashed(): boolean;
  close(): Promise<void>;
}

/** `connectionString` is Azurite's own (with a TableEndpoint). */
export async function startCrashProxy(connectionString: string): Promise<CrashProxy> {
  const endpoint = /TableEndpoint=([^;]+)/.exec(connectionString)?.[1];
  if (!endpoint) throw new Error('connection string without a TableEndpoint');
  const target = new URL(endpoint);
  const sockets = new Set<Socket>();
  let count = 0;
  let methods: string[] = [];
  let armedAt: number | null = null;
  let mode: CrashMode = 'after-answer';
  let dead = false;

  const server = http.createServer((req, res) => {
    if (dead) {
      req.socket.destroy();
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        if (dead) return void req.socket.destroy();
        count += 1;
        methods.push(req.method ?? '');
        const last = armedAt !== null && count >= armedAt;
        if (last && mode === 'lost-answer') return crash();
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks), () => {
          if (last) crash();
        });
      });
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    if (dead) return void s.destroy();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function crash(): void {
    if (dead) return;
    dead = true;
    server.close();
    for (const s of sockets) s.destroy();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxied = connectionString.replace(/TableEndpoint=[^;]+/, `TableEndpoint=http://127.0.0.1:${port}${target.pathname}`);

  return {
    connectionString: proxied,
    calls: () => count,
    methods: () => [...methods],
    resetCount: () => {
      count = 0;
      methods = [];
    },
    arm: (k, m = 'after-answer') => {
      if (k < 1) throw new Error('arm(k) needs k >= 1');
      armedAt = count + k;
      mode = m;
    },
    crashed: () => dead,
    close: async () => {
      crash();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
