/** Maps Azure Tables / network failures to the product's coded errors. */
import { AppError } from '../../domain/errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);

const TOO_LARGE_CODES = new Set(['PropertyValueTooLarge', 'EntityTooLarge', 'RequestBodyTooLarge']);

interface ErrorShape {
  statusCode?: number;
  code?: string;
  name?: string;
}

function shape(e: unknown): ErrorShape {
  if (typeof e !== 'object' || e === null) return {};
  const r = e as Record<string, unknown>;
  return {
    statusCode: typeof r.statusCode === 'number' ? r.statusCode : undefined,
    code: typeof r.code === 'string' ? r.code : undefined,
    name: typeof r.name === 'string' ? r.name : undefined,
  };
}

export function statusOf(e: unknown): number | undefined {
  return shape(e).statusCode;
}

export function isNotFound(e: unknown): boolean {
  return statusOf(e) === 404;
}

/** True for "someone else changed or created it first": stale ETag (412) or duplicate insert (409). */
export function isConflict(e: unknown): boolean {
  const s = statusOf(e);
  return s === 412 || s === 409;
}

/**
 * Turns any storage failure into an AppError. The SDK's own message is not passed on: error
 * texts may reach users and logs, and must never carry stored content.
 */
export function toAppError(e: unknown, op: string): AppError {
  if (e instanceof AppError) return e;
  const { statusCode, code, name } = shape(e);
  const where = `${op}: ${statusCode ? `HTTP ${statusCode}` : (code ?? name ?? 'error')}${statusCode && code ? ` ${code}` : ''}`;
  if (statusCode === 412 || statusCode === 409) {
    return new AppError('conflict', `Changed by someone else meanwhile (${where})`, { statusCode });
  }
  if (
    statusCode === 429 ||
    statusCode === 408 ||
    (statusCode !== undefined && statusCode >= 500) ||
    (statusCode === undefined && ((code && NETWORK_CODES.has(code)) || name === 'AbortError' || name === 'TimeoutError'))
  ) {
    return new AppError('storage-unavailable', `Storage unavailable (${where})`, { retryable: true, statusCode, code });
  }
  if (statusCode === 413 || (code && TOO_LARGE_CODES.has(code))) {
    return new AppError('too-large', `Too large for storage (${where})`, { statusCode, code });
  }
  return new AppError('internal', `Storage request failed (${where})`, { statusCode, code });
}

/** Runs a storage call, translating failures. */
export async function guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toAppError(e, op);
  }
}
