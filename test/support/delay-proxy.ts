/**
 * A storage round trip as in Azure: an HTTP proxy between the service and Azurite that holds every
 * request for a fixed time (default 10 ms, a same-region Azure Table call) before passing it on, and
 * records when each call started and ended. With the delay, the storage calls a request makes one
 * after another show in its latency; `depth()` counts them: the longest chain of calls in which each
 * started only after the one before had answered (calls that overlap count once).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ProxiedCall {
  method: string;
  /** The table (or `$batch`) the call went to. */
  table: string;
  start: number;
  end: number;
}

export interface DelayProxy {
  /** A connection string for the service: every storage call goes through the proxy. */
  readonly connectionString: string;
  readonly delayMs: number;
  /** Calls answered since the last `reset()`. */
  calls(): ProxiedCall[];
  /** Sequential round trips among the calls since the last `reset()`. */
  depth(): number;
  reset(): void;
  close(): Promise<void>;
}

/** The longest chain of calls each of which started after the previous one had ended. */
export function sequentialDepth(calls: readonly { start: number; end: number }[]): number {
  const byEnd = [...calls].sort((a, b) => a.end - b.end);
  const chain: number[] = [];
  let best = 0;
  for (let i = 0; i < byEnd.length; i++) {
    let longest = 0;
    for (let j = 0; j < i; j++) if (byEnd[j].end <= byEnd[i].start) longest = Math.max(longest, chain[j]);
    chain[i] = longest + 1;
    best = Math.max(best, chain[i]);
  }
  return best;
}

/** `connectionString` is Azurite's own (with a TableEndpoint). */
export async function startDelayProxy(connectionString: string, delayMs = 10): Promise<DelayProxy> {
  const endpoint = /TableEndpoint=([^;]+)/.exec(connectionString)?.[1];
  if (!endpoint) throw new Error('connection string without a TableEndpoint');
  const target = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let calls: ProxiedCall[] = [];

  const server = http.createServer((req, res) => {
    const start = performance.now();
    const table = /^\/[^/]+\/([A-Za-z0-9$]+)/.exec(req.url ?? '')?.[1] ?? '';
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.on('end', () => {
              calls.push({ method: req.method ?? '', table, start, end: performance.now() });
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(chunks));
            });
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(Buffer.concat(body));
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxied = connectionString.replace(/TableEndpoint=[^;]+/, `TableEndpoint=http://127.0.0.1:${port}${target.pathname}`);

  return {
    connectionString: proxied,
    delayMs,
    calls: () => [...calls],
    depth: () => sequentialDepth(calls),
    reset: () => {
      calls = [];
    },
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
