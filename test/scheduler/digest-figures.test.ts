/** The Monday digest's "done since the last digest": between last Monday's digest time and this one's. */
import type { AppDeps } from '../../src/app/deps';
import { FixedClock } from '../../src/domain';
import { ensureForumJobs } from '../../src/scheduler/recurring';
import { sweepOnce } from '../../src/scheduler/sweep';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, botMessenger, chief, delivery, depsFor, personalChat, personalId, SECRETARY } from './support';

const az = useAzurite();
const fake = useFakeConnector();
const FORUM = 'forum-d';
const c1 = chief(1);

it('counts follow-ups done after last Monday 08:00 and up to now, not those done before', async () => {
  fake.reset();
  const store = await az.newStore();
  const clock = new FixedClock('2026-03-08T12:00:00Z');
  const deps: AppDeps = depsFor(store, clock, botMessenger(store, clock));
  await store.forums.create(aForum(FORUM));
  for (const u of [c1, SECRETARY]) await store.conversations.save(personalChat(fake, u.userId));
  await store.followUps.createMany([
    // Last digest: Monday 2 March 08:00 Copenhagen = 07:00Z.
    aFollowUp(FORUM, 'before', c1.userId, '2026-03-01', { status: 'done', resolvedAt: '2026-03-02T06:59:00.000Z' }),
    aFollowUp(FORUM, 'after', c1.userId, '2026-03-04', { status: 'done', resolvedAt: '2026-03-02T07:01:00.000Z' }),
    aFollowUp(FORUM, 'friday', c1.userId, '2026-03-06', { status: 'done', resolvedAt: '2026-03-06T15:00:00.000Z' }),
    aFollowUp(FORUM, 'gone', c1.userId, '2026-03-06', { status: 'dismissed', resolvedAt: '2026-03-05T15:00:00.000Z' }),
    aFollowUp(FORUM, 'open', c1.userId, '2026-03-20'),
  ]);
  await ensureForumJobs(deps, FORUM);
  await sweep(deps, '2026-03-09T07:00:00Z');
  const [digest] = fake.cards(personalId(SECRETARY.userId)).map((c) => JSON.stringify(c));
  expect(digest).toMatch(/"title":"Udført siden sidste oversigt","value":"2"/);
  expect(digest).toMatch(/"legend":"Udført siden sidste oversigt","value":2/);
  expect(digest).toMatch(/"title":"Åbne","value":"1"/);
});

const sweep = (deps: AppDeps, at: string) => sweepOnce(deps, { owner: 'test', now: new Date(at), delivery: delivery(deps.messenger) });
