/**
 * A card action (Action.Execute, or its Action.Submit fallback) → the verb table.
 * Order: known verb → data valid for the verb (H4's schemas) → the forum the card is about
 * (its `forumId`, same tenant, actor on the roster or in the forum's conversation) → the
 * verb's access rule → the handler. Errors become one error card (src/bot/errors.ts).
 */
import { isVerb, parseVerbData, type Verb, VERB_ACCESS } from '../cards/actions';
import { AppError, findMember } from '../domain';
import { errorCardFor } from './errors';
import { requireManager, requireRosterMember } from './roles';
import type { TurnInfo, VerbContext, VerbResult, VerbTable } from './types';

export type VerbOutcome = { kind: 'result'; result: VerbResult } | { kind: 'unknown-verb' } | { kind: 'error'; card: Record<string, unknown> };

export async function runVerb(
  info: TurnInfo,
  table: VerbTable,
  verb: string,
  data: unknown,
  replyToId: string | null,
  opts: { echoInput?: boolean } = {},
): Promise<VerbOutcome> {
  if (!isVerb(verb)) {
    info.log.info({ verb: verb.slice(0, 60) }, 'unknown card verb');
    return { kind: 'unknown-verb' };
  }
  try {
    const parsed = parseVerbData(verb, data);
    if (!parsed.ok) throw new AppError('invalid-input', parsed.error, { verb, ...(parsed.fields ? { fields: parsed.fields } : {}) });
    const scoped = await scopeToForum(info, parsed.data);
    checkAccess(scoped, verb);
    const ctx: VerbContext = { ...scoped, verb, data: parsed.data, replyToId };
    const handler = table[verb] as (c: VerbContext) => Promise<VerbResult>;
    const result = await handler(ctx);
    scoped.log.info({ verb, result: 'card' in result ? 'card' : 'message' }, 'card action handled');
    return { kind: 'result', result };
  } catch (e) {
    const echo = (opts.echoInput ?? true) && isRecord(data) ? data : undefined;
    return { kind: 'error', card: errorCardFor(info, e, `verb:${verb}`, echo) };
  }
}

/** The card's forum replaces the conversation's: in 1:1 chat a user may belong to several forums. */
async function scopeToForum(info: TurnInfo, data: unknown): Promise<TurnInfo> {
  const forumId = isRecord(data) && typeof data.forumId === 'string' ? data.forumId : null;
  if (!forumId || info.forum?.value.id === forumId) return info;
  const forum = await info.deps.store.forums.get(forumId);
  if (!forum) throw new AppError('not-found', 'The forum on the card does not exist', { forumId });
  const member = findMember(forum.value, info.actor.userId, info.actor.aadObjectId);
  const inItsConversation = forum.value.conversationId === info.conversation.id;
  const sameTenant = !forum.value.tenantId || !info.tenantId || forum.value.tenantId.toLowerCase() === info.tenantId.toLowerCase();
  if (!sameTenant || (!member && !inItsConversation)) {
    throw new AppError('forbidden', 'The card belongs to a forum the user is not part of', { forumId });
  }
  return { ...info, forum, member, locale: info.turn.activity.locale ? info.locale : forum.value.locale };
}

function checkAccess(info: TurnInfo, verb: Verb): void {
  const access = VERB_ACCESS[verb];
  if (access === 'manager') requireManager(info);
  else if (access === 'member') requireRosterMember(info);
  // 'setup', 'recipient', 'assignee', 'anyone': the handler knows who that is.
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
