/**
 * docs/reminders.md "Nothing falls due without a nudge": one test per row of the table, on the fake
 * clock, through real sweeps (Azurite, the bot messenger, the fake Bot Connector).
 */
import type { AppDeps } from '../../src/app/deps';
import { FixedClock, type FollowUp } from '../../src/domain';
import { scheduleRemindersFor } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import type { Store } from '../../src/store/ports';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, aMeeting, botMessenger, chief, delivery, depsFor, personalChat, personalId, SECRETARY } from './support';

const az = useAzurite();
const fake = useFakeConnector();
const c1 = chief(1);
const FORUM = 'forum-c';

async function setUp(now: string): Promise<{ store: Store; clock: FixedClock; deps: AppDeps }> {
  fake.reset();
  const store = await az.newStore();
  const clock = new FixedClock(now);
  const deps = depsFor(store, clock, botMessenger(store, clock));
  await store.forums.create(aForum(FORUM));
  await store.meetings.create(aMeeting(FORUM, 'm-1', '2026-03-09'));
  for (const u of [c1, SECRETARY]) await store.conversations.save(personalChat(fake, u.userId));
  return { store, clock, deps };
}

/** Creates the follow-up at the clock's time, as recording a decision does. */
async function create(deps: AppDeps, store: Store, f: FollowUp): Promise<void> {
  await store.followUps.createMany([{ ...f, updatedAt: deps.clock.now().toISOString() }]);
  await scheduleRemindersFor(deps, f);
}

/** Sweeps at `at` and returns the texts of the cards the user got in that sweep. */
async function sweepAt(deps: AppDeps, clock: FixedClock, at: string, userId = c1.userId): Promise<string[]> {
  const before = fake.cards(personalId(userId)).length;
  clock.set(at);
  await sweepOnce(deps, { owner: 'test', now: new Date(at), delivery: delivery(deps.messenger) });
  return fake
    .cards(personalId(userId))
    .slice(before)
    .map((c) => JSON.stringify(c));
}

// Monday 9 March 2026; Copenhagen is UTC+1, so 08:00 local is 07:00Z.
describe('a follow-up that missed its reminder', () => {
  it('row 1: created Monday 11:00 and due that day is reminded at the next sweep, not three working days later', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T10:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'today', c1.userId, '2026-03-09'));
    const cards = await sweepAt(deps, clock, '2026-03-09T10:01:00Z');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Opfølgning today:');
    expect(cards[0]).toContain('Frist i dag');
  });

  it('row 2: created Monday 11:00 and due in 7 days gets the 7-day reminder at the next sweep, then the 1-day one', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T10:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'week', c1.userId, '2026-03-16'));
    expect(await sweepAt(deps, clock, '2026-03-09T10:01:00Z')).toHaveLength(1);
    expect(await sweepAt(deps, clock, '2026-03-10T07:01:00Z')).toHaveLength(0);
    // 1 day before is Sunday: the previous working day, Friday.
    expect(await sweepAt(deps, clock, '2026-03-13T07:01:00Z')).toHaveLength(1);
  });

  it('row 3: created Monday 07:30, before the 08:00 reminder, due that day gets the 08:00 reminder only', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T06:30:00Z');
    await create(deps, store, aFollowUp(FORUM, 'early', c1.userId, '2026-03-09'));
    expect(await sweepAt(deps, clock, '2026-03-09T06:31:00Z')).toHaveLength(0);
    expect(await sweepAt(deps, clock, '2026-03-09T07:01:00Z')).toHaveLength(1);
  });

  it('row 4: created Monday 11:00 and due in 10 days waits for the 7-day reminder', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T10:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'later', c1.userId, '2026-03-19'));
    expect(await sweepAt(deps, clock, '2026-03-09T10:01:00Z')).toHaveLength(0);
    expect(await sweepAt(deps, clock, '2026-03-12T07:01:00Z')).toHaveLength(1);
  });

  it('row 5: created on Saturday and due Monday is reminded once, Monday 08:00', async () => {
    const { store, clock, deps } = await setUp('2026-03-07T10:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'weekend', c1.userId, '2026-03-09'));
    expect(await sweepAt(deps, clock, '2026-03-07T10:01:00Z')).toHaveLength(0);
    expect(await sweepAt(deps, clock, '2026-03-09T07:01:00Z')).toHaveLength(1);
    expect(await sweepAt(deps, clock, '2026-03-09T10:01:00Z')).toHaveLength(0);
  });

  it('row 6: created after the person’s 08:00 card has gone is reminded the next working day at 08:00', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T06:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'other', c1.userId, '2026-03-09'));
    expect(await sweepAt(deps, clock, '2026-03-09T07:01:00Z')).toHaveLength(1);
    clock.set('2026-03-09T10:00:00Z');
    await create(deps, store, aFollowUp(FORUM, 'late', c1.userId, '2026-03-09'));
    expect(await sweepAt(deps, clock, '2026-03-09T10:01:00Z')).toHaveLength(0);
    const tuesday = await sweepAt(deps, clock, '2026-03-10T07:01:00Z');
    expect(tuesday).toHaveLength(1);
    expect(tuesday[0]).toContain('Opfølgning late:');
  });

  it('row 7: no catch-up card when the person’s cascade card listed it that day', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T10:00:00Z');
    await store.cascade.save(
      {
        meetingId: 'm-1',
        userId: c1.userId,
        userName: c1.name,
        department: c1.department,
        deliveredAt: '2026-03-09T09:30:00Z',
        confirmedAt: null,
        undeliverable: false,
      },
      null,
    );
    await create(deps, store, aFollowUp(FORUM, 'listed', c1.userId, '2026-03-09'));
    expect(await sweepAt(deps, clock, '2026-03-09T10:01:00Z')).toHaveLength(0);
  });

  it('row 8: the secretary’s own follow-up, due tomorrow and created today, reaches her at the next sweep', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T10:00:00Z');
    const own = aFollowUp(FORUM, 'mine', SECRETARY.userId, '2026-03-10', { owner: { kind: 'member', name: SECRETARY.name, userId: SECRETARY.userId } });
    await create(deps, store, own);
    const cards = await sweepAt(deps, clock, '2026-03-09T10:01:00Z', SECRETARY.userId);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Opfølgning mine:');
  });
});
