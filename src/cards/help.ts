import type { Locale } from '../domain';
import { t } from '../i18n';
import { type CardJson, renderCard } from './render';

/** A chat command as the help card lists it; texts already in the user's language. */
export interface HelpCommand {
  /** The command word, e.g. "dagsorden". */
  name: string;
  /** Other words that work, e.g. ["agenda"]. */
  aliases?: string[];
  description: string;
}

export function helpCard(locale: Locale, commands: readonly HelpCommand[]): CardJson {
  return renderCard('help', {
    title: t(locale, 'card.help.title'),
    intro: t(locale, 'card.help.intro'),
    commands: commands.map((c) => ({
      name: c.name,
      description: c.description,
      aliases: c.aliases?.length ? t(locale, 'card.help.aliases', { aliases: c.aliases.join(', ') }) : '',
    })),
  });
}
