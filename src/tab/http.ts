/**
 * The side panel API's errors: sign-in problems get their own answers; everything else goes through the
 * one error sink (src/app/errors.ts) to an HTTP status and `{ error, message }` in the viewer's language.
 */
import type { Response } from 'restify';
import { httpStatus, logError, userMessage } from '../app/errors';
import type { Locale } from '../domain';
import { asAppError } from '../domain';
import { t } from '../i18n';
import type { Logger } from '../logger';

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
  return { status: httpStatus(err), body: { error: err.code, message: userMessage(locale, err) } };
}

/** Logs a refused or failed API call through the one error sink. */
export function logApiError(logger: Logger, e: unknown, what: string, status: number): void {
  logError(logger, e, 'side panel request', { what, httpStatus: status });
}

export function sendJson(res: Response, answer: ApiAnswer): void {
  res.setHeader('cache-control', 'no-store');
  res.send(answer.status, answer.body);
}

/** The query string of a request as a map (restify's queryParser is not installed on this server). */
export function queryOf(url: string | undefined): URLSearchParams {
  return new URL(url ?? '/', 'http://localhost').searchParams;
}
