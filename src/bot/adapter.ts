/**
 * CloudAdapter with botbuilder's own Bot Framework authentication, configured from `Config`
 * (never from process.env). Split into authenticate → (our tenant check) → run turn, so the
 * server can answer each refusal itself instead of CloudAdapter's console output.
 *
 * Local mode (no app id): botbuilder disables authentication, accepts token-less requests (the
 * M365 Agents Playground sends none) and calls `serviceUrl` with empty credentials (no token).
 */
import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { boundKeyFetch } from './key-fetch';

/**
 * Longest a token check may take. Past it the request fails closed with 503 (Teams retries), so a
 * signing-key endpoint that does not answer cannot hold requests (src/bot/key-fetch.ts bounds the fetches).
 */
export const AUTH_TIMEOUT_MS = 4_000;

export type BotFrameworkAuthentication = ConstructorParameters<typeof CloudAdapter>[0] & object;
export type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;
export type ServiceClientCredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** For tests and special deployments; production passes none. */
export interface BotAuthOverrides {
  /**
   * Where to fetch the channel's (and emulator's) OpenID metadata. Tests point this at the fake
   * connector so token validation runs offline against keys they control.
   */
  openIdMetadataUrl?: string;
  /** Credentials for outbound calls instead of Microsoft Entra tokens (tests). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/** botbuilder's public Azure cloud settings (AuthenticationConstants, CallerIdConstants). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

export function createBotAuthentication(config: Config, overrides: BotAuthOverrides = {}): BotFrameworkAuthentication {
  const { appId, appPassword, appType, appTenantId } = config.bot;
  const options: Record<string, string> = {};
  if (appId) {
    options.MicrosoftAppId = appId;
    // botbuilder spells the managed identity type "UserAssignedMsi" (compared case-insensitively).
    options.MicrosoftAppType = appType;
    if (appPassword) options.MicrosoftAppPassword = appPassword;
    if (appTenantId) options.MicrosoftAppTenantId = appTenantId;
  }
  if (overrides.openIdMetadataUrl) {
    // botbuilder treats any parameterized value as "all given": spell out the public cloud's values.
    Object.assign(options, PUBLIC_CLOUD, {
      ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: overrides.openIdMetadataUrl,
    });
  }
  boundKeyFetch();
  return new ConfigurationBotFrameworkAuthentication(options, overrides.credentialsFactory);
}

/** jsonwebtoken's errors for a bad signature, an expired or not-yet-valid token (botbuilder rethrows them). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * 401 when the token is missing or invalid (botbuilder's AuthenticationError carries a 4xx status,
 * jsonwebtoken's errors are named); null when the token could not be checked (keys unavailable).
 */
export function authFailureStatus(e: unknown): number | null {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return 401;
  return e instanceof Error && TOKEN_ERRORS.has(e.name) ? 401 : null;
}

/** The token could not be checked in time (no status: answered 503, not 401). */
export class AuthTimeout extends Error {
  override name = 'AuthTimeout';
}

export class BotAdapter extends CloudAdapter {
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly timeoutMs = AUTH_TIMEOUT_MS,
  ) {
    super(auth);
  }

  /**
   * Validates the request's token (botbuilder); rejects with a 401-carrying error when it is not
   * valid, with AuthTimeout when it could not be checked within `timeoutMs`.
   */
  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AuthTimeout(`the token could not be checked within ${this.timeoutMs} ms (signing keys unavailable)`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.auth.authenticateRequest(activity, authHeader), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs one authenticated turn; for invokes resolves with the invoke response. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
