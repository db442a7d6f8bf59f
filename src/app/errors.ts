/**
 * The one error sink. Every place that catches an error (a bot turn, a side panel request, a scheduled
 * job, the HTTP server, the CLI) maps it here to what the user reads (in their language), what the log
 * says and the HTTP status. The log holds the code, the error's first line (services keep that free of
 * content) and the details' keys, a short stack only for the unexpected; never the input (it may be a
 * closed item's decision) and never request headers.
 */
import type { FieldProblem } from '../cards/field-problems';
import type { ErrorCode, Locale } from '../domain';
import { AppError, asAppError } from '../domain/errors';
import { type Params, t } from '../i18n';
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
const WITH_REASON = new Set<ErrorCode>(['invalid-input', 'parse-failed']);

/** Not the user's doing and not a bug: storage, Teams or configuration could not do their part. */
const OUTAGES = new Set<ErrorCode>(['storage-unavailable', 'delivery-failed', 'throttled', 'config-invalid']);

export type LogLevel = 'error' | 'warn' | 'info';

export interface ErrorLogFields {
  code: ErrorCode;
  reason: string;
  detailKeys: string[];
  /** The class of an error that was not ours (a library's), e.g. RestError. */
  type?: string;
  /** An HTTP status the error carried (Teams', storage's). */
  status?: number;
  /** First lines of the stack, for unexpected errors only. */
  stack?: string;
}

export const httpStatus = (e: unknown): number => STATUS[asAppError(e).code] ?? 500;

export function logLevel(e: unknown): LogLevel {
  const { code } = asAppError(e);
  if (code === 'internal') return 'error';
  return OUTAGES.has(code) ? 'warn' : 'info';
}

const firstLine = (s: string): string => s.split('\n')[0].slice(0, 300);

function carriedStatus(e: unknown, err: AppError): number | undefined {
  if (typeof err.details.status === 'number') return err.details.status;
  const code = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

export function errorLogFields(e: unknown): ErrorLogFields {
  const err = asAppError(e);
  const status = carriedStatus(e, err);
  return {
    code: err.code,
    reason: firstLine(err.message),
    detailKeys: Object.keys(err.details),
    ...(e instanceof Error && !(e instanceof AppError) ? { type: e.name } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(err.code === 'internal' && e instanceof Error && e.stack ? { stack: e.stack.split('\n').slice(0, 6).join('\n') } : {}),
  };
}

function isFieldProblems(x: unknown): x is FieldProblem[] {
  return Array.isArray(x) && x.length > 0 && x.every((p) => typeof p === 'object' && p !== null && 'kind' in p && 'label' in p);
}

function fieldProblemText(locale: Locale, p: FieldProblem): string {
  const field = t(locale, p.label.key, p.label.params);
  const problem = t(locale, `error.field.${p.kind}`, { field, ...(p.max !== undefined ? { max: p.max } : {}) });
  return p.row ? t(locale, 'error.field.in-row', { row: t(locale, p.row.key, p.row.params), problem }) : problem;
}

/**
 * The user's text for an error: each field problem by the card's label when the input was a form's;
 * else `details.messageKey` when the thrower named a more precise message (e.g. 'bot.no-forum')
 * filled with `details.messageParams`; else the code's text.
 */
export function userMessage(locale: Locale, e: unknown): string {
  const err = asAppError(e);
  if (err.code === 'invalid-input' && isFieldProblems(err.details.fields)) {
    return err.details.fields.map((p) => fieldProblemText(locale, p)).join(' ');
  }
  const key = typeof err.details.messageKey === 'string' ? err.details.messageKey : `error.${err.code}`;
  const params = (err.details.messageParams ?? {}) as Params;
  return t(locale, key, WITH_REASON.has(err.code) ? { ...params, reason: firstLine(err.message) } : params);
}

const VERDICT: Record<LogLevel, string> = { error: 'failed', warn: 'could not complete', info: 'refused' };

/**
 * Logs `e` at its level as "<what> failed" (a bug), "<what> could not complete" (an outage) or
 * "<what> refused" (the input or the asker), with `context` (what was being done). Returns the error.
 */
export function logError(log: Logger, e: unknown, what: string, context: Record<string, unknown> = {}): AppError {
  const level = logLevel(e);
  log[level]({ ...context, ...errorLogFields(e) }, `${what} ${VERDICT[level]}`);
  return asAppError(e);
}
