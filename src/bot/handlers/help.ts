/** "hjælp" / "help": the commands in the user's language; also the answer to anything unknown. */
import { type HelpCommand, helpCard } from '../../cards/help';
import type { Locale } from '../../domain';
import { t } from '../../i18n';
import { COMMAND_NAMES, COMMAND_WORDS } from '../command-words';
import { reply } from '../outgoing';
import type { CommandHandler } from '../types';

/** The command list for the help card: the word in the user's language first, the other language's as alias. */
export function helpCommands(locale: Locale): HelpCommand[] {
  const other: Locale = locale === 'da' ? 'en' : 'da';
  const commands = COMMAND_NAMES.map((name) => ({
    name: COMMAND_WORDS[name][locale][0],
    aliases: [COMMAND_WORDS[name][other][0]],
    description: t(locale, `bot.command.${name}`),
  }));
  return [...commands, { name: t(locale, 'bot.agendaImport.name'), description: t(locale, 'bot.command.agendaImport') }];
}

export function helpCardFor(locale: Locale): Record<string, unknown> {
  return helpCard(locale, helpCommands(locale));
}

export const helpCommand: CommandHandler = async (ctx) => {
  await reply(ctx, { cards: [helpCardFor(ctx.locale)], summary: t(ctx.locale, 'bot.command.help') });
};
