/**
 * Setting up a forum in a team channel (or group chat):
 * - command "opsæt"/"setup": the set-up card with the team roster (paged members), prefilled with
 *   the current forum, or with the person asking as secretary when there is none yet;
 * - verb `forum.setup`: creates the forum, or (secretary/chair only) updates it with its ETag.
 * Anyone may set up a channel that has no forum; afterwards only its secretary or chair.
 */
import { createHash } from 'node:crypto';
import { setupCard } from '../../cards/setup';
import { AppError, canManageMeetings, DEFAULT_REMINDER_POLICY, type Forum, type Member } from '../../domain';
import { t } from '../../i18n';
import type { Versioned } from '../../store/ports';
import { reply, replyCard } from '../outgoing';
import { fetchRoster, type RosterPerson } from '../roster';
import type { CommandHandler, TurnInfo, VerbHandlerFor } from '../types';

export const setupCommand: CommandHandler = async (ctx) => {
  checkMaySetUp(ctx);
  const roster = await fetchRoster(ctx.turn);
  await replyCard(ctx, setupCard(toEntries(roster), ctx.locale, ctx.forum?.value ?? draftForum(ctx)));
};

export const setupVerb: VerbHandlerFor<'forum.setup'> = async (ctx) => {
  checkMaySetUp(ctx);
  const roster = await fetchRoster(ctx.turn);
  const existing = ctx.forum;
  const forum = buildForum(ctx, ctx.data, roster, existing?.value ?? null);
  const { saved, unchanged } = await saveOrDetectRetry(ctx, forum, existing);
  if (unchanged) {
    // A Teams retry, a second click or an unchanged form: the channel has its confirmation already.
    ctx.log.info({ forumId: saved.value.id }, 'forum set-up unchanged');
    return { card: setupCard(toEntries(roster), ctx.locale, saved.value) };
  }
  const secretary = saved.value.members.find((m) => m.role === 'secretary')?.name ?? '';
  const chair = saved.value.members.find((m) => m.role === 'chair')?.name ?? '';
  const params = { name: saved.value.name, secretary, chair, count: saved.value.members.length };
  await reply(ctx, { text: t(ctx.locale, existing ? 'bot.setup.updated' : 'bot.setup.created', params) });
  ctx.log.info({ forumId: saved.value.id, members: saved.value.members.length, updated: !!existing }, 'forum set up');
  return { card: setupCard(toEntries(roster), ctx.locale, saved.value) };
};

function checkMaySetUp(ctx: TurnInfo): void {
  if (ctx.conversation.kind === 'personal') {
    throw new AppError('invalid-input', 'Set-up runs in a team channel or group chat', { messageKey: 'bot.setup.only-in-team' });
  }
  if (ctx.forum && !canManageMeetings(ctx.member)) {
    throw new AppError('forbidden', 'Only the secretary or chair may change the forum', { forumId: ctx.forum.value.id, messageKey: 'bot.setup.refused' });
  }
}

function toEntries(roster: RosterPerson[]) {
  return roster.map((p) => ({ userId: p.userId, name: p.name }));
}

/** What the card shows before the first set-up: the person asking as secretary. */
function draftForum(ctx: TurnInfo): Forum {
  const me: Member = { userId: ctx.actor.userId, aadObjectId: ctx.actor.aadObjectId, name: ctx.actor.name, department: null, role: 'secretary' };
  return { ...newForumShell(ctx), members: [me] };
}

function newForumShell(ctx: TurnInfo): Forum {
  return {
    id: forumIdFor(ctx.tenantId, ctx.conversation.id),
    tenantId: ctx.tenantId,
    name: '',
    conversationId: ctx.conversation.id,
    members: [],
    departments: [],
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY },
    locale: ctx.locale,
    createdAt: ctx.deps.clock.now().toISOString(),
  };
}

/** One forum per conversation: a second, concurrent first set-up fails with 'conflict' instead of making two. */
export function forumIdFor(tenantId: string, conversationId: string): string {
  return `f-${createHash('sha256').update(`${tenantId}|${conversationId}`).digest('hex').slice(0, 20)}`;
}

type SetupData = Parameters<typeof setupVerb>[0]['data'];

function buildForum(ctx: TurnInfo, data: SetupData, roster: RosterPerson[], existing: Forum | null): Forum {
  if (data.secretaryUserId === data.chairUserId) {
    throw new AppError('invalid-input', 'Secretary and chair are the same person', { messageKey: 'bot.setup.same-person' });
  }
  const departmentOf = new Map(data.members.map((m) => [m.userId, m.department]));
  const roleOf = (userId: string): Member['role'] => (userId === data.secretaryUserId ? 'secretary' : userId === data.chairUserId ? 'chair' : 'member');
  const ids = [...new Set([data.secretaryUserId, data.chairUserId, ...data.members.map((m) => m.userId)])];
  const members = ids.map((userId): Member => {
    const person = roster.find((p) => p.userId === userId) ?? existing?.members.find((m) => m.userId === userId);
    if (!person) throw new AppError('invalid-input', 'A chosen person is not on the team roster', { messageKey: 'bot.setup.unknown-person' });
    return { userId, aadObjectId: person.aadObjectId, name: person.name, department: departmentOf.get(userId) ?? null, role: roleOf(userId) };
  });
  const departments = [...new Set(members.map((m) => m.department).filter((d): d is string => !!d))];
  const base = existing ?? newForumShell(ctx);
  return { ...base, name: data.forumName, members, departments };
}

/** True when `stored` already is what the set-up form asks for. */
function setsUp(stored: Forum, forum: Forum): boolean {
  const shape = (f: Forum) => JSON.stringify({ name: f.name, members: f.members, departments: f.departments });
  return stored.id === forum.id && shape(stored) === shape(forum);
}

/**
 * Saves the forum unless it already is what the form asks for (a redelivered or repeated submit,
 * also one still running when the retry came: its create or update wins, and this one sees it).
 */
async function saveOrDetectRetry(ctx: TurnInfo, forum: Forum, existing: Versioned<Forum> | null): Promise<{ saved: Versioned<Forum>; unchanged: boolean }> {
  if (existing && setsUp(existing.value, forum)) return { saved: existing, unchanged: true };
  try {
    return { saved: await save(ctx, forum, existing), unchanged: false };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    const now = await ctx.deps.store.forums.get(forum.id);
    if (now && setsUp(now.value, forum)) return { saved: now, unchanged: true };
    throw e;
  }
}

async function save(ctx: TurnInfo, forum: Forum, existing: Versioned<Forum> | null): Promise<Versioned<Forum>> {
  const saved = existing ? await ctx.deps.store.forums.update(forum, existing.etag) : await ctx.deps.store.forums.create(forum);
  await ctx.deps.store.audit.append({
    forumId: forum.id,
    at: ctx.deps.clock.now().toISOString(),
    actorUserId: ctx.actor.userId,
    action: existing ? 'forum.update' : 'forum.create',
    target: `forum:${forum.id}`,
    before: existing ? rosterSummary(existing.value) : null,
    after: rosterSummary(forum),
  });
  return saved;
}

function rosterSummary(f: Forum) {
  return { name: f.name, members: f.members.map((m) => ({ userId: m.userId, role: m.role, department: m.department })) };
}
