/** Each person's language ("sprog engelsk") in what the scheduler sends them: reminders, check-ins, the digest. */
import type { AppDeps } from '../../src/app/deps';
import { FixedClock } from '../../src/domain';
import { ensureForumJobs, scheduleCheckIns } from '../../src/scheduler/recurring';
import { scheduleRemindersFor } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import type { Store } from '../../src/store/ports';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, aMeeting, botMessenger, chief, delivery, depsFor, personalChat, personalId, SECRETARY } from './support';

const az = useAzurite();
const fake = useFakeConnector();
const [c1, c2] = [chief(1), chief(2)];
const FORUM = 'forum-lang';

async function setUp(now: string): Promise<{ store: Store; deps: AppDeps }> {
  fake.reset();
  const store = await az.newStore();
  const clock = new FixedClock(now);
  const deps = depsFor(store, clock, botMessenger(store, clock));
  await store.forums.create(aForum(FORUM));
  for (const u of [c1, c2, SECRETARY]) await store.conversations.save(personalChat(fake, u.userId));
  return { store, deps };
}

const sweep = (deps: AppDeps, at: string) => sweepOnce(deps, { owner: 'test', now: new Date(at), delivery: delivery(deps.messenger) });
const cardsTo = (userId: string) => fake.cards(personalId(userId)).map((c) => JSON.stringify(c));

describe('a person’s own language in scheduled cards (the forum stays Danish)', () => {
  it('sends the chief who chose English an English reminder and the other chief a Danish one', async () => {
    const { store, deps } = await setUp('2026-03-09T12:00:00Z');
    await store.conversations.setLocale(c1.userId, 'en');
    const followUps = [aFollowUp(FORUM, 'a', c1.userId, '2026-03-10'), aFollowUp(FORUM, 'b', c2.userId, '2026-03-10')];
    await store.followUps.createMany(followUps);
    for (const f of followUps) await scheduleRemindersFor(deps, f);
    await sweep(deps, '2026-03-10T07:00:00Z');
    expect(cardsTo(c1.userId).join()).toContain('Due today');
    expect(cardsTo(c1.userId).join()).not.toContain('Frist i dag');
    expect(cardsTo(c2.userId).join()).toContain('Frist i dag');
  });

  it('sends the secretary who chose English the weekly digest in English; "auto" goes back to the forum’s Danish', async () => {
    const { store, deps } = await setUp('2026-03-08T12:00:00Z');
    await store.conversations.setLocale(SECRETARY.userId, 'en');
    await store.followUps.createMany([aFollowUp(FORUM, 'late', c1.userId, '2026-03-02')]);
    await ensureForumJobs(deps, FORUM);
    await sweep(deps, '2026-03-09T07:00:00Z');
    const [digest] = cardsTo(SECRETARY.userId);
    expect(digest).toContain('Weekly digest');
    expect(digest).toMatch(/"title":"Overdue","value":"1"/);
    await store.conversations.setLocale(SECRETARY.userId, null);
    expect(await store.conversations.getLocale(SECRETARY.userId)).toBeNull();
  });

  it('sends the check-in card in the person’s language', async () => {
    const { store, deps } = await setUp('2026-03-02T12:00:00Z');
    await store.meetings.create(aMeeting(FORUM, 'm-next', '2026-03-17', { status: 'draft', kind: 'agenda' }));
    await store.conversations.setLocale(c2.userId, 'en');
    await store.followUps.createMany([aFollowUp(FORUM, 'x', c1.userId, '2026-04-01'), aFollowUp(FORUM, 'y', c2.userId, '2026-04-01')]);
    await scheduleCheckIns(deps, (await store.forums.get(FORUM))!.value);
    await sweep(deps, '2026-03-10T07:00:00Z');
    expect(cardsTo(c1.userId).join()).toContain('Inden mødet');
    expect(cardsTo(c2.userId).join()).toContain('Before the meeting on');
  });
});
