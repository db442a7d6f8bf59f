/**
 * Azurite's Table service started inside this process (no subprocess, no Docker).
 *
 * Uses azurite's internal modules (`dist/src/table/*`), because `require('azurite')` pulls in
 * `vscode`. These internals are not a public API: package.json pins the azurite version, and
 * `test/store/azurite.test.ts` fails loudly if an upgrade changes them.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The well-known development account every Azurite accepts. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const DB_FILE = '__azurite_db_table__.json';

interface TableServerInstance {
  start(): Promise<void>;
  close(): Promise<void>;
  httpServer: Server;
}
type TableServerCtor = new (config: unknown) => TableServerInstance;
type TableConfigurationCtor = new (
  host: string,
  port: number,
  keepAliveTimeout: number,
  metadataDBPath: string,
  enableDebugLog: boolean,
  enableAccessLog: boolean,
  accessLogWriteStream: undefined,
  debugLogFilePath: undefined,
  loose: boolean,
  skipApiVersionCheck: boolean,
  cert: string,
  key: string,
  pwd: string,
  oauth: undefined,
  disableProductStyleUrl: boolean,
  isMemoryPersistence: boolean,
) => unknown;

function loadInternals(): { TableServer: TableServerCtor; TableConfiguration: TableConfigurationCtor } {
  const server = require('azurite/dist/src/table/TableServer') as { default: TableServerCtor };
  const config = require('azurite/dist/src/table/TableConfiguration') as { default: TableConfigurationCtor };
  return { TableServer: server.default, TableConfiguration: config.default };
}

export interface EmbeddedAzurite {
  connectionString: string;
  /** Base URL of the table endpoint, e.g. http://127.0.0.1:10002/devstoreaccount1 */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Connection string for an Azurite table endpoint at `url` (…/devstoreaccount1). */
export function azuriteConnectionString(url: string): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=${url};`;
}

/**
 * Starts the Table service. `port` 0 (default) picks a free port; `dataDir` null (default) keeps
 * everything in memory and writes no file; with a folder, data persists there across restarts.
 */
export async function startEmbeddedAzurite(
  opts: { host?: string; port?: number; dataDir?: string | null } = {},
): Promise<EmbeddedAzurite> {
  const host = opts.host ?? '127.0.0.1';
  const dataDir = opts.dataDir ?? null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dbPath = dataDir ? path.resolve(dataDir, DB_FILE) : path.join(path.resolve('/'), 'azurite-in-memory', DB_FILE);
  const { TableServer, TableConfiguration } = loadInternals();
  // Arguments: host, port, keep-alive s, db path, debug log, access log, stream, debug file, loose,
  // skip API version check (the SDK may be newer than the emulator), cert, key, pwd, oauth,
  // product-style URLs off, in-memory.
  const config = new TableConfiguration(host, opts.port ?? 0, 5, dbPath, false, false, undefined, undefined, false, true, '', '', '', undefined, false, dataDir === null);
  const server = new TableServer(config);
  await server.start();
  const port = (server.httpServer.address() as AddressInfo).port;
  const url = `http://${host}:${port}/${AZURITE_ACCOUNT}`;
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= closeServer(server);
    return stopped;
  };
  return { connectionString: azuriteConnectionString(url), url, port, stop };
}

async function closeServer(server: TableServerInstance): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    if (!server.httpServer.listening) resolve();
    else server.httpServer.once('close', () => resolve());
  });
  await server.close();
  await closed;
}
