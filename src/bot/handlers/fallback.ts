/**
 * Anything the bot does not understand gets the help card, never silence. Also the stand-in for a
 * command whose handler is not wired (it answers with help, never claims to have done anything).
 */
import { t } from '../../i18n';
import { reply } from '../outgoing';
import type { CommandHandler, TurnInfo } from '../types';
import { helpCardFor } from './help';

export const fallbackCommand: CommandHandler = async (ctx) => {
  await reply(ctx, { text: t(ctx.locale, 'bot.unknown-command'), cards: [helpCardFor(ctx.locale)] });
};

/** Sent when the app is installed: a greeting (in a team: how to set up) and the help card. */
export async function welcome(ctx: TurnInfo): Promise<void> {
  const key = ctx.conversation.kind === 'personal' ? 'bot.welcome.personal' : 'bot.welcome.team';
  const botName = ctx.turn.activity.recipient?.name || 'bot';
  await reply(ctx, { text: t(ctx.locale, key, { bot: botName }), cards: [helpCardFor(ctx.locale)] });
}
