/**
 * Roles are checked by the service on every action, whatever a card shows: a chief pressing (or
 * forging) any of the secretary's buttons, or typing the secretary's commands, is refused with an
 * error card and nothing changes: no meeting, decision, job, forum, follow-up or audit entry, and no
 * post in the channel. A chief also cannot answer for another chief's follow-up.
 */
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, USERS } from '../support/activities';
import { type Harness, type HttpAnswer, startHarness } from '../support/harness';
import { aDraftMeeting, CHANNEL, cardOf, decisionForm, decisionInputs, press, publish, textOf } from '../resilience/support';

const errorTitle = t('da', 'card.error.title');
const chief = USERS.chiefTech;

describe('a chief cannot do what only the secretary or chair may', () => {
  let h: Harness;
  let forum: Forum;
  let followUpId: string;

  beforeAll(async () => {
    h = await startHarness();
    forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-draft', { date: '2026-03-12' }));
    await h.store.meetings.create(aDraftMeeting(forum, 'm-pub'));
    expect((await publish(h, forum, 'm-pub')).status).toBe(200);
    const form = await decisionForm(h, forum, 'm-pub', 1);
    const typed = decisionInputs(form, 'Modellen blev godkendt.', { text: 'Kultur & Fritid laver en plan', owner: USERS.chiefCulture, due: '2026-03-20' });
    cardOf(await press(h, form, 'decision.save', USERS.secretary, typed, { channel: true }));
    const followUps = await h.store.followUps.listByForum(forum.id);
    expect(followUps).toHaveLength(1);
    followUpId = followUps[0].id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Everything a refused action could have changed. */
  async function snapshot(): Promise<string> {
    const [f, draft, pub, decisions, jobs, followUp, audit] = await Promise.all([
      h.store.forums.get(forum.id),
      h.store.meetings.get(forum.id, 'm-draft'),
      h.store.meetings.get(forum.id, 'm-pub'),
      h.store.decisions.listByMeeting('m-pub'),
      h.store.jobs.listByForum(forum.id),
      h.store.followUps.get(forum.id, followUpId),
      h.store.audit.listByForum(forum.id),
    ]);
    const channelPosts = h.fake.sent().filter((s) => s.conversationId === TEST_CHANNEL.id && s.kind !== 'reply').length;
    return textOf({ f: f?.etag, draft: draft?.etag ?? null, pub: pub?.etag, decisions, jobs, followUp: followUp?.etag, audit: audit.length, channelPosts });
  }

  function expectRefusal(res: HttpAnswer): void {
    expect(res.status).toBe(200);
    expect(textOf(res.body)).toContain(errorTitle);
  }

  const ref = () => ({ forumId: forum.id, meetingId: 'm-pub' });
  const managerVerbs: [string, string, () => Record<string, unknown>][] = [
    ['agenda.publish', 'publish a draft', () => ({ forumId: forum.id, meetingId: 'm-draft' })],
    ['agenda.schedule', 'schedule a draft', () => ({ forumId: forum.id, meetingId: 'm-draft', publishDate: '2026-03-10', publishTime: '08:00' })],
    ['agenda.discard', 'discard a draft', () => ({ forumId: forum.id, meetingId: 'm-draft' })],
    ['item.decide', 'open the decision form', () => ({ ...ref(), itemNumber: 2 })],
    [
      'decision.save',
      'decide an open item',
      () => ({ ...ref(), itemNumber: 2, version: '', outcome: 'noted', decisionText: 'Taget til efterretning af en chef.' }),
    ],
    [
      'decision.save',
      'decide the closed item',
      () => ({ ...ref(), itemNumber: 3, version: '', outcome: 'approved', decisionText: 'En chef beslutter et lukket punkt.' }),
    ],
    ['communications.save', 'save the messages', () => ({ ...ref(), itemNumber: 4, version: '', lines: 'Alle skal vide det her.' })],
    ['meeting.close', 'close the meeting', () => ref()],
    [
      'forum.setup',
      'take over the forum',
      () => ({ roster: Object.values(USERS).map((u) => u.id), forumName: 'Kuppet', secretary: '3', chair: '3', members: '0,1,2,4' }),
    ],
  ];

  test.each(managerVerbs)('the %s button (%s) is refused and changes nothing, in the channel and in 1:1 chat', async (verb, _what, data) => {
    for (const where of [CHANNEL, { conversation: 'personal' as const }]) {
      if (verb === 'forum.setup' && where.conversation === 'personal') continue;
      const before = await snapshot();
      const res = await h.post(h.anInvoke(verb, data(), { from: chief, ...where }));
      expectRefusal(res);
      if (verb !== 'forum.setup') expect(textOf(res.body)).toContain(JSON.stringify(t('da', 'error.forbidden')).slice(1, -1));
      expect(await snapshot()).toBe(before);
    }
  });

  test.each([
    ['publicér', 'publish'],
    ['udsend dagsorden', 'publish'],
    ['afslut møde', 'close meeting'],
    ['close meeting', 'close meeting (English alias)'],
    ['opsæt', 'set-up'],
  ])('the command "%s" (%s) is refused and changes nothing', async (text) => {
    for (const where of [CHANNEL, { conversation: 'personal' as const }]) {
      if (text === 'opsæt' && where.conversation === 'personal') continue;
      const before = await snapshot();
      const sentBefore = h.fake.sent().length;
      expect((await h.post(h.aMessage(text, { from: chief, ...where }))).status).toBe(200);
      const replies = h.fake.sent().slice(sentBefore);
      expect(replies).toHaveLength(1);
      expect(textOf(replies[0].activity)).toContain(errorTitle);
      expect(await snapshot()).toBe(before);
    }
  });

  test.each([
    ['followup.done', {}],
    ['followup.postpone', { newDate: '2026-04-30', reason: 'Vil hellere vente' }],
    ['followup.snooze', { days: '3' }],
    ['checkin.answer', { status: 'done' }],
  ])('another chief cannot answer %s for a follow-up that is not theirs', async (verb, extra) => {
    const before = await snapshot();
    const res = await h.post(h.anInvoke(verb, { forumId: forum.id, followUpId, ...extra }, { from: chief }));
    expectRefusal(res);
    expect(await snapshot()).toBe(before);
  });

  test('the secretary may do the same things (the refusals above are about the role)', async () => {
    const before = await snapshot();
    const res = await h.post(
      h.anInvoke('agenda.schedule', { forumId: forum.id, meetingId: 'm-draft', publishDate: '2026-03-10', publishTime: '08:00' }, { from: USERS.secretary }),
    );
    expect(textOf(res.body)).not.toContain(errorTitle);
    expect(await snapshot()).not.toBe(before);
  });
});
