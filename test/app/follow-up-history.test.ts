/** The history the follow-up figures are computed from: recorded, done and dismissed instants, stamped by the app. */
import { publishAgenda } from '../../src/app/publish-agenda';
import { type ConfirmedFollowUp, recordDecision } from '../../src/app/record-decision';
import { outcomeOf } from '../../src/domain/figures';
import { markFollowUpDone } from '../../src/app/answers';
import { actor, aMeeting, FORUM_ID, members, useWorld } from './world';

const world = useWorld();
const day = (date: string) => ({ due: date, dueFrom: date, precision: 'day' as const, text: date });
const plan: ConfirmedFollowUp = { text: 'Udarbejd en plan', kind: 'task', owner: { kind: 'department', name: 'Kultur & Fritid' }, due: day('2026-03-20') };
const memo: ConfirmedFollowUp = { text: 'Skriv et notat', kind: 'task', owner: { kind: 'department', name: 'Miljø & Teknik' }, due: day('2026-03-27') };

describe('follow-up history', () => {
  it('stamps when a follow-up was recorded, done and dismissed, and clears the close when it is taken up again', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' });
    const record = (followUps: ConfirmedFollowUp[], version: string | null) =>
      recordDecision(w.deps, {
        forumId: FORUM_ID,
        meetingId: 'meeting-1',
        itemNumber: 1,
        actor: actor(members.secretary),
        outcome: 'approved',
        outcomeText: null,
        proposals: [],
        text: 'Godkendt.',
        followUps,
        version,
      });
    const byText = async (text: string) => (await w.store.followUps.listByForum(FORUM_ID)).find((f) => f.text === text)!;

    w.clock.set('2026-03-05T10:00:00.000Z');
    const first = await record([plan, memo], null);
    expect((await byText('Udarbejd en plan')).createdAt).toBe('2026-03-05T10:00:00.000Z');

    w.clock.set('2026-03-21T09:00:00.000Z');
    const done = await markFollowUpDone(w.deps, { forumId: FORUM_ID, followUpId: (await byText('Udarbejd en plan')).id, actor: actor(members.culture) });
    expect(done.resolvedAt).toBe('2026-03-21T09:00:00.000Z');
    expect(outcomeOf(done)).toBe('late'); // done on 21 March, agreed 20 March

    w.clock.set('2026-03-22T09:00:00.000Z');
    const second = await record([plan], first.decision.etag);
    const dismissed = await byText('Skriv et notat');
    expect(dismissed).toMatchObject({ status: 'dismissed', resolvedAt: '2026-03-22T09:00:00.000Z' });

    await record([plan, memo], second.decision.etag);
    expect(await byText('Skriv et notat')).toMatchObject({ status: 'open', resolvedAt: null, createdAt: '2026-03-05T10:00:00.000Z' });
  });
});
