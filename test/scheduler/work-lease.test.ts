/**
 * The publish and close jobs' short lease (src/scheduler/work-lease.ts): a run holds its job for
 * 30 s, not the sweep's 5 minutes, so a run that died is taken over a minute later; and a run whose
 * job another instance has taken stops before its next post.
 */
import { publishJobId, scheduleAgenda } from '../../src/app/schedule-agenda';
import { sweepOnce } from '../../src/scheduler/sweep';
import { WORK_LEASE_MS } from '../../src/app/jobs';
import { actor, aMeeting, FORUM_ID, members, useWorld } from '../app/world';

const world = useWorld();
const sends = (r: { kind: string }) => r.kind === 'send';

async function scheduledAgenda(w: Awaited<ReturnType<typeof world>>): Promise<void> {
  await w.store.meetings.create(aMeeting());
  await scheduleAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), at: { date: '2026-03-02', time: '10:00' } });
  w.clock.set('2026-03-02T09:00:00Z'); // due
}

it('a scheduled publication claimed by the sweep holds its job for 30 s, not 5 minutes', async () => {
  const w = await world();
  await scheduledAgenda(w);
  w.fake.delayNext(1, 1500, sends); // the first card is slow: look at the job meanwhile
  const sweep = sweepOnce(w.deps, { owner: 'sweeper' });
  await w.fake.waitFor((f) => f.received() > 0, 10_000);
  const during = (await w.store.jobs.get(publishJobId('meeting-1')))?.value;
  expect(during?.status).toBe('claimed');
  expect(Date.parse(during!.leaseUntil!) - w.clock.now().getTime()).toBe(WORK_LEASE_MS);
  expect((await sweep).completed).toBe(1);
  expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
});

it('the instance that takes over a stalled publication finishes it itself; the stalled run stops before its next post', async () => {
  const w = await world();
  await scheduledAgenda(w);
  w.fake.delayNext(1, 1500, sends);
  const first = sweepOnce(w.deps, { owner: 'stalled' });
  await w.fake.waitFor((f) => f.received() > 0, 10_000);
  // The stalled run's lease has run out (the clock jumps past it); another instance claims the job.
  w.clock.set('2026-03-02T09:00:31Z');
  const second = await sweepOnce(w.deps, { owner: 'taker' });
  expect(second.completed).toBe(1);
  // Out and published while the stalled run still waits on its slow card.
  expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
  expect((await first).lost).toBe(1);
  // Overview + 4 items once each; only the card the stalled run was sending when it lost the job twice.
  expect(w.channelPayloads()).toHaveLength(5 + 1);
  for (const n of [1, 2, 4]) expect(w.channelPayloads().filter((p) => p.includes(`Anledning til punkt ${n}.`))).toHaveLength(1);
});
