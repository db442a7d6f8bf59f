/** Proactive messages through the Bot Connector: send, update, 1:1 chats, and how failures come back. */
import { AppError, type Forum } from '../../src/domain';
import type { StoredConversation } from '../../src/store/ports';
import { TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

describe('the messenger', () => {
  let h: Harness;
  let forum: Forum;
  let channel: StoredConversation;
  beforeAll(async () => {
    h = await startHarness();
    forum = await h.seedForum();
    channel = (await h.store.conversations.get(TEST_CHANNEL.id))!;
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  const card = (title: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] });

  async function failure(p: Promise<unknown>): Promise<AppError> {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }

  test('posts a card to the forum channel as a new message and returns its id', async () => {
    const { activityId } = await h.app.botMessenger.send(channel, { cards: [card('Dagsorden')], summary: 'Dagsorden' });
    const [sent] = h.fake.sent();
    expect(sent).toMatchObject({ kind: 'send', conversationId: TEST_CHANNEL.id, activityId });
    expect(h.fake.cards()).toEqual([card('Dagsorden')]);
  });

  test('posts at the conversation root even when the stored reference names an activity', async () => {
    const threaded = { ...channel, reference: { ...channel.reference, activityId: '1:an-old-thread' } };
    await h.app.botMessenger.send(threaded, { text: 'Ny tråd' });
    expect(h.fake.requests().map((r) => [r.method, r.kind, r.path])).toEqual([
      ['POST', 'send', `/v3/conversations/${encodeURIComponent(TEST_CHANNEL.id)}/activities`],
    ]);
  });

  test('updates a posted card in place', async () => {
    const { activityId } = await h.app.botMessenger.send(channel, { cards: [card('Før')] });
    await h.app.botMessenger.update(channel, activityId, { cards: [card('Efter')] });
    const update = h.fake.sent().find((s) => s.kind === 'update');
    expect(update?.activityId).toBe(activityId);
    expect(JSON.stringify(h.fake.activity(activityId))).toContain('Efter');
  });

  test('creates a 1:1 chat with a member once, stores it and reuses it', async () => {
    const chief = forum.members.find((m) => m.userId === USERS.chiefTech.id)!;
    const first = await h.app.botMessenger.ensurePersonal(forum, chief);
    const again = await h.app.botMessenger.ensurePersonal(forum, chief);
    expect(again.conversationId).toBe(first.conversationId);
    const created = h.fake.createdConversations();
    expect(created).toHaveLength(1);
    expect(created[0].params).toMatchObject({ isGroup: false, members: [{ id: chief.userId }], tenantId: TEST_TENANT });
    const stored = await h.store.conversations.getPersonal(chief.userId);
    expect(stored).toMatchObject({ conversationId: first.conversationId, kind: 'personal' });
    expect(stored?.reference.activityId).toBeUndefined();
    await h.app.botMessenger.send(first, { text: 'Hej' });
    expect(h.fake.sent()[0]).toMatchObject({ kind: 'send', conversationId: first.conversationId });
  });

  test('a bot removed from the conversation (403) is a permanent failure, tried once', async () => {
    h.fake.failNext(1, 403);
    const e = await failure(h.app.botMessenger.send(channel, { text: 'x' }));
    expect(e.code).toBe('delivery-failed');
    expect(e.details).toMatchObject({ status: 403, permanent: true, code: 'BotNotInConversationRoster' });
    expect(h.fake.requests()).toHaveLength(1);
  });

  test('a conversation that is gone (404) is a permanent failure', async () => {
    h.fake.failNext(1, 404);
    const e = await failure(h.app.botMessenger.send(channel, { text: 'x' }));
    expect(e.details).toMatchObject({ status: 404, permanent: true });
  });

  test('throttling (429) comes back at once with Retry-After, for the scheduler to wait', async () => {
    h.fake.failNext(1, 429, { headers: { 'Retry-After': '7' } });
    const e = await failure(h.app.botMessenger.send(channel, { text: 'x' }));
    expect(e.details).toMatchObject({ status: 429, permanent: false, retryAfterMs: 7000 });
    expect(h.fake.requests()).toHaveLength(1);
  });

  test('a server error (500) is retryable and tried once', async () => {
    h.fake.failNext(1, 500);
    const e = await failure(h.app.botMessenger.update(channel, 'any', { text: 'x' }));
    expect(e.details).toMatchObject({ status: 500, permanent: false, retryAfterMs: null });
    expect(h.fake.requests()).toHaveLength(1);
  });

  test('a failed send reaches the caller, not the adapter’s turn-error log', async () => {
    h.fake.failNext(1, 403, { body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const e = await failure(h.app.botMessenger.send(channel, { text: 'x' }));
    expect(e.details).toMatchObject({ status: 403, permanent: true, code: 'BotNotInConversationRoster' });
    expect(h.logText()).not.toContain('unhandled error in a turn');
  });

  test('an update of a card Teams no longer has (404) rejects as permanent', async () => {
    const e = await failure(h.app.botMessenger.update(channel, '1:never-posted', { text: 'x' }));
    expect(e.details).toMatchObject({ status: 404, permanent: true, code: 'ActivityNotFound' });
  });

  test('a 1:1 chat Teams refuses to create (403) rejects as permanent and nothing is stored', async () => {
    const chief = forum.members.find((m) => m.userId === USERS.chiefFinance.id)!;
    h.fake.failNext(1, 403, { match: (r) => r.kind === 'create-conversation' });
    const e = await failure(h.app.botMessenger.ensurePersonal(forum, chief));
    expect(e.details).toMatchObject({ status: 403, permanent: true });
    expect(await h.store.conversations.getPersonal(chief.userId)).toBeNull();
  });

  test('failure messages name the status, never the message content', async () => {
    h.fake.failNext(1, 403);
    const e = await failure(h.app.botMessenger.send(channel, { text: 'Fortroligt: lukket punkt' }));
    expect(e.message).toBe('Delivery failed: 403 BotNotInConversationRoster');
  });

  test('with Teams’ rate limits enforced, the delivering messenger gets every card of a burst through', async () => {
    h.fake.enforceRateLimits(true);
    try {
      const sends = Array.from({ length: 10 }, (_, i) => h.app.messenger.send(channel, { cards: [card(`Punkt ${i + 1}`)] }));
      await Promise.all(sends);
      expect(h.fake.cards()).toHaveLength(10);
    } finally {
      h.fake.enforceRateLimits(false);
    }
  });
});
