/**
 * Counts this process's HTTP requests to one Azurite (by its table endpoint), by method and table:
 * what "asks storage once" means in a test.
 */
import diagnostics from 'node:diagnostics_channel';

export interface StorageCalls {
  /** Requests since the last reset; with `table`, only those to tables whose name ends with it. */
  count(filter?: { method?: string; table?: string }): number;
  reset(): void;
  stop(): void;
}

export function countStorageCalls(connectionString: string): StorageCalls {
  const endpoint = /TableEndpoint=([^;]+)/.exec(connectionString)?.[1];
  if (!endpoint) throw new Error('connection string without a TableEndpoint');
  const host = new URL(endpoint).host;
  let calls: { method: string; table: string }[] = [];
  const onRequest = (message: unknown) => {
    const req = (message as { request?: { getHeader(name: string): unknown; method?: string; path?: string } }).request;
    if (String(req?.getHeader('host') ?? '') !== host) return;
    const table = /^\/devstoreaccount1\/([A-Za-z0-9$]+)/.exec(req?.path ?? '')?.[1] ?? '';
    calls.push({ method: req?.method ?? '', table });
  };
  diagnostics.subscribe('http.client.request.start', onRequest);
  return {
    count: (filter = {}) =>
      calls.filter((c) => (!filter.method || c.method === filter.method) && (!filter.table || c.table.toLowerCase().endsWith(filter.table.toLowerCase())))
        .length,
    reset: () => {
      calls = [];
    },
    stop: () => diagnostics.unsubscribe('http.client.request.start', onRequest),
  };
}
