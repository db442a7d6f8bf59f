/**
 * No secret in the logs or in an answer: the app password, the storage account key (and the
 * connection string that holds it), the tokens Teams sends us and the token we send to Teams. The
 * service runs with an app id at trace level through good requests, refused ones (no, forged,
 * expired token), Bot Connector faults and a storage outage; every captured log line and every HTTP
 * answer is searched.
 */
import { AZURITE_KEY } from '../../src/store/azurite';
import { USERS } from '../support/activities';
import { type Harness, type HttpAnswer, startHarness, TEST_APP_PASSWORD, TEST_OUTBOUND_TOKEN } from '../support/harness';
import { aDraftMeeting, CHANNEL, textOf } from '../resilience/support';

describe('secrets stay out of logs and answers', () => {
  let h: Harness;
  const answers: HttpAnswer[] = [];
  const inboundTokens: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ auth: 'token', logLevel: 'trace' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function post(activity: Record<string, unknown>, token: 'valid' | 'forged' | 'expired' | 'none'): Promise<void> {
    if (token === 'none') {
      answers.push(await h.post(activity, { token: 'none' }));
      return;
    }
    const jwt =
      token === 'expired'
        ? h.fake.signToken({ aud: h.config.bot.appId, serviceurl: activity.serviceUrl, appid: 'bot-framework-channel' }, { expiresInSeconds: -60 })
        : h.tokenFor(activity, token === 'forged');
    inboundTokens.push(jwt);
    answers.push(await h.post(activity, { token: { header: `Bearer ${jwt}` } }));
  }

  test('the service goes through good, refused and failing requests', async () => {
    const forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    for (const token of ['valid', 'forged', 'expired', 'none'] as const) {
      await post(h.aMessage('hjælp', { from: USERS.chiefCulture }), token);
      await post(h.anInvoke('refresh', { view: 'overview', forumId: forum.id, meetingId: 'm-1' }, { from: USERS.secretary, ...CHANNEL }), token);
    }
    // Publishing while the Bot Connector refuses and fails.
    h.fake.failNext(2, 401, { match: (r) => r.kind === 'send' });
    h.fake.failNext(2, 500, { match: (r) => r.kind === 'send' });
    const activity = h.anInvoke('agenda.publish', { forumId: forum.id, meetingId: 'm-1' }, { from: USERS.secretary });
    inboundTokens.push(h.tokenFor(activity));
    answers.push(await h.post(activity));
    // Storage goes away in the middle of things.
    await h.stopStorage();
    await post(h.aMessage('mine opgaver', { from: USERS.chiefTech }), 'valid');
    await post(h.anInvoke('item.read', { forumId: forum.id, meetingId: 'm-1', itemNumber: 1, read: 'true' }, { from: USERS.chiefTech, ...CHANNEL }), 'valid');
    answers.push(await h.get('/healthz'));
    expect(answers.map((a) => a.status)).toEqual(expect.arrayContaining([200, 401, 503]));
    expect(h.logs().length).toBeGreaterThan(8);
  });

  test('no log line holds the app password, the storage key, a connection string or any token', () => {
    const logs = h.logText();
    const outbound = h.fake.requests().find((r) => r.headers.authorization);
    expect(outbound?.headers.authorization).toBe(`Bearer ${TEST_OUTBOUND_TOKEN}`); // it was really used
    for (const secret of [TEST_APP_PASSWORD, AZURITE_KEY, 'AccountKey=', TEST_OUTBOUND_TOKEN]) expect(logs).not.toContain(secret);
    expect(inboundTokens.length).toBeGreaterThan(8);
    for (const token of inboundTokens) {
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.split('.')[2]); // not even the signature
    }
    expect(logs).not.toMatch(/Bearer\s+\S/);
  });

  test('no answer holds them either', () => {
    const text = answers.map((a) => textOf(a.body)).join('\n');
    for (const secret of [TEST_APP_PASSWORD, AZURITE_KEY, 'AccountKey=', TEST_OUTBOUND_TOKEN, ...inboundTokens]) expect(text).not.toContain(secret);
  });
});

describe('the store’s own error messages', () => {
  test('name the operation and status, never the account key', async () => {
    const h = await startHarness({ logLevel: 'trace' });
    try {
      await h.stopStorage();
      const failure = await h.store.forums.get('any').then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(textOf({ message: (failure as Error).message, details: (failure as { details?: unknown }).details })).not.toContain(AZURITE_KEY);
      expect(h.logText()).not.toContain(AZURITE_KEY);
    } finally {
      await h.stop();
    }
  });
});
