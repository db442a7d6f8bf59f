/** Reminders, digest and check-ins end to end: Azurite, the real bot messenger, the fake connector. */
import type { AppDeps } from '../../src/app/deps';
import { FixedClock } from '../../src/domain';
import { followUpStatusForAgenda } from '../../src/scheduler/agenda-status';
import { answerCheckIn, markFollowUpDone, postponeFollowUp, snoozeFollowUp } from '../../src/app/answers';
import { reminderJobId } from '../../src/domain/scheduled-jobs';
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
const FORUM = 'forum-r';

async function setUp(now: string): Promise<{ store: Store; clock: FixedClock; deps: AppDeps }> {
  fake.reset();
  const store = await az.newStore();
  const clock = new FixedClock(now);
  const deps = depsFor(store, clock, botMessenger(store, clock));
  await store.forums.create(aForum(FORUM));
  await store.meetings.create(aMeeting(FORUM, 'm-1', '2026-03-03'));
  for (const u of [c1, c2, SECRETARY]) await store.conversations.save(personalChat(fake, u.userId));
  return { store, clock, deps };
}

const sweep = (deps: AppDeps, at: string) => sweepOnce(deps, { owner: 'test', now: new Date(at), delivery: delivery(deps.messenger) });
const cardText = (conversationUserId: string) => fake.cards(personalId(conversationUserId)).map((c) => JSON.stringify(c));

describe('reminder cards', () => {
  it('bundles every follow-up due a reminder that day into one card per person, and the delegate gets one too', async () => {
    const { store, deps } = await setUp('2026-03-09T12:00:00Z');
    const followUps = [
      aFollowUp(FORUM, 'in-7-days', c1.userId, '2026-03-17', { delegateUserId: c2.userId }),
      aFollowUp(FORUM, 'tomorrow', c1.userId, '2026-03-11'),
      aFollowUp(FORUM, 'today', c1.userId, '2026-03-10'),
      aFollowUp(FORUM, 'finished', c1.userId, '2026-03-10', { status: 'done' }),
      aFollowUp(FORUM, 'answered', c1.userId, '2026-03-10', {
        reminders: { snoozedUntil: null, lastAnswer: { kind: 'on-track', userId: c1.userId, at: '2026-03-10T06:30:00Z' }, checkIn: null, undeliverable: [] },
      }),
      aFollowUp(FORUM, 'later', c1.userId, '2026-03-20'),
    ];
    await store.followUps.createMany(followUps);
    for (const f of followUps) await scheduleRemindersFor(deps, f);

    const result = await sweep(deps, '2026-03-10T07:00:00Z');

    expect(result).toMatchObject({ sent: 2, failed: 0 });
    const [mine] = cardText(c1.userId);
    expect(cardText(c1.userId)).toHaveLength(1);
    for (const id of ['in-7-days', 'tomorrow', 'today']) expect(mine).toContain(`Opfølgning ${id}:`);
    for (const id of ['finished', 'answered', 'later']) expect(mine).not.toContain(`Opfølgning ${id}:`);
    expect(mine).toContain('Påmindelse: 3 opfølgninger');
    expect(mine).toContain('Frist i dag');
    expect(mine).toContain('Ny cykelstrategi');
    const delegate = cardText(c2.userId);
    expect(delegate).toHaveLength(1);
    expect(delegate[0]).toContain('Opfølgning in-7-days:');
    expect(delegate[0]).toContain('Du er sat på opgaven');
    // The chain goes on: tomorrow's reminder for the follow-up due tomorrow is scheduled.
    expect((await store.jobs.get(reminderJobId(c1.userId, '2026-03-11')))?.value.status).toBe('pending');
  });

  it('sends each card once however often the sweep runs', async () => {
    const { store, deps } = await setUp('2026-03-09T12:00:00Z');
    const f = aFollowUp(FORUM, 'once', c1.userId, '2026-03-10');
    await store.followUps.createMany([f]);
    await scheduleRemindersFor(deps, f);
    await scheduleRemindersFor(deps, f);
    await sweep(deps, '2026-03-10T07:00:00Z');
    await sweep(deps, '2026-03-10T07:05:00Z');
    expect(cardText(c1.userId)).toHaveLength(1);
  });

  it('reminds against the new date after a postponement and cancels the old reminder', async () => {
    const { store, deps } = await setUp('2026-03-09T12:00:00Z');
    const f = aFollowUp(FORUM, 'moved', c1.userId, '2026-03-11');
    await store.followUps.createMany([f]);
    await scheduleRemindersFor(deps, f);
    expect((await store.jobs.get(reminderJobId(c1.userId, '2026-03-10')))?.value.status).toBe('pending');

    await postponeFollowUp(deps, { forumId: FORUM, followUpId: 'moved', newDate: '2026-03-25', reason: 'Afventer byrådet', actor: { userId: c1.userId } });

    expect((await store.jobs.get(reminderJobId(c1.userId, '2026-03-10')))?.value.status).toBe('cancelled');
    expect((await store.jobs.get(reminderJobId(c1.userId, '2026-03-18')))?.value.status).toBe('pending');
    await sweep(deps, '2026-03-10T07:00:00Z');
    expect(cardText(c1.userId)).toHaveLength(0);
    await sweep(deps, '2026-03-18T07:00:00Z');
    expect(cardText(c1.userId)).toHaveLength(1);
    const stored = (await store.followUps.get(FORUM, 'moved'))!.value;
    expect(stored.postponements).toEqual([expect.objectContaining({ reason: 'Afventer byrådet', from: expect.objectContaining({ due: '2026-03-11' }) })]);
    expect((await store.audit.listByForum(FORUM)).map((a) => a.action)).toContain('followup.postpone');
  });

  it('snoozes to 08:00 the next working day (Friday → Monday)', async () => {
    const { store, clock, deps } = await setUp('2026-03-09T12:00:00Z');
    const f = aFollowUp(FORUM, 'snoozed', c1.userId, '2026-03-30');
    await store.followUps.createMany([f]);
    clock.set('2026-03-13T09:00:00Z');
    await snoozeFollowUp(deps, { forumId: FORUM, followUpId: 'snoozed', actor: { userId: c1.userId } });
    const job = (await store.jobs.get(reminderJobId(c1.userId, '2026-03-16')))?.value;
    expect(job?.dueAt).toBe('2026-03-16T07:00:00.000Z');
    await sweep(deps, '2026-03-16T07:00:00Z');
    expect(cardText(c1.userId)).toHaveLength(1);
  });

  it('stops reminding once the follow-up is done', async () => {
    const { store, deps } = await setUp('2026-03-09T12:00:00Z');
    const f = aFollowUp(FORUM, 'done-now', c1.userId, '2026-03-10');
    await store.followUps.createMany([f]);
    await scheduleRemindersFor(deps, f);
    await markFollowUpDone(deps, { forumId: FORUM, followUpId: 'done-now', actor: { userId: c1.userId } });
    expect((await store.jobs.get(reminderJobId(c1.userId, '2026-03-10')))?.value.status).toBe('cancelled');
    for (const at of ['2026-03-10T07:00:00Z', '2026-03-13T07:00:00Z', '2026-03-20T07:00:00Z']) await sweep(deps, at);
    expect(fake.sent()).toHaveLength(0);
  });
});

describe('the weekly digest and check-ins', () => {
  it('sends the secretary a Monday 08:00 digest: open follow-ups by state (each counted once), then by owner', async () => {
    const { store, deps } = await setUp('2026-03-08T12:00:00Z');
    await store.followUps.createMany([
      aFollowUp(FORUM, 'late-one', c1.userId, '2026-03-02'),
      aFollowUp(FORUM, 'this-week', c1.userId, '2026-03-12', { postponements: [{ from: null, reason: null, at: '2026-03-01T10:00:00Z' }] }),
      aFollowUp(FORUM, 'next-month', c2.userId, '2026-04-20', { owner: { kind: 'department', name: 'Afdeling 2' } }),
      aFollowUp(FORUM, 'closed-one', c2.userId, '2026-03-01', { status: 'done' }),
    ]);
    await ensureForumJobs(deps, FORUM);
    await sweep(deps, '2026-03-09T07:00:00Z');
    const [digest] = fake.cards(personalId(SECRETARY.userId));
    const text = JSON.stringify(digest);
    expect(text).toContain('Ugeoversigt');
    expect(text).toMatch(/"title":"Åbne","value":"3"/);
    expect(text).toMatch(/"title":"Frist denne uge","value":"1"/);
    expect(text).toMatch(/"title":"Overskredne","value":"1"/);
    // Postponed but due this week counts as due this week (docs/protocol.md "Follow-up figures").
    expect(text).toMatch(/"title":"Udsatte","value":"0"/);
    expect(text).toMatch(/"title":"På sporet","value":"1"/);
    expect(text).toContain('"type":"Chart.Donut"');
    expect(text).toContain('Afdeling 1 (2)');
    expect(text).not.toContain('closed-one');
    // Next Monday's digest is already scheduled.
    const jobs = await store.jobs.listByForum(FORUM);
    expect(jobs.filter((j) => j.kind === 'digest' && j.status === 'pending').map((j) => j.dueAt)).toEqual(['2026-03-16T07:00:00.000Z']);
  });

  it('asks each owner once before the next meeting and fills "Opfølgning på beslutninger" with the answers', async () => {
    const { store, clock, deps } = await setUp('2026-03-02T12:00:00Z');
    await store.meetings.create(aMeeting(FORUM, 'm-next', '2026-03-17', { status: 'draft', kind: 'agenda' }));
    await store.followUps.createMany([
      aFollowUp(FORUM, 'a', c1.userId, '2026-03-31'),
      aFollowUp(FORUM, 'b', c1.userId, '2026-03-12'),
      aFollowUp(FORUM, 'c', c2.userId, '2026-03-05'),
      aFollowUp(FORUM, 'secret', c2.userId, '2026-04-01', { itemNumber: 3, text: 'Fortroligt: afskedigelse' }),
    ]);
    await scheduleCheckIns(deps, (await store.forums.get(FORUM))!.value);
    await sweep(deps, '2026-03-09T07:00:00Z');
    expect(fake.sent()).toHaveLength(0);
    await sweep(deps, '2026-03-10T07:00:00Z');
    expect(fake.cards(personalId(c1.userId))).toHaveLength(1);
    expect(fake.cards(personalId(c2.userId))).toHaveLength(1);
    expect(JSON.stringify(fake.cards(personalId(c1.userId))[0])).toContain('På sporet');

    clock.set('2026-03-10T09:00:00Z');
    await answerCheckIn(deps, { forumId: FORUM, followUpId: 'a', status: 'on-track', newDate: null, actor: { userId: c1.userId } });
    await answerCheckIn(deps, { forumId: FORUM, followUpId: 'b', status: 'late', newDate: '2026-04-15', actor: { userId: c1.userId } });
    const status = await followUpStatusForAgenda(deps, FORUM);
    expect(status.title).toBe('Opfølgning på beslutninger');
    expect(status.lines.map((l) => [l.followUpId, l.status])).toEqual([
      ['c', 'overdue'],
      ['a', 'on-track'],
      ['secret', 'open'],
      ['b', 'late'],
    ]);
    expect(status.body).toContain('forsinket, ny frist 15. april 2026');
    expect(status.body).toContain('Opfølgning på et lukket punkt');
    expect(status.body).not.toContain('Fortroligt');
    expect((await store.followUps.get(FORUM, 'b'))!.value.due?.due).toBe('2026-04-15');
  });
});
