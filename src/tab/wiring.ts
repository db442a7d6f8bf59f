/**
 * The side panel's options from the configuration. Tokens are checked against the SSO app id
 * (TAB_SSO_APP_ID, else the bot's MicrosoftAppId: the manifest's webApplicationInfo.id), audience
 * `api://<PUBLIC_BASE_URL host>/<app id>` or the bare id,
 * and the same tenants the bot serves (ALLOWED_TENANTS, else the app's own tenant, else none).
 * No app id at all (local mode): no token can be checked, so every API call answers 503 saying so.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';
import { defaultBundlePaths } from './bundle';
import type { TabOptions } from './routes';
import { createSsoVerifier, refused, type SsoVerifier } from './sso';

/** The tenants whose users may use the panel; null = nobody (the bot refuses every tenant too). */
function ssoTenants(config: Config): string[] | null {
  if (config.allowedTenants.length > 0) return config.allowedTenants;
  if (config.bot.appTenantId) return [config.bot.appTenantId];
  return null;
}

export function tabVerifier(config: Config, keys?: JWTVerifyGetKey): SsoVerifier {
  const appId = config.tabSsoAppId || config.bot.appId;
  if (!appId) {
    return async () => {
      throw refused('not-configured', 'Teams SSO needs an app id (MicrosoftAppId); the service runs in local mode');
    };
  }
  const tenants = ssoTenants(config);
  const domain = config.publicBaseUrl ? new URL(config.publicBaseUrl).host : null;
  const verify = createSsoVerifier({ appId, domain, allowedTenants: tenants ?? [], ...(keys ? { keys } : {}) });
  if (tenants) return verify;
  return async (authorization) => {
    await verify(authorization);
    throw refused('tenant', 'no tenant is allowed (set ALLOWED_TENANTS)');
  };
}

export function tabOptionsFor(config: Config, ssoKeys?: JWTVerifyGetKey): TabOptions {
  return { verifier: tabVerifier(config, ssoKeys), staticDir: defaultBundlePaths().outDir, extraOrigins: config.tabExtraOrigins ?? [] };
}
