/** The page's own texts, from the side panel's catalog (src/i18n/messages/tab.ts, bundled). */
import type { Locale } from '../../domain/forum';
import { tab } from '../../i18n/messages/tab';

export type { Locale };

/** Teams sends locales like "en-US", "da-DK": anything English is English, the rest Danish (as src/i18n). */
export function localeOf(teamsLocale: string | undefined | null): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'da';
}

export function t(locale: Locale, key: string): string {
  return tab[locale][key] ?? tab.da[key] ?? key;
}
