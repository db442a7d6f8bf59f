/**
 * The one place errors become what the user sees and what the log says.
 * User side: `t(locale, 'error.<code>')` in an error card that hands back what they typed.
 * Log side: code, what was being done, the error's message and details' keys, never the input
 * (it may be a closed item's decision) and never a stack with request headers.
 */
import type { Locale } from '../domain';
import { AppError, asAppError } from '../domain/errors';
import { type Params, t } from '../i18n';
import { errorCard } from '../cards/error';
import type { TurnInfo } from './types';

/** Codes whose text takes a {reason}: the error's first line, which services keep free of content. */
const WITH_REASON = new Set(['invalid-input', 'parse-failed']);

/**
 * The user's text for an error: `details.messageKey` when the thrower named a more precise
 * message (e.g. 'bot.no-forum') filled with `details.messageParams`, else the code's text.
 */
export function userMessage(locale: Locale, err: AppError): string {
  const reason = err.message.split('\n')[0].slice(0, 300);
  const key = typeof err.details.messageKey === 'string' ? err.details.messageKey : `error.${err.code}`;
  const params = (err.details.messageParams ?? {}) as Params;
  return t(locale, key, WITH_REASON.has(err.code) ? { ...params, reason } : params);
}

/**
 * Logs `e` for the turn and returns the error card for the user.
 * `doing` names the command or verb, `input` is what the user typed (message text or card inputs).
 */
export function errorCardFor(ctx: Pick<TurnInfo, 'log' | 'locale'>, e: unknown, doing: string, input?: string | Record<string, unknown>): Record<string, unknown> {
  const err = asAppError(e);
  logError(ctx, err, doing, e);
  return errorCard(ctx.locale, userMessage(ctx.locale, err), input);
}

export function logError(ctx: Pick<TurnInfo, 'log'>, err: AppError, doing: string, original?: unknown): void {
  const fields = {
    doing,
    code: err.code,
    reason: err.message.split('\n')[0].slice(0, 300),
    detailKeys: Object.keys(err.details),
    ...(typeof err.details.status === 'number' ? { status: err.details.status } : {}),
  };
  if (err.code === 'internal') {
    const stack = original instanceof Error ? original.stack?.split('\n').slice(0, 6).join('\n') : undefined;
    ctx.log.error({ ...fields, stack }, 'turn failed');
  } else if (err.code === 'storage-unavailable' || err.code === 'delivery-failed' || err.code === 'throttled') {
    ctx.log.warn(fields, 'turn could not complete');
  } else {
    ctx.log.info(fields, 'turn refused');
  }
}

export function isAppError(e: unknown, code?: AppError['code']): e is AppError {
  return e instanceof AppError && (!code || e.code === code);
}
