/**
 * A turn's errors through the one error sink (src/app/errors.ts): logged with their code, answered with
 * an error card in the user's language that hands back what they typed.
 */
import { logError, userMessage } from '../app/errors';
import { errorCard } from '../cards/error';
import type { TurnInfo } from './types';

/**
 * Logs `e` for the turn and returns the error card for the user.
 * `doing` names the command or verb, `input` is what the user typed (message text or card inputs).
 */
export function errorCardFor(
  ctx: Pick<TurnInfo, 'log' | 'locale'>,
  e: unknown,
  doing: string,
  input?: string | Record<string, unknown>,
): Record<string, unknown> {
  const err = logError(ctx.log, e, 'turn', { doing });
  return errorCard(ctx.locale, userMessage(ctx.locale, err), input);
}
