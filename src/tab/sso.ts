/**
 * Validates the Teams SSO token the meeting side panel sends (Authorization: Bearer ...):
 * signature against Microsoft Entra's published keys (tests pass locally generated ones),
 * audience (the app's id or its api:// URI), issuer (v1 or v2 form for the token's tenant),
 * expiry, and the tenant allow-list.
 */
import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import { AppError } from '../domain/errors';

/** Microsoft Entra ID's signing keys for all tenants. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface SsoIdentity {
  /** Entra object id of the user (matches Member.aadObjectId). */
  oid: string;
  tenantId: string;
  name: string | null;
}

export interface SsoOptions {
  /** The bot's app id (the tab's SSO app registration). */
  appId: string;
  /** Public host of the service (e.g. bot.example.dk), for the api://host/appId audience. */
  domain: string | null;
  allowedTenants: string[];
  /** Signing keys; defaults to Entra's remote key set. */
  keys?: JWTVerifyGetKey;
}

export type SsoVerifier = (authorization: string | undefined) => Promise<SsoIdentity>;

/**
 * Why a token was refused, in the thrown AppError's `details.auth`: 'missing' or 'invalid' mean
 * "not authenticated" (HTTP 401), 'tenant' means "authenticated but not allowed" (HTTP 403),
 * 'not-configured' means the service has no app id to check tokens against (HTTP 503).
 */
export type SsoRefusal = 'missing' | 'invalid' | 'tenant' | 'not-configured';

export function refused(auth: SsoRefusal, message: string): AppError {
  return new AppError('forbidden', message, { auth });
}

export function createSsoVerifier(opts: SsoOptions): SsoVerifier {
  const keys = opts.keys ?? createRemoteJWKSet(new URL(ENTRA_JWKS_URL), { timeoutDuration: 5000 });
  const audience = [opts.appId, `api://${opts.appId}`, ...(opts.domain ? [`api://${opts.domain}/${opts.appId}`] : [])];
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw refused('missing', 'missing bearer token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { audience, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (e) {
      throw refused('invalid', `invalid SSO token: ${(e as Error).message}`);
    }
    return identityOf(payload, opts.allowedTenants);
  };
}

function identityOf(payload: JWTPayload, allowedTenants: string[]): SsoIdentity {
  const tid = typeof payload.tid === 'string' ? payload.tid : '';
  const oid = typeof payload.oid === 'string' ? payload.oid : '';
  if (!tid || !oid) throw refused('invalid', 'SSO token without tid/oid');
  const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
  if (!issuers.includes(String(payload.iss))) throw refused('invalid', 'SSO token from an unexpected issuer');
  if (allowedTenants.length > 0 && !allowedTenants.some((t) => t.toLowerCase() === tid.toLowerCase())) throw refused('tenant', 'tenant not allowed');
  return { oid, tenantId: tid, name: typeof payload.name === 'string' ? payload.name : null };
}
