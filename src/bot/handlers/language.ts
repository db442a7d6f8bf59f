/**
 * "sprog dansk" / "language english": the language the bot uses with this person from now on, in
 * every answer and every card it sends them (reminders, check-ins, the digest); "sprog auto" goes
 * back to the Teams client's language. Channel posts keep the forum's language.
 */
import { parseLanguage } from '../../app/person-locale';
import { AppError } from '../../domain/errors';
import { localeOf, t } from '../../i18n';
import { reply } from '../outgoing';
import type { CommandHandler } from '../types';

export const languageCommand: CommandHandler = async (ctx) => {
  const word = ctx.args.trim();
  if (!word) {
    await reply(ctx, { text: t(ctx.locale, 'language.current', { language: t(ctx.locale, `language.name.${ctx.locale}`) }) });
    return;
  }
  const chosen = parseLanguage(word);
  if (chosen === undefined) throw new AppError('invalid-input', 'unknown language', { messageKey: 'language.unknown' });
  await ctx.deps.store.conversations.setLocale(ctx.actor.userId, chosen);
  const now = chosen ?? localeOf(ctx.turn.activity.locale);
  await reply(ctx, { text: t(now, chosen ? 'language.set' : 'language.auto') });
};
