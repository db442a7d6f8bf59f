/**
 * Azurite's Table service started inside this process (no subprocess, no Docker).
 *
 * Uses azurite's internal modules (`dist/src/table/*`), because `require('azurite')` pulls in
 * `vscode`. These internals are not a public API: package.json pins the azurite version, and
 * `test/store/azurite.test.ts` fails loudly if an upgrade changes them.
 *
 * With a data folder, a write is on disk before Azurite answers it (see `makeDurable`): Azurite
 * itself keeps its LokiJS database in memory and saves it only every 5 s.
 */
import { mkdirSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
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
  metadataStore?: { db?: unknown };
}

/** The parts of azurite's LokiJS database (lokijs 1.5) that `makeDurable` uses. */
interface LokiDb {
  saveDatabase(callback: (err?: unknown) => void): void;
  autosaveDisable(): void;
  autosaveDirty(): boolean;
  throttledSavePending?: boolean;
  persistenceAdapter: { saveDatabase(file: string, text: string, callback: (err?: unknown) => void): void };
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
export async function startEmbeddedAzurite(opts: { host?: string; port?: number; dataDir?: string | null } = {}): Promise<EmbeddedAzurite> {
  const host = opts.host ?? '127.0.0.1';
  const dataDir = opts.dataDir ?? null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dbPath = dataDir ? path.resolve(dataDir, DB_FILE) : path.join(path.resolve('/'), 'azurite-in-memory', DB_FILE);
  const { TableServer, TableConfiguration } = loadInternals();
  // Arguments: host, port, keep-alive s, db path, debug log, access log, stream, debug file, loose,
  // skip API version check (the SDK may be newer than the emulator), cert, key, pwd, oauth,
  // product-style URLs off, in-memory.
  const config = new TableConfiguration(
    host,
    opts.port ?? 0,
    5,
    dbPath,
    false,
    false,
    undefined,
    undefined,
    false,
    true,
    '',
    '',
    '',
    undefined,
    false,
    dataDir === null,
  );
  const server = new TableServer(config);
  if (dataDir) makeDurable(server);
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

function lokiOf(server: TableServerInstance): LokiDb {
  const db = server.metadataStore?.db as Partial<LokiDb> | undefined;
  if (
    typeof db?.saveDatabase !== 'function' ||
    typeof db.autosaveDisable !== 'function' ||
    typeof db.autosaveDirty !== 'function' ||
    typeof db.persistenceAdapter?.saveDatabase !== 'function'
  ) {
    throw new Error('azurite internals changed: TableServer.metadataStore.db is not a LokiJS database with a persistence adapter');
  }
  return db as LokiDb;
}

/**
 * Every successful write request (any method but GET/HEAD/OPTIONS, answered below 400) is answered
 * only once a save that started after it has reached the disk; any other request that finds
 * changes not yet on disk waits for them too, so nothing a client has seen can vanish. LokiJS
 * saves the whole database, and its throttled saves are the group commit: requests that arrive
 * while a save runs share the next one. A save writes a temp file, fsyncs it and renames it over
 * the database file, so a kill at any moment leaves the last complete save; the 5 s autosave is
 * off (nothing is left to it).
 */
function makeDurable(server: TableServerInstance): void {
  const db = lokiOf(server);
  db.autosaveDisable();
  db.persistenceAdapter.saveDatabase = (file, text, callback) => {
    writeFileDurably(file, text).then(() => callback(), callback);
  };
  const persist = (): Promise<void> => new Promise((resolve, reject) => db.saveDatabase((err) => (err ? reject(err) : resolve())));
  const unsaved = () => db.autosaveDirty() || db.throttledSavePending === true;
  server.httpServer.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const write = !READ_METHODS.has(req.method ?? 'GET');
    answerWhenPersisted(res, () => (write && res.statusCode < 400) || unsaved(), persist);
  });
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Holds back the response body (and so its head) until `persist` resolves when `mustPersist()`
 * says so at the end of the response; a failed save answers nothing (the socket is destroyed).
 * Azurite ends a streamed response twice (the pipe, then its end middleware): only the first end
 * counts, so that the second cannot send the response past the hold.
 */
function answerWhenPersisted(res: ServerResponse, mustPersist: () => boolean, persist: () => Promise<void>): void {
  const write = res.write as (...a: unknown[]) => boolean;
  const end = res.end as (...a: unknown[]) => ServerResponse;
  const held: unknown[][] = [];
  let ended = false;
  res.write = ((...args: unknown[]) => {
    if (!ended) held.push(args);
    return true;
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (ended) return res;
    ended = true;
    const release = () => {
      res.write = write as ServerResponse['write'];
      res.end = end as ServerResponse['end'];
      for (const chunk of held) write.apply(res, chunk);
      end.apply(res, args);
    };
    if (mustPersist()) persist().then(release, () => res.destroy());
    else release();
    return res;
  }) as ServerResponse['end'];
}

async function writeFileDurably(file: string, text: string): Promise<void> {
  const temp = `${file}~`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
