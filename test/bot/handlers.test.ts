/**
 * The activity handler (src/bot/bot.ts) driven by botbuilder's own TestAdapter: no HTTP in front,
 * the bot's answers read from the adapter's queue. Behind it the real AppDeps: Azurite storage, a
 * FixedClock, and the real messenger, whose proactive calls go to the recording fake Bot Connector.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Activity, TestAdapter } from 'botbuilder';
import { type App, createApp } from '../../src/wiring';
import { importAgenda } from '../../src/app/import-agenda';
import { publishAgenda } from '../../src/app/publish-agenda';
import { loadConfig } from '../../src/config';
import type { Forum, Meeting } from '../../src/domain';
import { FixedClock } from '../../src/domain/clock';
import { t } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { aConversationUpdate, type ActivityOpts, aMessage, anInvoke, base, testRoster, USERS } from '../support/activities';
import { useAzurite } from '../support/azurite';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector';
import { testForum } from '../support/harness';

type Json = Record<string, unknown>;
const AGENDA = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'lifecycle-agenda.md'), 'utf8');
const CARD = 'application/vnd.microsoft.card.adaptive';

function cardsOf(activities: Partial<Activity>[]): Json[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === CARD).map((x) => x.content as Json));
}

/** True when `text` appears in the JSON (card texts are JSON-escaped there). */
function shows(x: unknown, text: string): boolean {
  return JSON.stringify(x).includes(JSON.stringify(text).slice(1, -1));
}

describe('the bot under botbuilder’s TestAdapter', () => {
  const azurite = useAzurite();
  let fake: FakeConnector;
  let app: App;
  let adapter: TestAdapter;
  let forum: Forum;

  beforeAll(async () => {
    fake = await startFakeConnector({ roster: testRoster() });
    const store = await azurite.newStore();
    const clock = new FixedClock('2026-03-02T08:00:00Z');
    app = createApp({ store, clock, logger: createLogger('silent'), config: loadConfig({ PORT: '0' }, { instanceId: 'test' }) });
    adapter = new TestAdapter((turn) => app.bot.run(turn));
    forum = testForum(clock.now().toISOString());
    await store.forums.create(forum);
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Runs one activity (shaped as Teams sends it, answering on the fake connector) and returns the bot's answers. */
  async function turn(activity: Json): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ ...activity, serviceUrl: fake.url } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  }

  function invokeResponseOf(answers: Partial<Activity>[]): { status: number; body: Json } {
    const found = answers.find((a) => a.type === 'invokeResponse');
    if (!found) throw new Error(`no invoke response among ${answers.map((a) => a.type).join(', ')}`);
    return found.value as { status: number; body: Json };
  }

  test('"hjælp" answers with the help card in Danish', async () => {
    const answers = await turn(aMessage('hjælp'));
    const [card] = cardsOf(answers);
    expect(card).toBeDefined();
    expect(shows(card, t('da', 'card.help.title'))).toBe(true);
    expect(shows(card, 'dagsorden')).toBe(true);
    expect(shows(card, t('da', 'bot.command.myTasks'))).toBe(true);
  });

  test('"help" from an English Teams client answers with the help card in English', async () => {
    const answers = await turn(aMessage('help', { locale: 'en-US' }));
    const [card] = cardsOf(answers);
    expect(shows(card, t('en', 'card.help.title'))).toBe(true);
    expect(shows(card, t('en', 'bot.command.myTasks'))).toBe(true);
    expect(shows(card, t('da', 'bot.command.myTasks'))).toBe(false);
  });

  test('text the bot does not understand gets "Det forstod jeg ikke" and the help card, not silence', async () => {
    const answers = await turn(aMessage('kan du bestille kaffe til mødet?'));
    expect(answers.map((a) => a.text)).toContain(t('da', 'bot.unknown-command'));
    expect(shows(cardsOf(answers), t('da', 'card.help.title'))).toBe(true);
  });

  test('a card action that is not a readable Action.Execute gets a 400 invoke response', async () => {
    const notExecute = { ...anInvoke('item.comment'), value: { action: { type: 'Action.Submit', data: {} } } };
    expect(invokeResponseOf(await turn(notExecute))).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: t('da', 'bot.bad-action') } },
    });
    const noValue = { ...base('invoke'), name: 'adaptiveCard/action', value: 'garbage' };
    expect(invokeResponseOf(await turn(noValue)).status).toBe(400);
    const unknownVerb = invokeResponseOf(await turn(anInvoke('item.teleport', { forumId: forum.id })));
    expect(unknownVerb).toMatchObject({ status: 400, body: { value: { code: 'UnknownVerb' } } });
  });

  describe('on a published agenda', () => {
    let meeting: Meeting;
    const inChannel = (o: ActivityOpts = {}): ActivityOpts => ({ conversation: 'channel', ...o });

    beforeAll(async () => {
      // The bot added to the team stores the channel's conversation reference (on the fake connector).
      await turn(aConversationUpdate());
      const imported = await importAgenda(app.deps, { forum, actor: { userId: USERS.secretary.id }, document: { text: AGENDA } });
      meeting = imported.meeting.value;
      await publishAgenda(app.deps, { forumId: forum.id, meetingId: meeting.id });
    });

    test('a chief’s comment on an item card returns their refreshed card and updates the overview’s tally', async () => {
      const data = { forumId: forum.id, meetingId: meeting.id, itemNumber: 2, comment: 'Vi vil gerne høre om bemandingen.' };
      const sentBefore = fake.sent().length;
      const answer = invokeResponseOf(await turn(anInvoke('item.comment', data, inChannel({ from: USERS.chiefCulture }))));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ statusCode: 200, type: CARD });
      expect(shows(answer.body.value, 'Vi vil gerne høre om bemandingen.')).toBe(true);
      const stored = await app.deps.store.responses.listByMeeting(meeting.id);
      expect(stored).toEqual([expect.objectContaining({ itemNumber: 2, userId: USERS.chiefCulture.id, comment: 'Vi vil gerne høre om bemandingen.' })]);
      const overviewId = (await app.deps.store.meetings.get(forum.id, meeting.id))!.value.publication!.overviewActivityId;
      await app.deps.cardUpdates!.idle(); // the overview's update follows the answer
      const updates = fake.sent().slice(sentBefore);
      expect(updates.map((s) => [s.kind, s.activityId])).toEqual([['update', overviewId]]);
    });

    test('a chief who tries "afslut møde" in the channel is refused politely and the meeting stays open', async () => {
      const sentBefore = fake.sent().length;
      const answers = await turn(aMessage('afslut møde', inChannel({ from: USERS.chiefCulture })));
      expect(shows(cardsOf(answers), t('da', 'error.forbidden'))).toBe(true);
      expect((await app.deps.store.meetings.get(forum.id, meeting.id))!.value.status).toBe('published');
      expect(fake.sent().slice(sentBefore)).toEqual([]);
    });

    test('card data with a wrong field gets an error card naming the problem, and nothing is stored', async () => {
      const before = await app.deps.store.responses.listByMeeting(meeting.id);
      const data = { forumId: forum.id, meetingId: meeting.id, itemNumber: 'to', comment: 'Hej' };
      const answer = invokeResponseOf(await turn(anInvoke('item.comment', data, inChannel({ from: USERS.chiefTech }))));
      expect(answer.status).toBe(200);
      expect(shows(answer.body.value, 'itemNumber')).toBe(true);
      expect(await app.deps.store.responses.listByMeeting(meeting.id)).toEqual(before);
    });

    test('the comment of someone not on the roster is refused', async () => {
      const stranger = { id: '29:user-fremmed', name: 'Frede Fremmed', aadObjectId: 'aad-0099' };
      const data = { forumId: forum.id, meetingId: meeting.id, itemNumber: 2, comment: 'Hej' };
      const answer = invokeResponseOf(await turn(anInvoke('item.comment', data, inChannel({ from: stranger }))));
      expect(shows(answer.body.value, t('da', 'bot.not-on-roster'))).toBe(true);
      expect((await app.deps.store.responses.listByMeeting(meeting.id)).some((r) => r.userId === stranger.id)).toBe(false);
    });
  });
});
