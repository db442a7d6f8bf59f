/** The service's scheduler loop: sweeps on its interval, schedules the forums' recurring jobs, stops cleanly. */
import { FixedClock } from '../../src/domain';
import { digestJobId } from '../../src/domain/scheduled-jobs';
import { reminderJob } from '../../src/app/reminders';
import { startScheduler } from '../../src/scheduler/runner';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, botMessenger, chief, delivery, depsFor, personalChat, personalId, SECRETARY } from './support';

const az = useAzurite();
const fake = useFakeConnector();

describe('the scheduler loop', () => {
  it('sends what falls due while it runs, schedules the weekly digest, and stops without losing a job', async () => {
    const store = await az.newStore();
    const clock = new FixedClock('2026-03-10T06:00:00Z');
    const deps = depsFor(store, clock, botMessenger(store, clock));
    const user = chief(1).userId;
    await store.forums.create(aForum('forum-loop'));
    await store.conversations.save(personalChat(fake, user));
    await store.followUps.createMany([aFollowUp('forum-loop', 'loop-1', user, '2026-03-10')]);
    await store.jobs.schedule(reminderJob(user, '2026-03-10', new Date('2026-03-10T07:00:00Z'), 'forum-loop'));

    const sweeps: number[] = [];
    const waiting: (() => void)[] = [];
    /** Resolves when `n` more sweeps have finished (each one a full look at what is due). */
    const sweepsDone = (n: number): Promise<void> => {
      const target = sweeps.length + n;
      return new Promise((resolve) => {
        const check = () => (sweeps.length >= target ? resolve() : waiting.push(check));
        check();
      });
    };
    const onSweep = (r: { sent: number }) => {
      sweeps.push(r.sent);
      for (const w of waiting.splice(0)) w();
    };
    const scheduler = startScheduler(deps, { intervalMs: 20, owner: 'loop', delivery: delivery(deps.messenger), onSweep });
    try {
      await sweepsDone(1); // the recurring jobs are ensured before the first sweep
      const digest = digestJobId('forum-loop', '2026-03-16', SECRETARY.userId);
      expect((await store.jobs.get(digest))?.value.status).toBe('pending');
      await sweepsDone(2); // two sweeps saw the reminder before it was due (06:00, due 07:00)
      expect(fake.cards(personalId(user))).toHaveLength(0);
      clock.set('2026-03-10T07:00:00Z');
      await fake.waitFor((f) => f.cards(personalId(user)).length === 1, 5000);
    } finally {
      await scheduler.stop();
    }
    expect(sweeps).toContain(1);
    // stop() resolved after the loop ended: the job is acknowledged and was sent once.
    expect((await store.jobs.get(reminderJob(user, '2026-03-10', clock.now(), 'forum-loop').id))?.value.status).toBe('done');
    expect(fake.cards(personalId(user))).toHaveLength(1);
  });
});
