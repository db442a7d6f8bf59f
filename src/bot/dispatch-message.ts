/**
 * A chat message → what it asks for:
 *  1. an Action.Submit fallback (`value.verb`) → the verb table, answered with a new message;
 *  2. a file (Teams file download info) or a pasted agenda (as the importer recognises one) → agenda import;
 *  3. a command word (Danish or English) → the command table;
 *  4. anything else → the fallback (help card), never silence.
 */
import { AppError } from '../domain';
import { looksLikeAgenda } from '../minutes/recognise';
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
    const pasted = pastedText(text, attachments);
    if (attachments.some((x) => x.contentType === FILE_DOWNLOAD_INFO) || looksLikeAgenda(pasted)) {
      doing = 'import-agenda';
      info.log.info({ doing, files: attachments.filter((x) => x.contentType === FILE_DOWNLOAD_INFO).length, chars: pasted.length }, 'message routed');
      return await routes.importAgenda({ ...base, args: pasted });
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
  else if (outcome.kind === 'unknown-verb')
    await replyCard(info, errorCardFor(info, new AppError('invalid-input', 'unknown action', { messageKey: 'bot.unknown-verb' }), 'verb:unknown'));
  else if ('card' in outcome.result) await replyCard(info, outcome.result.card);
  else await reply(info, { text: outcome.result.message });
}

/** The bot's @mention removed, line breaks kept (an agenda's lines matter). */
export function stripMentions(text: string): string {
  return text.replace(/<at>[\s\S]*?<\/at>/gi, ' ').trim();
}

/**
 * What a pasted message says, for the agenda import: Teams sends the message's formatting as a
 * `text/html` attachment beside the plain `text`; the HTML keeps what the plain text loses (list
 * numbers, headings, table cells), so it is read when it is there.
 */
export function pastedText(text: string, attachments: readonly { contentType: string; content: unknown }[]): string {
  const html = attachments.find((x) => x.contentType === 'text/html' && typeof x.content === 'string' && x.content.trim() !== '');
  return stripMentions(html ? String(html.content) : text);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
