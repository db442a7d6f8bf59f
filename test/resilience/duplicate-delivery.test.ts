/**
 * Duplicate delivery: Teams retries an activity it got no answer to in time, and a user can press a
 * button twice. Every kind of activity the bot acts on is delivered twice (the same activity, same
 * id) through a whole meeting: the bot added to the team, set-up, the agenda file, publishing,
 * scheduling, discarding, comments, "read", "wants discussion", the decision form, decisions,
 * messages, closing (button and command), the chiefs' confirmations, every follow-up answer, the
 * app installed 1:1, meeting start/end events and the Action.Submit fallback. After the second
 * delivery, what is stored (values, not ETags; audit entries that record a change) and what the
 * conversations show (every message posted, every card as last updated) are exactly what they were
 * after the first: one effect each, and the second delivery posts no message (new post or reply) to
 * any channel or chat. The first delivery must itself have its effect (something stored
 * or shown changed, no error card), so an action that fails the same way twice does not pass.
 * Replies to chat messages are checked on their own at the end.
 */
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, TEST_GROUP_CHAT, type TestUser, testRoster, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { actionOf, botChatWith, CHANNEL, cardOf, inputsOf, postedCards, settle, textOf } from './support';

jest.setTimeout(60_000);

type Activity = Record<string, unknown>;

const AGENDA = [
  'DAGSORDEN Ledelsesforum d. 05-03-2026',
  '',
  'Mødedato Torsdag d. 5. marts 2026 kl. 09:00',
  '',
  'Mødested Byrådssalen',
  '',
  'Punkt 1: LF - Ny model for borgerhenvendelser',
  '',
  '00.13.00-A21-4-26',
  '',
  'Anledning',
  '',
  'Borgerne bliver sendt rundt mellem afdelingerne.',
  '',
  'Indstilling',
  '',
  'Direktøren indstiller, at modellen godkendes.',
  '',
  'Punkt 2: Lukket',
  '',
  '00.30.00-P05-3-26',
  '',
  'Punkt 3: LF - Hvad skal kommunikeres ud til afdelingerne efter mødet?',
  '',
  '00.00.00-A00-2-26',
].join('\n');

describe('every activity delivered twice has one effect', () => {
  let h: Harness;
  let forum: Forum;
  let meetingId: string;
  let followUpId: string;

  beforeAll(async () => {
    h = await startHarness({ roster: testRoster() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /**
   * Everything stored about the forum (values only) and every post or update at the connector; with
   * `replies`, also what the bot answered in chat (for "the first delivery did something" only).
   */
  async function effects(replies = false): Promise<string> {
    const forums = await h.store.forums.list();
    const state: Record<string, unknown> = { forums: forums.map((f) => ({ ...f, createdAt: null })) };
    for (const f of forums) {
      const meetings = await h.store.meetings.listByForum(f.id);
      const full = await Promise.all(meetings.map(async (m) => (await h.store.meetings.get(f.id, m.id))?.value));
      state[f.id] = {
        meetings: full,
        decisions: await Promise.all(meetings.map((m) => h.store.decisions.listByMeeting(m.id))),
        history: await Promise.all(meetings.flatMap((m) => [1, 2, 3].map((n) => h.store.decisions.history(m.id, n)))),
        responses: await Promise.all(meetings.map((m) => h.store.responses.listByMeeting(m.id))),
        cascade: await Promise.all(meetings.map((m) => h.store.cascade.listByMeeting(m.id))),
        followUps: await h.store.followUps.listByForum(f.id),
        jobs: (await h.store.jobs.listByForum(f.id)).map((j) => ({ ...j, leaseUntil: null, leaseOwner: null })),
        // Entries recording a change; a repeated click may log "no change", which is not an effect.
        audit: (await h.store.audit.listByForum(f.id)).filter((a) => textOf(a.before) !== textOf(a.after)).length,
      };
    }
    // New messages, and what each shows now: an update that leaves a card as it was is not an effect.
    const sent = h.fake.sent();
    const posts = sent.filter((s) => s.kind === 'send').map((s) => `${s.conversationId} ${s.activityId}: ${textOf(h.fake.activity(s.activityId))}`);
    const answers = replies ? sent.filter((s) => s.kind === 'reply').map((s) => `${s.conversationId}: ${textOf(s.activity)}`) : [];
    return textOf({ state, posts, answers, conversations: h.fake.createdConversations().length });
  }

  /** Messages the bot has posted to any channel or chat: new posts and replies to an activity. */
  const postCount = () => h.fake.sent().filter((s) => s.kind === 'send' || s.kind === 'reply').length;

  /** What differs between two effect snapshots, as "path: before → after" lines. */
  function differences(a: unknown, b: unknown, at = ''): string[] {
    if (textOf(a) === textOf(b)) return [];
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      return keys.flatMap((k) => differences((a as Activity)[k], (b as Activity)[k], `${at}.${k}`));
    }
    return [`${at}: ${textOf(a)?.slice(0, 150)} → ${textOf(b)?.slice(0, 150)}`];
  }

  /** Problems found by `twice` in the current test (asserted at its end, so later steps still run). */
  const problems: string[] = [];
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  /**
   * Delivers `activity` twice; the effects after the second must equal those after the first, and the
   * first must have changed something (unless `answerOnly`: it only answers, e.g. a form or a refresh).
   */
  async function twice(activity: Activity, opts: { answerOnly?: boolean } = {}): Promise<{ first: unknown; second: unknown }> {
    const verb = ((activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? (activity.value as { verb?: unknown } | undefined)?.verb) as
      | string
      | undefined;
    const what =
      verb ??
      `${activity.type}${activity.name ? ` ${String(activity.name)}` : ''}${activity.text ? ` "${String(activity.text).replace(/<at>.*?<\/at>\s*/, '')}"` : ''}`;
    const before = await effects(true);
    const first = await h.post(activity);
    if (forum) await settle(h, forum.id);
    const once = JSON.parse(await effects()) as unknown;
    const firstEffect = before !== (await effects(true));
    if (first.status >= 400) problems.push(`${what}: the first delivery was answered ${first.status}`);
    if (textOf(first.body).includes(t('da', 'card.error.title'))) problems.push(`${what}: the first delivery was answered with an error card`);
    if (!opts.answerOnly && !firstEffect) problems.push(`${what}: the first delivery had no effect`);
    const postsOnce = postCount();
    const second = await h.post(activity);
    if (forum) await settle(h, forum.id);
    if (second.status !== first.status) problems.push(`${what}: answered ${first.status}, then ${second.status}`);
    const postsAfter = postCount();
    if (postsAfter !== postsOnce) problems.push(`${what}: the second delivery posted ${postsAfter - postsOnce} more message(s) to a channel or chat`);
    problems.push(...differences(once, JSON.parse(await effects())).map((d) => `${what} twice changed ${d}`));
    return { first: first.body, second: second.body };
  }

  const invoke = (verb: string, data: Activity, from: TestUser, where: Activity = CHANNEL) => h.anInvoke(verb, data, { from, ...where });
  const ref = () => ({ forumId: forum.id, meetingId });

  test('the bot added to the team, and the set-up saved', async () => {
    await twice(h.aConversationUpdate(), { answerOnly: true }); // remembers the channel; the set-up card comes on request
    const roster = Object.values(USERS).map((u) => u.id);
    const at = (u: TestUser) => String(roster.indexOf(u.id));
    const data: Activity = {
      roster,
      forumName: 'Ledelsesforum',
      secretary: at(USERS.secretary),
      chair: at(USERS.director),
      members: [USERS.chiefCulture, USERS.chiefTech, USERS.chiefFinance].map(at).join(','),
    };
    data[`dept_${at(USERS.chiefCulture)}`] = 'Kultur & Fritid';
    data[`dept_${at(USERS.chiefTech)}`] = 'Miljø & Teknik';
    data[`dept_${at(USERS.chiefFinance)}`] = 'Økonomi & Stab';
    await twice(invoke('forum.setup', data, USERS.secretary));
    forum = (await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value;
    expect(forum.members).toHaveLength(5);
  });

  test('the agenda file sent to the bot', async () => {
    const downloadUrl = h.fake.serveFile('dagsorden.txt', AGENDA, 'text/plain; charset=utf-8');
    await twice(h.aFileMessage({ name: 'dagsorden.txt', downloadUrl }, { from: USERS.secretary }));
    const meetings = await h.store.meetings.listByForum(forum.id);
    meetingId = meetings[0].id;
    expect(meetings).toHaveLength(1);
  });

  test('a second agenda scheduled and then discarded, and the first published', async () => {
    const downloadUrl = h.fake.serveFile(
      'dagsorden2.txt',
      AGENDA.replace(/05-03-2026/, '19-03-2026').replace('5. marts', '19. marts'),
      'text/plain; charset=utf-8',
    );
    expect((await h.post(h.aFileMessage({ name: 'dagsorden2.txt', downloadUrl }, { from: USERS.secretary }))).status).toBe(200);
    const second = (await h.store.meetings.listByForum(forum.id)).find((m) => m.date === '2026-03-19')!.id;
    await twice(invoke('agenda.schedule', { forumId: forum.id, meetingId: second, publishDate: '2026-03-16', publishTime: '08:00' }, USERS.secretary, {}));
    await twice(invoke('agenda.discard', { forumId: forum.id, meetingId: second }, USERS.secretary, {}));
    await twice(invoke('agenda.publish', ref(), USERS.secretary, {}));
    expect(postedCards(h, TEST_CHANNEL.id).length).toBeGreaterThanOrEqual(4);
  });

  test('comments, "read" and "wants discussion" from the channel', async () => {
    await twice(invoke('item.comment', { ...ref(), itemNumber: 1, comment: 'Hvem bemander indgangen?' }, USERS.chiefCulture));
    await twice(invoke('item.read', { ...ref(), itemNumber: 1, read: 'true' }, USERS.chiefTech));
    await twice(invoke('item.discuss', { ...ref(), itemNumber: 1, wantsDiscussion: 'true' }, USERS.chiefFinance));
    // The same from a client without Universal Actions (Action.Submit fallback).
    await twice({ ...h.aMessage('', { from: USERS.chiefTech, ...CHANNEL }), value: { verb: 'item.read', ...ref(), itemNumber: 3, read: 'true' } });
    expect(await h.store.responses.listByMeeting(meetingId)).toHaveLength(4);
  });

  test('the decision form, a decision with a follow-up, and the messages', async () => {
    const { first } = await twice(invoke('item.decide', { ...ref(), itemNumber: 1 }, USERS.secretary), { answerOnly: true });
    const form = (first as { value: Activity }).value;
    const owners = (actionOf(form, 'decision.save').data as { owners: string[] }).owners;
    const typed = {
      ...inputsOf(form),
      decisionText: 'Modellen blev godkendt.',
      new_0_text: 'Kultur & Fritid laver en bemandingsplan',
      new_0_owner: `o${owners.indexOf(`m:${USERS.chiefCulture.id}`)}`,
      new_0_due: '2026-03-20',
    };
    await twice(invoke('decision.save', { ...(actionOf(form, 'decision.save').data as Activity), ...typed }, USERS.secretary));
    const followUps = await h.store.followUps.listByForum(forum.id);
    expect(followUps).toHaveLength(1);
    followUpId = followUps[0].id;
    const messages = cardOf(await h.post(invoke('item.decide', { ...ref(), itemNumber: 3 }, USERS.secretary)));
    await twice(
      invoke(
        'communications.save',
        { ...(actionOf(messages, 'communications.save').data as Activity), lines: 'Borgerservice får én indgang.' },
        USERS.secretary,
      ),
    );
  });

  test('closing the meeting (button), and a chief confirming the cascade', async () => {
    h.clock.set('2026-03-05T11:00:00Z');
    await twice(invoke('meeting.close', ref(), USERS.secretary));
    const chat = (await botChatWith(h, USERS.chiefCulture))!;
    const card = postedCards(h, chat)
      .filter((c) => textOf(c).includes('cascade.confirm'))
      .pop()!;
    await twice(invoke('cascade.confirm', actionOf(card, 'cascade.confirm').data as Activity, USERS.chiefCulture, { conversationId: chat }));
  });

  test('every answer to a follow-up', async () => {
    const f = { forumId: forum.id, followUpId };
    await twice(invoke('checkin.answer', { ...f, status: 'on-track' }, USERS.chiefCulture, {}));
    await twice(invoke('followup.snooze', { ...f, days: '2' }, USERS.chiefCulture, {}));
    await twice(invoke('followup.postpone', { ...f, newDate: '2026-04-15', reason: 'Afventer budget' }, USERS.chiefCulture, {}));
    await twice(invoke('followup.done', f, USERS.chiefCulture, {}));
    expect((await h.store.followUps.get(forum.id, followUpId))?.value.status).toBe('done');
  });

  test('refreshes, the app installed 1:1 and meeting events', async () => {
    await twice(invoke('refresh', { view: 'overview', ...ref() }, USERS.director), { answerOnly: true });
    await twice(h.anInstallationUpdate({ from: USERS.chiefTech }));
    // A Teams meeting in a group chat that is no forum's: nothing to store, nothing to say.
    await twice(h.aMeetingEvent('start', { id: 'meeting-dup' }, { conversationId: TEST_GROUP_CHAT }), { answerOnly: true });
    await twice(h.aMeetingEvent('end', { id: 'meeting-dup' }, { conversationId: TEST_GROUP_CHAT }), { answerOnly: true });
  });

  test('a second meeting closed with the command "afslut møde"', async () => {
    const downloadUrl = h.fake.serveFile(
      'dagsorden3.txt',
      AGENDA.replace(/05-03-2026/, '26-03-2026').replace('5. marts', '26. marts'),
      'text/plain; charset=utf-8',
    );
    h.clock.set('2026-03-20T08:00:00Z');
    expect((await h.post(h.aFileMessage({ name: 'dagsorden3.txt', downloadUrl }, { from: USERS.secretary }))).status).toBe(200);
    const third = (await h.store.meetings.listByForum(forum.id)).find((m) => m.date === '2026-03-26')!.id;
    expect((await h.post(invoke('agenda.publish', { forumId: forum.id, meetingId: third }, USERS.secretary, {}))).status).toBe(200);
    await settle(h, forum.id);
    h.clock.set('2026-03-26T11:00:00Z');
    await twice(h.aMessage('afslut møde', { from: USERS.secretary, ...CHANNEL }));
    expect((await h.store.meetings.get(forum.id, third))?.value.status).toBe('closed');
  });

  test('a redelivered chat message (same activity id) is answered once', async () => {
    const message = h.aMessage('frister', { from: USERS.chiefTech });
    const before = h.fake.sent().length;
    await h.post(message);
    await h.post(message);
    expect(
      h.fake
        .sent()
        .slice(before)
        .filter((s) => s.kind === 'reply' || s.kind === 'send'),
    ).toHaveLength(1);
  });
});
