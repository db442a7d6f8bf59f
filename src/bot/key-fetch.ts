/**
 * The Bot Framework signing-key fetch, bounded. botbuilder 4.23's `OpenIdMetadata.refreshCache`
 * fetches the OpenID metadata and the key set with no timeout and starts a fetch for every request
 * that finds no key: when Microsoft's key endpoint does not answer, each request (a forged token
 * with an unknown key id is enough) holds a socket for ever. Here each metadata URL has at most one
 * refresh in flight (concurrent requests share it) and a refresh gives up after KEY_FETCH_TIMEOUT_MS,
 * closing its socket; the request then fails closed (503, src/bot/endpoint.ts).
 */
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';

export const KEY_FETCH_TIMEOUT_MS = 3_000;

interface MetadataInternals {
  url: string;
  proxySettings?: unknown;
  keys?: unknown[];
  lastUpdated: number;
  refreshCache(): Promise<void>;
}

/** A refresh that failed; status 500 makes botbuilder's callers treat it as "could not check", not "invalid". */
class KeyFetchFailed extends Error {
  readonly statusCode = 500;
}

async function getJson(url: string, signal: AbortSignal, what: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    throw new KeyFetchFailed(`${what} not fetched: ${signal.aborted ? `no answer within ${KEY_FETCH_TIMEOUT_MS} ms` : (e as Error).message}`);
  }
  if (!res.ok) throw new KeyFetchFailed(`${what} not fetched: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

async function refresh(metadata: MetadataInternals): Promise<void> {
  const signal = AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS);
  const config = await getJson(metadata.url, signal, 'OpenID metadata');
  if (typeof config.jwks_uri !== 'string') throw new KeyFetchFailed('OpenID metadata has no jwks_uri');
  const keys = await getJson(config.jwks_uri, signal, 'signing keys');
  if (!Array.isArray(keys.keys)) throw new KeyFetchFailed('signing keys: no "keys" array');
  metadata.keys = keys.keys;
  metadata.lastUpdated = Date.now();
}

const inFlight = new WeakMap<object, Promise<void>>();
let installed = false;

/** Replaces botbuilder's key refresh with the bounded one (once per process; idempotent). */
export function boundKeyFetch(): void {
  if (installed) return;
  const proto = OpenIdMetadata.prototype as unknown as MetadataInternals;
  const original = proto.refreshCache;
  if (typeof original !== 'function') throw new Error('botbuilder changed: OpenIdMetadata.refreshCache is missing (see src/bot/key-fetch.ts)');
  proto.refreshCache = function (this: MetadataInternals): Promise<void> {
    let running = inFlight.get(this);
    if (!running) {
      // A configured proxy keeps botbuilder's own fetch (still one at a time).
      running = (this.proxySettings ? original.call(this) : refresh(this)).finally(() => inFlight.delete(this));
      inFlight.set(this, running);
    }
    return running;
  };
  installed = true;
}
