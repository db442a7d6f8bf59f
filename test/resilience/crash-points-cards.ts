/**
 * Deterministic crash points for a click that posts many cards ("Udsend nu", "Afslut møde"): the
 * service under test reaches storage through test/support/crash-proxy.ts, which lets k calls through
 * and then cuts it off; a fresh service on the same tables (and the same fake Teams) then does what
 * the product does after a crash: its sweep, a minute later, and a second click when the first one
 * was not acknowledged. Each scenario gets fresh tables; scenarios run in a few lanes at once (each
 * lane its own fake Bot Connector), since a cut-off service spends most of its time waiting on
 * storage retries.
 */
import { type CrashMode, startCrashProxy } from '../support/crash-proxy';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector';
import { type Harness, startHarness, testForum } from '../support/harness';
import { testRoster, USERS } from '../support/activities';
import { uniqueTablePrefix } from '../support/azurite';
import type { Forum } from '../../src/domain';
import { sweepOnce } from '../../src/scheduler/sweep';

export const START = '2026-03-02T08:00:00Z';
/** When the fresh service looks: a minute after the crash (the work lease is 30 s). */
export const AFTER_CRASH = '2026-03-02T08:01:00Z';

/** The forum of the scenarios: the chair (a chief too), the secretary and one more chief. */
export async function seedSmallForum(h: Harness): Promise<Forum> {
  const keep = new Set([USERS.director.id, USERS.secretary.id, USERS.chiefCulture.id]);
  return h.seedForum({ members: testForum(START).members.filter((m) => keep.has(m.userId)) });
}

export interface Operation<S> {
  /** Before the click, on the service that will die (storage calls not counted). */
  setUp(h: Harness, forum: Forum): Promise<S>;
  /** The click, as Teams sends it. */
  click(h: Harness, forum: Forum, state: S): Record<string, unknown>;
  /** Text the click's answer has when the work was accepted. */
  acknowledged: string;
  /** False for what nobody sends again (Teams' meeting-end event): only the sweep may finish it. */
  retried?: boolean;
  /** Broken invariants (empty when all hold) and how many cards went out twice. */
  check(h: Harness, forum: Forum, state: S): Promise<{ broken: string[]; duplicates: number }>;
}

export interface Outcome {
  k: number;
  mode: CrashMode;
  broken: string[];
  duplicates: number;
}

/** The operation's storage calls (their HTTP methods) from the click until its background work has ended. */
export async function countCalls<S>(connectionString: string, op: Operation<S>): Promise<string[]> {
  const fake = await startFakeConnector({ roster: testRoster() });
  try {
    const proxy = await startCrashProxy(connectionString);
    const h = await startHarness({ connectionString: proxy.connectionString, fake, now: START, logLevel: 'silent', backgroundDrainMs: 30_000 });
    const forum = await seedSmallForum(h);
    const state = await op.setUp(h, forum);
    proxy.resetCount();
    await h.post(op.click(h, forum, state));
    await h.stop();
    const calls = proxy.methods();
    await proxy.close();
    return calls;
  } finally {
    await fake.close();
  }
}

async function scenario<S>(connectionString: string, fake: FakeConnector, op: Operation<S>, k: number, mode: CrashMode): Promise<Outcome> {
  fake.reset();
  const proxy = await startCrashProxy(connectionString);
  const tablePrefix = uniqueTablePrefix();
  const dying = await startHarness({ connectionString: proxy.connectionString, tablePrefix, fake, now: START, logLevel: 'silent', backgroundDrainMs: 30_000 });
  const forum = await seedSmallForum(dying);
  const state = await op.setUp(dying, forum);
  fake.reset();
  proxy.resetCount();
  proxy.arm(k, mode);
  const answer = await dying.post(op.click(dying, forum, state));
  await dying.stop(); // waits for its background run, which storage no longer answers
  await proxy.close();

  const fresh = await startHarness({ connectionString, tablePrefix, fake, now: AFTER_CRASH, logLevel: 'silent', backgroundDrainMs: 30_000 });
  try {
    await sweepOnce(fresh.app.deps, { owner: 'survivor' });
    if (op.retried !== false && !JSON.stringify(answer.body ?? '').includes(op.acknowledged)) {
      // The secretary saw an error (or nothing): they click again.
      await fresh.post(op.click(fresh, forum, state));
      await fresh.app.deps.background?.drain(30_000);
    }
    const { broken, duplicates } = await op.check(fresh, forum, state);
    return { k, mode, broken, duplicates };
  } finally {
    await fresh.stop();
  }
}

/**
 * Every k of the operation's calls 'after-answer', and every write 'lost-answer', `lanes` scenarios
 * at a time. A read whose answer is lost leaves storage and the connector as 'after-answer' at the
 * call before it does (the process had done nothing more), so those scenarios would repeat others.
 */
export async function everyCrashPoint<S>(connectionString: string, op: Operation<S>, calls: string[], lanes = 6): Promise<Outcome[]> {
  const todo: { k: number; mode: CrashMode }[] = calls.map((_, i) => ({ k: i + 1, mode: 'after-answer' }));
  calls.forEach((method, i) => {
    if (method !== 'GET') todo.push({ k: i + 1, mode: 'lost-answer' });
  });
  const outcomes: Outcome[] = [];
  const lane = async (): Promise<void> => {
    const fake = await startFakeConnector({ roster: testRoster() });
    try {
      for (let next = todo.shift(); next; next = todo.shift()) outcomes.push(await scenario(connectionString, fake, op, next.k, next.mode));
    } finally {
      await fake.close();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes.sort((a, b) => a.mode.localeCompare(b.mode) || a.k - b.k);
}

/** Card posts (not updates) per conversation; 1:1 chats (created now or before) are named by their user. */
export async function postsByConversation(h: Harness, forum: Forum): Promise<Map<string, number>> {
  const fake = h.fake;
  const userOf = new Map<string, string>();
  for (const c of fake.createdConversations()) {
    const user = Object.values(USERS).find((u) => JSON.stringify(c.params).includes(u.id));
    if (user) userOf.set(c.id, user.id);
  }
  for (const m of forum.members) {
    const personal = await h.store.conversations.getPersonal(m.userId);
    if (personal) userOf.set(personal.conversationId, m.userId);
  }
  const counts = new Map<string, number>();
  for (const s of fake.sent()) {
    if (s.kind !== 'send') continue;
    const where = userOf.get(s.conversationId) ?? s.conversationId;
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  return counts;
}

/** A short report line: how many scenarios broke, and how many posted a card twice. */
export function summarize(outcomes: Outcome[]): string {
  const broken = outcomes.filter((o) => o.broken.length > 0);
  const twice = outcomes.filter((o) => o.duplicates > 0);
  const lines = broken.slice(0, 10).map((o) => `  k=${o.k} ${o.mode}: ${o.broken.join('; ')}`);
  return [`${outcomes.length} crash points: ${broken.length} broken, ${twice.length} with one card posted twice`, ...lines].join('\n');
}
