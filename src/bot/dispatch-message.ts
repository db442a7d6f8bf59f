/**
 * A chat message → what it asks for:
 *  1. an Action.Submit fallback (`value.verb`) → the verb table, answered with a new message;
 *  2. a file (Teams file download info) or a long pasted agenda → agenda import;
 *  3. a command word (Danish or English) → the command table;
 *  4. anything else → the fallback (help card), never silence.
 */
import { AppError } from '../domain';
import { mayShowClosed, whereFor } from '../domain/visibility';
import { cleanText, type CommandName, MANAGER_COMMANDS, matchCommand } from './command-words';
import { runVerb } from './dispatch-verb';
import { errorCardFor } from './errors';
import { reply, replyCard } from './outgoing';
import { requireManager } from './roles';
import type { CommandContext, CommandHandler, TurnInfo, VerbTable } from './types';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface MessageRoutes {
  commands: Record<CommandName, CommandHandler>;
  importAgenda: CommandHandler;
  fallback: CommandHandler;
  verbs: VerbTable;
}

export async function dispatchMessage(info: TurnInfo, routes: MessageRoutes): Promise<void> {
  const a = info.turn.activity;
  if (isRecord(a.value) && typeof a.value.verb === 'string') return submitFallback(info, routes.verbs, a.value);
  const text = typeof a.text === 'string' ? a.text : '';
  const attachments = (Array.isArray(a.attachments) ? a.attachments : []).map((x) => ({
    contentType: String(x.contentType ?? ''),
    content: x.content as unknown,
    contentUrl: x.contentUrl,
    name: x.name,
  }));
  const base: CommandContext = { ...info, args: '', attachments };
  let doing = 'command:fallback';
  try {
    if (attachments.some((x) => x.contentType === FILE_DOWNLOAD_INFO) || looksLikeAgenda(text)) {
      doing = 'import-agenda';
      info.log.info({ doing, files: attachments.filter((x) => x.contentType === FILE_DOWNLOAD_INFO).length, chars: text.length }, 'message routed');
      return await routes.importAgenda({ ...base, args: stripMentions(text) });
    }
    const match = matchCommand(text);
    if (!match) {
      info.log.info({ doing, chars: text.length }, 'message routed');
      return await routes.fallback({ ...base, args: cleanText(text) });
    }
    doing = `command:${match.name}`;
    info.log.info({ doing }, 'message routed');
    if (MANAGER_COMMANDS.has(match.name)) requireManager(info);
    await routes.commands[match.name]({ ...base, args: match.args });
  } catch (e) {
    const typed = text.length > 0 ? stripMentions(text) : undefined;
    await replyCard(info, errorCardFor(info, e, doing, typed));
  }
}

/**
 * Clients without Universal Actions send Action.Submit: the verb's result arrives as a new message,
 * which everyone in a channel sees. So outside 1:1 chat an error does not echo the card's inputs
 * (they may be a closed item's decision); the user still has them in the card.
 */
async function submitFallback(info: TurnInfo, verbs: VerbTable, value: Record<string, unknown>): Promise<void> {
  const { verb, ...data } = value;
  const outcome = await runVerb(info, verbs, String(verb), data, info.turn.activity.replyToId ?? null, {
    echoInput: mayShowClosed(whereFor(info.conversation.kind)),
  });
  if (outcome.kind === 'error') await replyCard(info, outcome.card);
  else if (outcome.kind === 'unknown-verb') await replyCard(info, errorCardFor(info, new AppError('invalid-input', 'unknown action', { messageKey: 'bot.unknown-verb' }), 'verb:unknown'));
  else if ('card' in outcome.result) await replyCard(info, outcome.result.card);
  else await reply(info, { text: outcome.result.message });
}

/** The bot's @mention removed, line breaks kept (an agenda's lines matter). */
export function stripMentions(text: string): string {
  return text.replace(/<at>[\s\S]*?<\/at>/gi, ' ').trim();
}

/** A pasted agenda: several lines, and numbered items or an agenda/minutes heading. */
export function looksLikeAgenda(text: string): boolean {
  const lines = text.split(/\r?\n|<br\s*\/?>|<\/p>|<\/div>/i).filter((l) => l.trim() !== '');
  if (lines.length < 4) return false;
  const items = text.match(/\bpunkt\s*\d+\s*[:.]/gi)?.length ?? 0;
  return items >= 2 || /^\W*(dagsorden|referat|agenda)\b/im.test(text) || (text.length > 1500 && lines.length >= 10);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
