/**
 * The side panel API's one error sink: an error becomes an HTTP status and `{ error, message }` in the
 * viewer's language. The log line holds the code and the error's first line (services keep that free
 * of content), never the request body, a token or a stack of an expected error.
 */
import type { Response } from 'restify';
import type { ErrorCode, Locale } from '../domain';
import { asAppError } from '../domain';
import { t } from '../i18n';
import type { Logger } from '../logger';

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'too-large': 413,
  'storage-unavailable': 503,
  throttled: 429,
  'delivery-failed': 502,
  'parse-failed': 400,
  'config-invalid': 500,
  internal: 500,
};

/** Codes whose text takes a {reason}: the error's first line, which services keep free of content. */
const WITH_REASON = new Set<string>(['invalid-input', 'too-large', 'parse-failed']);

export interface ApiErrorBody {
  /** Machine-readable: an ErrorCode, or 'unauthorized' / 'sso-not-configured' for sign-in problems. */
  error: string;
  /** For the user, in their language. */
  message: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Maps any thrown value to the answer the page gets. */
export function errorAnswer(e: unknown, locale: Locale): { status: number; body: ApiErrorBody } {
  const err = asAppError(e);
  const auth = err.details.auth;
  if (auth === 'missing' || auth === 'invalid') return { status: 401, body: { error: 'unauthorized', message: t(locale, 'tab.error.unauthorized') } };
  if (auth === 'tenant') return { status: 403, body: { error: 'forbidden', message: t(locale, 'tab.error.tenant') } };
  if (auth === 'not-configured') return { status: 503, body: { error: 'sso-not-configured', message: t(locale, 'tab.error.sso-not-configured') } };
  const reason = err.message.split('\n')[0].slice(0, 300);
  const key = typeof err.details.messageKey === 'string' ? err.details.messageKey : `error.${err.code}`;
  return { status: STATUS[err.code] ?? 500, body: { error: err.code, message: t(locale, key, WITH_REASON.has(err.code) ? { reason } : {}) } };
}

/** Logs a refused or failed API call: code and reason, plus a short stack for unexpected errors only. */
export function logApiError(logger: Logger, e: unknown, what: string, status: number): void {
  const err = asAppError(e);
  const fields = { what, status, code: err.code, reason: err.message.split('\n')[0].slice(0, 300), detailKeys: Object.keys(err.details) };
  if (status >= 500 && err.code === 'internal') {
    const stack = e instanceof Error ? e.stack?.split('\n').slice(0, 6).join('\n') : undefined;
    logger.error({ ...fields, stack }, 'side panel request failed');
  } else if (status >= 500) {
    logger.warn(fields, 'side panel request could not complete');
  } else {
    logger.info(fields, 'side panel request refused');
  }
}

export function sendJson(res: Response, answer: ApiAnswer): void {
  res.setHeader('cache-control', 'no-store');
  res.send(answer.status, answer.body);
}

/** The query string of a request as a map (restify's queryParser is not installed on this server). */
export function queryOf(url: string | undefined): URLSearchParams {
  return new URL(url ?? '/', 'http://localhost').searchParams;
}
