/** Each person's language: their own choice ("sprog dansk"), else what the caller knows (client, forum). */
import type { Locale } from '../domain';
import type { AppDeps } from './deps';

/** The language to use for `userId`: the stored choice, else `fallback`. */
export async function personLocale(deps: Pick<AppDeps, 'store'>, userId: string, fallback: Locale): Promise<Locale> {
  if (!userId) return fallback;
  return (await deps.store.conversations.getLocale(userId)) ?? fallback;
}

/** Parses "dansk", "english", "auto"... : a language, null for "as my Teams" (forget the choice), or undefined. */
export function parseLanguage(word: string): Locale | null | undefined {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (['dansk', 'danish', 'da', 'da-dk'].includes(w)) return 'da';
  if (['engelsk', 'english', 'en', 'en-us', 'en-gb'].includes(w)) return 'en';
  if (['auto', 'automatisk', 'automatic', 'teams'].includes(w)) return null;
  return undefined;
}
