/**
 * A reminder's send cut off after every storage call of the sweep (test/resilience/crash-points.ts):
 * the job claimed, the person's next reminder day planned, the card posted, the job recorded as
 * sent. The dying process sends nothing after its crash (a dead process posts nothing to Teams). The
 * restarted service sweeps once the dead one's lease has run out. Then: the reminder reached the
 * chief exactly once, the day's job is done with the message's id, and the reminder jobs still
 * pending are those a sweep without a crash leaves (the next reminder day planned).
 */
import type { Messenger } from '../../src/app/messenger';
import { AppError, type Job } from '../../src/domain';
import { reminderJobId } from '../../src/domain/scheduled-jobs';
import { scheduleRemindersFor } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import { createDelivery } from '../../src/scheduler/delivery';
import type { ForumBackup } from '../../src/store/ports';
import { TEST_BOT, TEST_TENANT, testRoster, USERS } from '../support/activities';
import { useAzurite } from '../support/azurite';
import type { Harness } from '../support/harness';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp } from '../scheduler/support';
import { brokenLines, type CrashScenario, crashEveryPoint } from './crash-points';
import { aDraftMeeting } from './support';

jest.setTimeout(180_000);

const azurite = useAzurite();
const fake = useFakeConnector({ roster: testRoster() });

const CHIEF = USERS.chiefCulture;
const CHAT = 'a:personal-chief-culture-reminders';
const LEASE_MS = 300_000;

interface Template {
  backup: ForumBackup;
  /** The first reminder's job and when it is due. */
  jobId: string;
  dueAt: Date;
}

interface Setup extends Template {
  /** What the fake connector had received before this crash point. */
  mark: number;
}

/** Teams as the dying process sees it: nothing more goes out once it is dead. */
function untilDead(inner: Messenger, dead: () => boolean): Messenger {
  // Refused as a request Teams will never take, so the dying delivery does not wait to retry it.
  const gone = () => new AppError('delivery-failed', 'the process is dead', { status: 400, permanent: true });
  const alive = <T>(call: () => Promise<T>): Promise<T> => (dead() ? Promise.reject(gone()) : call());
  return {
    send: (c, m) => alive(() => inner.send(c, m)),
    update: (c, id, m) => alive(() => inner.update(c, id, m)),
    ensurePersonal: (f, m) => alive(() => inner.ensurePersonal(f, m)),
  };
}

/** A sweep at the harness clock's time (SweepOptions.now unset, so the run's time is that clock). */
const sweep = (h: Harness, owner: string, messenger: Messenger = h.app.deps.messenger) =>
  sweepOnce(h.app.deps, { owner, leaseMs: LEASE_MS, delivery: createDelivery(messenger, { limits: { perConversation: [], global: [] } }) });

const pendingReminders = async (h: Harness, forumId: string) =>
  (await h.store.jobs.listByForum(forumId))
    .filter((j: Job) => j.kind === 'reminder' && j.status === 'pending')
    .map((j) => `${j.payload.date} ${j.dueAt}`)
    .sort();

let cleanPending: string[] | null = null;

const scenario: CrashScenario<Template, Setup> = {
  async template(h) {
    const forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    await h.store.conversations.save({
      conversationId: CHAT,
      kind: 'personal',
      tenantId: TEST_TENANT,
      userId: CHIEF.id,
      reference: {
        channelId: 'msteams',
        serviceUrl: h.fake.url,
        bot: { ...TEST_BOT },
        user: { id: CHIEF.id },
        conversation: { id: CHAT, conversationType: 'personal', tenantId: TEST_TENANT },
      },
      updatedAt: h.clock.now().toISOString(),
    });
    // Due in two weeks: reminded a week before, the day before and on the day (the chain).
    const followUp = aFollowUp(forum.id, 'fu-reminded', CHIEF.id, '2026-03-16', { meetingId: 'm-1', text: 'Kultur & Fritid laver en bemandingsplan' });
    await h.store.followUps.createMany([followUp]);
    await scheduleRemindersFor(h.app.deps, followUp);
    const [first] = (await h.store.jobs.listByForum(forum.id)).filter((j) => j.kind === 'reminder');
    expect(first.id).toBe(reminderJobId(CHIEF.id, String(first.payload.date)));
    return { backup: await h.store.exportForum(forum.id), jobId: first.id, dueAt: new Date(first.dueAt) };
  },
  async setUp(h, t) {
    await h.store.importForum(t.backup);
    return { ...t, mark: h.fake.sent().length };
  },
  async operate(h, s, dead) {
    h.clock.set(s.dueAt.toISOString());
    // The dead process's time is up: what it still holds (a record it keeps retrying) ends at once.
    const reaper = setInterval(() => dead() && h.clock.set(new Date(s.dueAt.getTime() + 2 * LEASE_MS).toISOString()), 10);
    try {
      return await sweep(h, 'dying', untilDead(h.app.deps.messenger, dead));
    } finally {
      clearInterval(reaper);
    }
  },
  // The next sweep, once the dead one's lease has run out.
  next(h, s) {
    h.clock.set(new Date(s.dueAt.getTime() + 2 * LEASE_MS).toISOString());
    return sweep(h, 'survivor');
  },
  async check(h, s) {
    const cards = h.fake
      .sent()
      .slice(s.mark)
      .filter((x) => x.kind !== 'update' && x.conversationId === CHAT);
    expect(cards.map((c) => JSON.stringify(c.activity).includes('Kultur & Fritid laver en bemandingsplan'))).toEqual([true]);
    const job = (await h.store.jobs.get(s.jobId))?.value;
    expect([job?.status, job?.sentActivityId]).toEqual(['done', cards[0].activityId]);
    const pending = await pendingReminders(h, s.backup.forum.id);
    cleanPending ??= pending;
    expect(pending).toEqual(cleanPending);
    expect(pending.length).toBeGreaterThan(0);
    expect((await h.store.jobs.listByForum(s.backup.forum.id)).filter((j) => j.status === 'claimed')).toEqual([]);
  },
};

test('a reminder cut off after any storage call of its sweep is sent exactly once by the next sweep', async () => {
  const run = await crashEveryPoint({ azurite, fake: () => fake }, scenario);
  console.log(`reminder send: ${run.calls} storage calls, ${run.points} crash points, ${run.broken.length} broken\n${brokenLines(run)}`);
  expect(run.broken).toEqual([]);
});
