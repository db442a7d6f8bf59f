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
    const scheduler = startScheduler(deps, { intervalMs: 20, owner: 'loop', delivery: delivery(deps.messenger), onSweep: (r) => sweeps.push(r.sent) });
    try {
      const digest = digestJobId('forum-loop', '2026-03-16', SECRETARY.userId);
      for (let i = 0; i < 100 && !(await store.jobs.get(digest)); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await store.jobs.get(digest))?.value.status).toBe('pending');
      await new Promise((r) => setTimeout(r, 100));
      expect(fake.cards(personalId(user))).toHaveLength(0);
      clock.set('2026-03-10T07:00:00Z');
      await fake.waitFor((f) => f.cards(personalId(user)).length === 1, 5000);
    } finally {
      await scheduler.stop();
    }
    expect(sweeps).toContain(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(fake.cards(personalId(user))).toHaveLength(1);
  });
});
