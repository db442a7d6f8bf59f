/**
 * Crash points for one operation, every k (test/support/crash-proxy.ts): for each k and both modes,
 * fresh tables; the service that is going to die is set up through the (unarmed) proxy, armed, does
 * the operation (its answer is ignored: it is dead) and is stopped; a fresh service on the same
 * tables, straight to Azurite and posting to the same fake Teams, does what comes next (the click
 * again, a sweep) and the test checks the invariants there. One Azurite and one fake connector serve
 * the whole file; only the app restarts. What every k starts from (a published agenda, say) is made
 * once (`template`) and copied into each k's tables (`setUp`, e.g. a forum backup imported).
 */
import type { AzuriteFixture } from '../support/azurite';
import { uniqueTablePrefix } from '../support/azurite';
import { type CrashMode, startCrashProxy } from '../support/crash-proxy';
import type { FakeConnector } from '../support/fake-connector';
import { type Harness, startHarness } from '../support/harness';
import type { ForumBackup } from '../../src/store/ports';
import { aDraftMeeting, publish } from './support';

export interface CrashScenario<T, S> {
  /** Once per file, on a service with tables of its own: what every k starts from. */
  template(h: Harness): Promise<T>;
  /** Brings fresh tables to the point just before the operation (through the service that will die). */
  setUp(h: Harness, template: T, label: string): Promise<S>;
  /**
   * The operation whose storage calls are counted and cut. `dead()` turns true at the crash: from then
   * on the process would do nothing at all (the proxy only cuts its storage; Teams is the scenario's).
   */
  operate(h: Harness, s: S, dead: () => boolean): Promise<unknown>;
  /** What the user or the system does next, on the restarted service; returns what the checks need. */
  next(h: Harness, s: S): Promise<unknown>;
  /** Throws (expect) when an invariant is broken. */
  check(h: Harness, s: S, next: unknown): Promise<void>;
}

export interface CrashRun {
  /** Storage calls of the operation without a crash. */
  calls: number;
  /** Every crash point that broke an invariant, with the first failed expectation. */
  broken: { k: number; mode: CrashMode; error: string }[];
  points: number;
}

/** One line per broken crash point, for the test's log. */
export function brokenLines(run: CrashRun): string {
  return run.broken.map((b) => `  ${b.mode} k=${b.k}: ${b.error.slice(0, 160)}`).join('\n');
}

export interface CrashEnv {
  azurite: AzuriteFixture;
  fake: () => FakeConnector;
}

async function once<T, S>(
  env: CrashEnv,
  scenario: CrashScenario<T, S>,
  template: T,
  arm: { k: number; mode: CrashMode } | null,
): Promise<{ calls: number; error: string | null }> {
  const proxy = await startCrashProxy(env.azurite.connectionString);
  const tablePrefix = uniqueTablePrefix();
  const fake = env.fake();
  const dying = await startHarness({ connectionString: proxy.connectionString, tablePrefix, fake, logLevel: 'silent', backgroundDrainMs: 200 });
  let calls = 0;
  let stopped = false;
  try {
    const s = await scenario.setUp(dying, template, arm ? `${arm.mode} ${arm.k}` : 'clean');
    proxy.resetCount();
    if (arm) proxy.arm(arm.k, arm.mode);
    await scenario.operate(dying, s, () => proxy.crashed()).catch(() => undefined);
    calls = proxy.calls();
    stopped = true;
    await dying.stop();
    await proxy.close();
    const fresh = await startHarness({ connectionString: env.azurite.connectionString, tablePrefix, fake, logLevel: 'silent' });
    try {
      const next = await scenario.next(fresh, s);
      await scenario.check(fresh, s, next);
      return { calls, error: null };
    } catch (e) {
      return { calls, error: e instanceof Error ? e.message.split('\n').slice(0, 6).join(' ') : String(e) };
    } finally {
      await fresh.stop();
    }
  } finally {
    if (!stopped) await dying.stop();
    await proxy.close();
  }
}

/** Runs the operation once cleanly (its calls N must pass the checks), then crashes it after every k in 1..N. */
export async function crashEveryPoint<T, S>(
  env: CrashEnv,
  scenario: CrashScenario<T, S>,
  modes: CrashMode[] = ['after-answer', 'lost-answer'],
): Promise<CrashRun> {
  const maker = await startHarness({ connectionString: env.azurite.connectionString, fake: env.fake(), logLevel: 'silent' });
  const template = await scenario.template(maker).finally(() => maker.stop());
  const clean = await once(env, scenario, template, null);
  if (clean.error) throw new Error(`the operation without a crash fails its own checks: ${clean.error}`);
  const broken: CrashRun['broken'] = [];
  let points = 0;
  for (const mode of modes) {
    for (let k = 1; k <= clean.calls; k++) {
      points++;
      const { error } = await once(env, scenario, template, { k, mode });
      if (error) broken.push({ k, mode, error });
    }
  }
  return { calls: clean.calls, broken, points };
}

/** A scenario's starting point: the test forum with meeting 'm-1' published, as a backup to import into fresh tables. */
export async function publishedMeetingTemplate(h: Harness): Promise<ForumBackup> {
  const forum = await h.seedForum();
  await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
  await publish(h, forum, 'm-1');
  return h.store.exportForum(forum.id);
}
