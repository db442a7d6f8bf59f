/**
 * Opens the configured store: a connection string, an account URL with a managed identity, or
 * (the default) an embedded Azurite over DATA_DIR. Used by src/main.ts and the CLI commands.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { Config } from '../config';
import { AppError } from '../domain/errors';
import type { Logger } from '../logger';
import { azuriteConnectionString, startEmbeddedAzurite } from './azurite';
import type { Store } from './ports';
import { createTableStore } from './tables';

export interface OpenedStore {
  store: Store;
  /** Stops the embedded Azurite if this call started it; otherwise nothing to do. */
  close(): Promise<void>;
  /** Where the data lives, for the start-up line (never contains a secret). */
  describe: string;
}

/** `<DATA_DIR>/azurite.json`: where the embedded Azurite of a running process listens. */
export const AZURITE_INFO_FILE = 'azurite.json';

interface AzuriteInfo {
  host: string;
  port: number;
  pid: number;
}

export async function openStore(config: Config, logger: Logger): Promise<OpenedStore> {
  const s = config.storage;
  if (s.kind === 'connection-string') {
    const store = await createTableStore({ connectionString: s.connectionString }, { logger });
    return { store, close: async () => {}, describe: `Azure Table Storage (${accountOf(s.connectionString)})` };
  }
  if (s.kind === 'managed-identity') {
    const credential = s.clientId ? new ManagedIdentityCredential({ clientId: s.clientId }) : new DefaultAzureCredential();
    const store = await createTableStore({ accountUrl: s.accountUrl, credential }, { logger });
    return { store, close: async () => {}, describe: `Azure Table Storage at ${s.accountUrl} (managed identity)` };
  }
  return openEmbedded(s.dataDir, logger);
}

/** Account name or endpoint from a connection string, without the key. */
function accountOf(cs: string): string {
  const endpoint = /TableEndpoint=([^;]+)/i.exec(cs)?.[1];
  const account = /AccountName=([^;]+)/i.exec(cs)?.[1];
  if (/UseDevelopmentStorage=true/i.test(cs)) return 'local development storage';
  return endpoint ? `at ${endpoint}` : `account ${account ?? 'from connection string'}`;
}

function readInfo(file: string): AzuriteInfo | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    if (typeof r.port !== 'number' || typeof r.pid !== 'number') return null;
    return { host: typeof r.host === 'string' ? r.host : '127.0.0.1', port: r.port, pid: r.pid };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Connects to the Azurite another process runs over dataDir, or starts one. */
async function openEmbedded(dataDir: string, logger: Logger): Promise<OpenedStore> {
  const infoFile = path.join(dataDir, AZURITE_INFO_FILE);
  const info = readInfo(infoFile);
  if (info && isAlive(info.pid)) {
    const url = `http://${info.host}:${info.port}/devstoreaccount1`;
    try {
      const store = await createTableStore({ connectionString: azuriteConnectionString(url) }, { logger });
      return { store, close: async () => {}, describe: `embedded Azurite at ${url} (run by process ${info.pid}), data in ${dataDir}` };
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'storage-unavailable')) throw e;
      logger.warn({ infoFile }, 'the Azurite named in azurite.json does not answer; starting one');
    }
  }
  const azurite = await startEmbeddedAzurite({ host: '127.0.0.1', port: 0, dataDir });
  const mine: AzuriteInfo = { host: '127.0.0.1', port: azurite.port, pid: process.pid };
  writeFileSync(infoFile, `${JSON.stringify(mine)}\n`);
  try {
    const store = await createTableStore({ connectionString: azurite.connectionString }, { logger });
    logger.info({ url: azurite.url, dataDir }, 'embedded Azurite started');
    const close = async (): Promise<void> => {
      const current = readInfo(infoFile);
      if (current?.pid === mine.pid && current.port === mine.port) rmSync(infoFile, { force: true });
      await azurite.stop();
    };
    return { store, close, describe: `embedded Azurite at http://127.0.0.1:${azurite.port}, data in ${dataDir}` };
  } catch (e) {
    await azurite.stop();
    throw e;
  }
}
