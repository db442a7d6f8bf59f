/**
 * The one place that reads `process.env`. Validated once at start-up; a bad value stops the
 * service with a message naming the variable. See README "Configuration" for every variable.
 */
import { z } from 'zod';
import { AppError } from './domain/errors';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Defaults to 127.0.0.1 in local mode (no app id), 0.0.0.0 otherwise. */
  HOST: z.string().optional(),
  MicrosoftAppId: z.string().optional(),
  /** Local mode (no app id) on a non-loopback HOST: serve without tokens anyway. Never in production. */
  ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).default('false'),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
  /** Comma-separated Microsoft Entra tenant ids whose activities are accepted; empty = any (local mode only). */
  ALLOWED_TENANTS: csv,
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  /** Table endpoint URL used with a managed identity, e.g. https://acct.table.core.windows.net */
  AZURE_STORAGE_ACCOUNT_URL: z.string().url().optional(),
  /** Client id of the user-assigned managed identity (with AZURE_STORAGE_ACCOUNT_URL). */
  AZURE_CLIENT_ID: z.string().optional(),
  /** Folder for the embedded Azurite's data when no storage is configured. */
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often the scheduler sweeps for due jobs. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Name of this service instance (leases on scheduled jobs); defaults to hostname-pid. */
  INSTANCE_ID: z.string().optional(),
  /** Public https base URL of the service (meeting side panel, manifest). */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /**
   * Comma-separated origins (scheme://host[:port], no wildcards) allowed to host the meeting side panel
   * besides Teams itself: a test or development host. Not needed in Teams.
   */
  /**
   * Client id of the Microsoft Entra app registration the side panel's Teams SSO tokens are issued for
   * (the manifest's webApplicationInfo.id). Default: MicrosoftAppId. Needed when the bot runs as a
   * managed identity (UserAssignedMSI), which cannot expose an API for SSO.
   */
  TAB_SSO_APP_ID: z.string().optional(),
  /** Comma-separated hosts agenda files may be downloaded from (`*.` = any subdomain); default DEFAULT_DOWNLOAD_HOSTS. */
  DOWNLOAD_HOSTS: csv,
  /** Development and tests only (local mode): lets a download reach a loopback address. */
  DOWNLOAD_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  TAB_EXTRA_ORIGINS: csv.refine((list) => list.every((o) => /^https?:\/\/[^/*\s]+$/.test(o)), 'origins like https://host:port, no paths or wildcards'),
});

/**
 * Where Teams puts the `downloadUrl` of a file sent to a bot in 1:1 chat: the sender's OneDrive for
 * Business, i.e. SharePoint (commercial, the "-df" dogfood ring, Germany, 21Vianet, US government),
 * its download front ends (*.svc.ms), Microsoft Graph and consumer OneDrive.
 */
export const DEFAULT_DOWNLOAD_HOSTS = [
  '*.sharepoint.com',
  '*.sharepoint-df.com',
  '*.sharepoint.de',
  '*.sharepoint.cn',
  '*.sharepoint.us',
  '*.svc.ms',
  'graph.microsoft.com',
  '*.1drv.com',
  '*.1drv.ms',
  'onedrive.live.com',
];

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  /** Local mode: no app id, no token validation; loopback only unless ALLOW_UNAUTHENTICATED. */
  localMode: boolean;
  /** Local mode on a non-loopback host (ALLOW_UNAUTHENTICATED=true): anyone who reaches it is served. */
  unauthenticatedPublic: boolean;
  bot: {
    appId: string | null;
    appPassword: string | null;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    appTenantId: string | null;
  };
  allowedTenants: string[];
  storage:
    | { kind: 'connection-string'; connectionString: string }
    | { kind: 'managed-identity'; accountUrl: string; clientId: string | null }
    | { kind: 'embedded'; dataDir: string };
  logLevel: RawConfig['LOG_LEVEL'];
  sweepIntervalMs: number;
  instanceId: string;
  publicBaseUrl: string | null;
  /** Rules for fetching a file the user sent (see src/bot/handlers/file-download.ts). */
  downloads: DownloadRules;
  /** Extra origins that may host the meeting side panel (TAB_EXTRA_ORIGINS); absent = none. */
  tabExtraOrigins?: string[];
  /** App id the side panel's SSO tokens must be for (TAB_SSO_APP_ID); absent = bot.appId. */
  tabSsoAppId?: string | null;
}

export interface DownloadRules {
  /** Allowed hosts; `*.example.com` matches any subdomain of example.com (not example.com itself). */
  hosts: string[];
  /** Plain http allowed (local mode only). */
  allowHttp: boolean;
  /** Loopback addresses allowed (DOWNLOAD_ALLOW_LOOPBACK, local mode only); never link-local or private. */
  allowLoopback: boolean;
}

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x.x.x) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Builds the configuration from an environment (pass `process.env` from the entry point only). */
export function loadConfig(env: Record<string, string | undefined>, defaults: { instanceId: string }): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('config-invalid', `Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const appId = e.MicrosoftAppId?.trim() || null;
  const appType = e.MicrosoftAppType ?? 'MultiTenant';
  if (appId && appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new AppError(
      'config-invalid',
      'Invalid configuration: MicrosoftAppPassword is required with MicrosoftAppId (or set MicrosoftAppType=UserAssignedMSI)',
    );
  }
  if (appId && appType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    throw new AppError('config-invalid', `Invalid configuration: MicrosoftAppTenantId is required with MicrosoftAppType=${appType}`);
  }
  const host = e.HOST ?? (appId ? '0.0.0.0' : '127.0.0.1');
  if (!appId && !isLoopbackHost(host) && e.ALLOW_UNAUTHENTICATED !== 'true') {
    throw new AppError(
      'config-invalid',
      `Invalid configuration: HOST=${host} is not a loopback address, and without MicrosoftAppId (local mode) no request is authenticated. ` +
        'Set MicrosoftAppId (and its password), or use HOST=127.0.0.1, or set ALLOW_UNAUTHENTICATED=true to serve anyone who can reach it',
    );
  }
  if (appId && e.DOWNLOAD_ALLOW_LOOPBACK === 'true') {
    throw new AppError('config-invalid', 'Invalid configuration: DOWNLOAD_ALLOW_LOOPBACK is for local mode only (no MicrosoftAppId)');
  }
  const storage: Config['storage'] = e.AZURE_STORAGE_CONNECTION_STRING
    ? { kind: 'connection-string', connectionString: e.AZURE_STORAGE_CONNECTION_STRING }
    : e.AZURE_STORAGE_ACCOUNT_URL
      ? { kind: 'managed-identity', accountUrl: e.AZURE_STORAGE_ACCOUNT_URL, clientId: e.AZURE_CLIENT_ID ?? null }
      : { kind: 'embedded', dataDir: e.DATA_DIR };
  return {
    port: e.PORT,
    host,
    localMode: !appId,
    unauthenticatedPublic: !appId && !isLoopbackHost(host),
    bot: { appId, appPassword: e.MicrosoftAppPassword ?? null, appType, appTenantId: e.MicrosoftAppTenantId ?? null },
    allowedTenants: e.ALLOWED_TENANTS,
    storage,
    logLevel: e.LOG_LEVEL,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    instanceId: e.INSTANCE_ID ?? defaults.instanceId,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    downloads: {
      hosts: e.DOWNLOAD_HOSTS.length ? e.DOWNLOAD_HOSTS.map((h) => h.toLowerCase()) : DEFAULT_DOWNLOAD_HOSTS,
      allowHttp: !appId,
      allowLoopback: e.DOWNLOAD_ALLOW_LOOPBACK === 'true',
    },
    tabExtraOrigins: e.TAB_EXTRA_ORIGINS,
    tabSsoAppId: e.TAB_SSO_APP_ID?.trim() || null,
  };
}
