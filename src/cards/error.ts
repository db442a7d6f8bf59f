import type { Locale } from '../domain';
import { t } from '../i18n';
import { type CardJson, fitText, renderCard } from './render';

/** Shown of what the user typed; the rest is cut (a 10 MB paste cannot travel back in a card). */
export const MAX_ECHO_CHARS = 6000;

/** Card fields that are not something the user typed. */
const NOT_TYPED = new Set([
  'verb',
  'view',
  'forumId',
  'meetingId',
  'followUpId',
  'itemNumber',
  'version',
  'roster',
  'owners',
  'suggested',
  'newRows',
  'proposalNumbers',
  'inputSuffix',
]);

/** What the user typed: a message's text, or the text inputs of a card form (in card order). */
export function typedText(userInput: string | Record<string, unknown>): string {
  if (typeof userInput === 'string') return userInput;
  return Object.entries(userInput)
    .filter(([k, v]) => !NOT_TYPED.has(k) && typeof v === 'string' && v.trim() !== '' && v !== 'true' && v !== 'false')
    .map(([, v]) => String(v))
    .join('\n\n');
}

/**
 * An error for the user, with what they typed handed back so nothing is lost. `message` is already in
 * the user's language (e.g. `t(locale, 'error.conflict')`).
 */
export function errorCard(locale: Locale, message: string, userInput?: string | Record<string, unknown>): CardJson {
  const typed = userInput === undefined ? '' : typedText(userInput);
  const shown = fitText(typed, MAX_ECHO_CHARS);
  return renderCard('error', {
    title: t(locale, 'card.error.title'),
    message,
    hasInput: typed.trim() !== '',
    inputLabel: t(locale, 'error.your-input'),
    input: shown,
    inputNote: shown.length < typed.length ? t(locale, 'card.error.inputShortened', { chars: typed.length }) : '',
  });
}
