/**
 * User-facing text. Danish by default, English when the Teams client's locale is English.
 * Each area keeps its messages in `messages/<area>.ts` as `{ da: {...}, en: {...} }` with the same keys.
 */
import type { Locale } from '../domain';
import { catalogs } from './messages';

export type Params = Record<string, string | number>;

const merged: Record<Locale, Record<string, string>> = { da: {}, en: {} };
for (const c of catalogs) {
  Object.assign(merged.da, c.da);
  Object.assign(merged.en, c.en);
}

/** Translates `key`, filling `{name}` placeholders; an unknown key returns the key itself. */
export function t(locale: Locale, key: string, params: Params = {}): string {
  const template = merged[locale][key] ?? merged.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Teams sends locales like "en-US", "da-DK"; anything English is English, the rest Danish. */
export function localeOf(teamsLocale: string | undefined | null): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'da';
}

/** All keys of both languages, for the test that every key exists in both. */
export function allKeys(): { da: string[]; en: string[] } {
  return { da: Object.keys(merged.da), en: Object.keys(merged.en) };
}
