/**
 * A service process killed with SIGKILL in the middle of a sweep. The sweep runs in a child process
 * (the real CLI, `followup sweep --now …`, against this test's Azurite over TCP and this test's fake
 * Bot Connector); once it has delivered some of 240 due reminders it is killed with kill -9, and a
 * fresh process sweeps after the dead one's leases have run out.
 *
 * What must hold: no reminder is lost; no reminder whose send the dead process had recorded is sent
 * again. The one window the send-once protocol leaves (src/scheduler/job-run.ts): a send Teams had
 * accepted but the dead process had not yet recorded can repeat, so a repeat is allowed only for
 * those, and there can be at most as many as the sweep had in flight (its concurrency, 8).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { reminderJob } from '../../src/app/reminders';
import type { Store } from '../../src/store/ports';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, aMeeting, inParallel, personalChat, personalId, sendsPerConversation } from '../scheduler/support';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '..', '..');
const USERS = Array.from({ length: 240 }, (_, i) => `29:killed-sweep-${i}`);
const DAY = '2026-03-10';
const DUE = new Date('2026-03-10T07:00:00Z'); // 08:00 in Copenhagen
const SWEEP_CONCURRENCY = 8;

const az = useAzurite();
const fake = useFakeConnector();

/** `followup sweep --now <now> --owner <owner>` in its own process, as the service's sweep would run. */
function sweepProcess(now: Date, owner: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', 'sweep', '--now', now.toISOString(), '--owner', owner], {
    cwd: ROOT,
    env: { AZURE_STORAGE_CONNECTION_STRING: az.connectionString, LOG_LEVEL: 'error', PATH: '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function seed(store: Store): Promise<void> {
  await store.forums.create(aForum('forum-killed'));
  await store.meetings.create(aMeeting('forum-killed', 'm-1', '2026-03-03'));
  await store.followUps.createMany(USERS.map((u, i) => aFollowUp('forum-killed', `fu-killed-${i}`, u, DAY)));
  await inParallel(USERS, 16, async (u) => {
    await store.conversations.save(personalChat(fake, u));
    await store.jobs.schedule(reminderJob(u, DAY, DUE, 'forum-killed'));
  });
}

const remindersTo = (u: string): number => sendsPerConversation(fake).get(personalId(u)) ?? 0;

test('after kill -9 mid-sweep, the next process delivers every reminder, and nothing recorded as sent is sent again', async () => {
  const store = await az.newStore({ tablePrefix: '' }); // the CLI's store has no prefix
  await seed(store);

  const first = sweepProcess(DUE, 'doomed');
  await fake.waitFor((f) => f.sent().length >= 40 || first.child.exitCode !== null, 60_000);
  expect(first.child.exitCode).toBeNull(); // still sweeping
  first.child.kill('SIGKILL');
  expect(await first.exited).toBeNull();

  const deliveredAtKill = new Set(USERS.filter((u) => remindersTo(u) > 0));
  const jobs = (await store.jobs.listByForum('forum-killed')).filter((j) => j.kind === 'reminder' && j.payload.date === DAY);
  const recorded = new Set(jobs.filter((j) => j.sentActivityId).map((j) => String(j.payload.userId)));
  const inFlightAtKill = [...deliveredAtKill].filter((u) => !recorded.has(u));
  expect(deliveredAtKill.size).toBeGreaterThanOrEqual(40);
  expect(deliveredAtKill.size).toBeLessThan(USERS.length);
  expect(inFlightAtKill.length).toBeLessThanOrEqual(SWEEP_CONCURRENCY);

  // Another instance, after the dead one's 5-minute leases.
  const second = sweepProcess(new Date(DUE.getTime() + 10 * 60_000), 'survivor');
  expect(await second.exited).toBe(0);
  const result = JSON.parse(second.output().trim().split('\n').pop() ?? '{}') as { claimed: number; sent: number; failed: number };
  expect(result.failed).toBe(0);

  const lost = USERS.filter((u) => remindersTo(u) === 0);
  const doubled = USERS.filter((u) => remindersTo(u) > 1);
  expect(lost).toEqual([]);
  expect(doubled.filter((u) => !inFlightAtKill.includes(u))).toEqual([]);
  expect(USERS.filter((u) => remindersTo(u) > 2)).toEqual([]);
  const after = (await store.jobs.listByForum('forum-killed')).filter((j) => j.kind === 'reminder' && j.payload.date === DAY);
  expect(after.map((j) => j.status)).toEqual(USERS.map(() => 'done'));
  console.log(
    `kill -9 mid-sweep: ${deliveredAtKill.size} of ${USERS.length} delivered before the kill, ${recorded.size} recorded, ${inFlightAtKill.length} accepted by Teams but unrecorded (sent again: ${doubled.length}); the survivor sent ${result.sent}`,
  );
});
