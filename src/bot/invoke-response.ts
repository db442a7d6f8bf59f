/**
 * The one place invoke responses are built (Universal Actions, `adaptiveCard/action`):
 * - a card: HTTP 200, `application/vnd.microsoft.card.adaptive` (replaces the card for this user);
 * - a message: HTTP 200, `application/vnd.microsoft.activity.message` (the card stays as it was);
 * - a protocol error (malformed action, unknown verb): HTTP 400, `application/vnd.microsoft.error`,
 *   which Teams shows under the card without replacing it, so nothing the user typed is lost.
 */
import type { InvokeResponse } from 'botbuilder';
import type { VerbResult } from './types';

export const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE = 'application/vnd.microsoft.error';

export function invokeResponseFor(result: VerbResult): InvokeResponse {
  if ('card' in result) return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: result.card } };
  return { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: result.message } };
}

export function invokeProtocolError(code: 'BadRequest' | 'UnknownVerb', message: string): InvokeResponse {
  return { status: 400, body: { statusCode: 400, type: ERROR_RESPONSE, value: { code, message } } };
}
