/**
 * A deployment (a Bot Framework app id is set) on the embedded Azurite keeps everything in one
 * folder of one machine: no second instance can share it and nothing copies it elsewhere. That is
 * allowed, but start-up says so and names the backup command.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';

export const BACKUP_COMMAND = 'npm run -s followup -- backup --out <dir>';

/** The start-up warning for `config`, or null when storage is Azure Table Storage or this is local mode. */
export function singleMachineWarning(config: Config): string | null {
  if (!config.bot.appId || config.storage.kind !== 'embedded') return null;
  return (
    `Storage is the embedded Azurite in ${config.storage.dataDir}: a single-machine setup (one instance, data on this disk only). ` +
    `Back it up regularly with \`${BACKUP_COMMAND}\`, or set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL to use Azure Table Storage.`
  );
}

export function warnIfSingleMachine(config: Config, logger: Logger): void {
  const warning = singleMachineWarning(config);
  if (warning) logger.warn({ storage: 'embedded', backup: BACKUP_COMMAND }, warning);
}
