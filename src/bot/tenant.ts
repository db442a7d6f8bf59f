/**
 * Which Microsoft Entra tenants may talk to the bot.
 * - ALLOWED_TENANTS set: exactly those.
 * - Not set, with an app id: the bot's own tenant (MicrosoftAppTenantId) when known; otherwise
 *   nobody, and start-up logs an error saying so (a multi-tenant app must name its tenants).
 * - Not set, local mode: anyone (the Playground and tests).
 */
import type { Config } from '../config';

export interface TenantPolicy {
  allows(tenantId: string | null): boolean;
  /** For the start-up log line. */
  describe(): string;
  /** True when the configuration refuses every tenant. */
  refusesAll: boolean;
}

export function tenantPolicy(config: Config): TenantPolicy {
  const explicit = config.allowedTenants.map((t) => t.toLowerCase());
  if (explicit.length > 0) return listPolicy(explicit, `allow-list: ${explicit.join(', ')}`);
  if (config.localMode) return { allows: () => true, describe: () => 'any tenant (local mode)', refusesAll: false };
  if (config.bot.appTenantId) {
    const own = config.bot.appTenantId.toLowerCase();
    return listPolicy([own], `the app's own tenant ${own}`);
  }
  return { allows: () => false, describe: () => 'no tenant (set ALLOWED_TENANTS)', refusesAll: true };
}

function listPolicy(ids: string[], description: string): TenantPolicy {
  const set = new Set(ids);
  return { allows: (t) => !!t && set.has(t.toLowerCase()), describe: () => description, refusesAll: false };
}
