/**
 * Answering reminder and check-in cards over real HTTP (the whole service, Azurite, the fake Bot
 * Connector): the card updates in place, the answer is audited, and reminders stop or move.
 */
import { DEFAULT_REMINDER_POLICY, type Forum } from '../../src/domain';
import { localInstant } from '../../src/domain/time';
import { addDays } from '../../src/domain/calendar';
import { reminderJobId } from '../../src/domain/scheduled-jobs';
import { scheduleCheckIns } from '../../src/scheduler/recurring';
import { scheduleRemindersFor } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import { TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { aFollowUp, aMeeting } from './support';

const FORUM = 'forum-cards';
const chief = USERS.chiefCulture;
const personal = `a:personal-${chief.id.replace(/^29:/, '')}`;

function theForum(): Forum {
  return {
    id: FORUM,
    tenantId: TEST_TENANT,
    name: 'Ledelsesforum Testrup',
    conversationId: TEST_CHANNEL.id,
    members: [
      { userId: USERS.secretary.id, aadObjectId: USERS.secretary.aadObjectId, name: USERS.secretary.name, department: null, role: 'secretary' },
      { userId: USERS.director.id, aadObjectId: USERS.director.aadObjectId, name: USERS.director.name, department: null, role: 'chair' },
      { userId: chief.id, aadObjectId: chief.aadObjectId, name: chief.name, department: 'Kultur & Fritid', role: 'member' },
      { userId: USERS.chiefTech.id, aadObjectId: USERS.chiefTech.aadObjectId, name: USERS.chiefTech.name, department: 'Miljø & Teknik', role: 'member' },
    ],
    departments: ['Kultur & Fritid', 'Miljø & Teknik'],
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    locale: 'da',
    createdAt: '2026-01-05T09:00:00.000Z',
  };
}

type Json = Record<string, unknown>;

/** Every Action.Execute in a card (inside action sets and show-cards too), in card order. */
function executeActions(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const x of node) executeActions(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'Action.Execute') out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') executeActions(v, out);
  }
  return out;
}

function action(card: Json, verb: string, followUpId: string): Json {
  const found = executeActions(card).find((a) => a.verb === verb && (a.data as Json).followUpId === followUpId);
  if (!found) throw new Error(`No ${verb} button for ${followUpId}`);
  return found.data as Json;
}

describe('answering reminder cards', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: '2026-03-09T12:00:00Z' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Two follow-ups due a reminder on `day` (one card per person per day: each test its own day). */
  async function reminderCard(prefix: string, day: string): Promise<{ card: Json; activityId: string }> {
    h.fake.reset();
    h.clock.set(localInstant(addDays(day, -1), '12:00'));
    const forum = await h.store.forums.get(FORUM);
    if (!forum) {
      await h.store.forums.create(theForum());
      await h.store.meetings.create(aMeeting(FORUM, 'm-1', '2026-03-03'));
      await h.store.conversations.save({
        conversationId: personal,
        kind: 'personal',
        tenantId: TEST_TENANT,
        userId: chief.id,
        reference: {
          channelId: 'msteams',
          serviceUrl: h.fake.url,
          bot: { id: '28:followup-bot-test', name: 'Opfølgning' },
          user: { id: chief.id },
          conversation: { id: personal, conversationType: 'personal', tenantId: TEST_TENANT },
        },
        updatedAt: '2026-03-01T00:00:00.000Z',
      });
    }
    const followUps = [aFollowUp(FORUM, `${prefix}-a`, chief.id, day), aFollowUp(FORUM, `${prefix}-b`, chief.id, addDays(day, 1))];
    await h.store.followUps.createMany(followUps);
    for (const f of followUps) await scheduleRemindersFor(h.app.deps, f);
    h.clock.set(localInstant(day, '08:00'));
    await sweepOnce(h.app.deps, { owner: 'test' });
    const sent = h.fake.sent();
    expect(sent).toHaveLength(1);
    return { card: h.fake.cards(personal)[0], activityId: sent[0].activityId };
  }

  async function answer(verb: string, data: Json, replyToId: string): Promise<Json> {
    const res = await h.post(h.anInvoke(verb, data, { from: chief, conversation: 'personal', replyToId }));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: Json };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return body.value;
  }

  it('"Udført" redraws the whole card with that row done, audits it and stops its reminders', async () => {
    const { card, activityId } = await reminderCard('done', '2026-03-10');
    const updated = await answer('followup.done', action(card, 'followup.done', 'done-a'), activityId);
    const text = JSON.stringify(updated);
    expect(text).toContain('✓ Udført');
    expect(text).toContain('Opfølgning done-b:');
    expect(executeActions(updated).filter((a) => a.verb === 'followup.done')).toHaveLength(1);
    expect((await h.store.followUps.get(FORUM, 'done-a'))!.value.status).toBe('done');
    const audit = await h.store.audit.listByForum(FORUM);
    expect(audit.find((a) => a.action === 'followup.done')).toMatchObject({ actorUserId: chief.id, target: 'followup:done-a' });
    // Pressing it again (a Teams retry) changes nothing and still answers with the card.
    const again = await answer('followup.done', action(card, 'followup.done', 'done-a'), activityId);
    expect(JSON.stringify(again)).toContain('✓ Udført');
    expect((await h.store.audit.listByForum(FORUM)).filter((a) => a.action === 'followup.done' && a.target === 'followup:done-a')).toHaveLength(1);
  });

  it('"Udsæt" takes the row\'s date and reason, shows the new date and moves every future reminder', async () => {
    const { card, activityId } = await reminderCard('later', '2026-03-17');
    const postpone = action(card, 'followup.postpone', 'later-b');
    const row = String(postpone.inputSuffix);
    const data = { ...postpone, [`newDate${row}`]: '2026-04-01', [`reason${row}`]: 'Afventer tilbud' };
    const updated = await answer('followup.postpone', data, activityId);
    expect(JSON.stringify(updated)).toContain('Udsat til 1. april 2026');
    const f = (await h.store.followUps.get(FORUM, 'later-b'))!.value;
    expect(f.due?.due).toBe('2026-04-01');
    expect(f.postponements).toEqual([expect.objectContaining({ reason: 'Afventer tilbud' })]);
    expect((await h.store.jobs.get(reminderJobId(chief.id, '2026-03-25')))?.value.status).toBe('pending');
  });

  it('"Påmind mig i morgen" shows when the next reminder comes and schedules it', async () => {
    const { card, activityId } = await reminderCard('snooze', '2026-03-20');
    h.clock.set('2026-03-20T09:00:00Z');
    const updated = await answer('followup.snooze', action(card, 'followup.snooze', 'snooze-b'), activityId);
    expect(JSON.stringify(updated)).toContain('Du bliver påmindet igen 23. marts 2026');
    expect((await h.store.jobs.get(reminderJobId(chief.id, '2026-03-23')))?.value.status).toBe('pending');
  });

  it('refuses an answer from someone who is not the owner and changes nothing', async () => {
    const { card, activityId } = await reminderCard('foreign', '2026-03-26');
    const res = await h.post(
      h.anInvoke('followup.done', action(card, 'followup.done', 'foreign-a'), { from: USERS.chiefTech, conversation: 'personal', replyToId: activityId }),
    );
    expect(JSON.stringify(res.body)).toContain('Det er kun den ansvarlige');
    expect(JSON.stringify(res.body)).not.toContain('✓ Udført');
    expect((await h.store.followUps.get(FORUM, 'foreign-a'))!.value.status).toBe('open');
  });

  it('a check-in answered "forsinket" with a new date postpones the follow-up and updates the card', async () => {
    h.fake.reset();
    h.clock.set('2026-04-01T12:00:00Z');
    await h.store.meetings.create(aMeeting(FORUM, 'm-next', '2026-04-21', { status: 'draft', kind: 'agenda' }));
    const forum = (await h.store.forums.get(FORUM))!.value;
    await scheduleCheckIns(h.app.deps, forum);
    h.clock.set(localInstant('2026-04-14', '08:00'));
    await sweepOnce(h.app.deps, { owner: 'test' });
    const card = h.fake.cards(personal).find((c) => JSON.stringify(c).includes('hvordan går det'))!;
    const late = executeActions(card).find((a) => a.verb === 'checkin.answer' && (a.data as Json).status === 'late')!.data as Json;
    const row = String(late.inputSuffix);
    const updated = await answer('checkin.answer', { ...late, [`newDate${row}`]: '2026-05-29' }, h.fake.sent()[0].activityId);
    expect(JSON.stringify(updated)).toContain('Forsinket – ny frist 29. maj 2026');
    const followUpId = String(late.followUpId);
    const f = (await h.store.followUps.get(FORUM, followUpId))!.value;
    expect(f.due?.due).toBe('2026-05-29');
    expect(f.reminders?.checkIn).toMatchObject({ status: 'late', newDate: '2026-05-29', meetingId: 'm-next' });
  });
});
