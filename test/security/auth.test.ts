/**
 * The front door with an app id configured: every kind of activity without a token, with a token
 * signed by a key the Bot Framework never published (our own), or with an expired one is refused
 * with 401 before anything runs; an activity from a tenant that is not on the allow-list is refused
 * with 403. "Nothing runs" is checked where a user would notice: nothing reaches the Bot Connector
 * and no conversation is stored. Tokens are signed offline against the fake connector's keys.
 */
import { OTHER_TENANT, TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import type { Harness } from '../support/harness';
import { useHarness } from '../support/use-harness';

type Activity = Record<string, unknown>;

function kinds(h: Harness): [string, () => Activity][] {
  return [
    ['a chat message', () => h.aMessage('hjælp', { from: USERS.chiefCulture })],
    ['a card action', () => h.anInvoke('refresh', { view: 'overview', forumId: 'f', meetingId: 'm' }, { from: USERS.secretary })],
    ['the bot added to a team', () => h.aConversationUpdate()],
    ['the app installed', () => h.anInstallationUpdate({ from: USERS.chiefTech })],
    ['a meeting event', () => h.aMeetingEvent('end', { id: 'meeting-x' })],
  ];
}

describe('with an app id, requests without a valid Bot Framework token', () => {
  const h = useHarness({ auth: 'token' });

  async function expectNothingHappened(activity: Activity): Promise<void> {
    expect(h.fake.requests().filter((r) => r.kind !== 'openid')).toHaveLength(0);
    const conversation = activity.conversation as { id: string };
    expect(await h.store.conversations.get(conversation.id)).toBeNull();
  }

  test('are refused with 401 for every kind of activity, whatever the token problem', async () => {
    for (const [, make] of kinds(h)) {
      const unsigned = make();
      expect((await h.post(unsigned, { token: 'none' })).status).toBe(401);
      expect((await h.post(unsigned, { token: { header: 'Bearer not.a.token' } })).status).toBe(401);
      expect((await h.post(unsigned, { token: { header: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
      const forged = make();
      expect((await h.post(forged, { token: 'forged' })).status).toBe(401);
      const expired = make();
      const stale = h.fake.signToken({ aud: h.config.bot.appId, serviceurl: expired.serviceUrl, appid: 'bot-framework-channel' }, { expiresInSeconds: -600 });
      expect((await h.post(expired, { token: { header: `Bearer ${stale}` } })).status).toBe(401);
      await expectNothingHappened(unsigned);
    }
  });

  test('a token with no signature at all ("alg": "none") is refused', async () => {
    const activity = h.aMessage('hjælp');
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: h.config.bot.appId, serviceurl: activity.serviceUrl, iat: now, exp: now + 600 })}.`;
    expect((await h.post(activity, { token: { header: `Bearer ${unsigned}` } })).status).toBe(401);
    await expectNothingHappened(activity);
  });

  test('a valid token for the same activity is accepted (the refusals are about the token)', async () => {
    const activity = h.aMessage('hjælp', { from: USERS.chiefCulture });
    expect((await h.post(activity)).status).toBe(200);
    expect(h.fake.requests().some((r) => r.kind === 'reply')).toBe(true);
  });
});

describe('tenants that are not on the allow-list', () => {
  const h = useHarness({ auth: 'token', env: { ALLOWED_TENANTS: TEST_TENANT } });

  test('are refused with 403 for every kind of activity, even with a valid token', async () => {
    for (const [what, make] of kinds(h)) {
      const original = make();
      const foreign: Activity = {
        ...original,
        channelData: { tenant: { id: OTHER_TENANT } },
        conversation: { ...(original.conversation as Activity), tenantId: OTHER_TENANT },
      };
      const res = await h.post(foreign);
      expect([what, res.status]).toEqual([what, 403]);
    }
    expect(h.fake.requests().filter((r) => r.kind !== 'openid')).toHaveLength(0);
    expect(await h.store.conversations.get(TEST_CHANNEL.id)).toBeNull();
  });

  test('an activity that names no tenant at all is refused too', async () => {
    const activity = h.aMessage('hjælp');
    const { tenantId: _t, ...conversation } = activity.conversation as Record<string, unknown>;
    const res = await h.post({ ...activity, channelData: {}, conversation });
    expect(res.status).toBe(403);
  });

  test('the allowed tenant gets in', async () => {
    expect((await h.post(h.aMessage('hjælp'))).status).toBe(200);
  });
});

describe('local mode with an allow-list (no app id)', () => {
  const h = useHarness({ env: { ALLOWED_TENANTS: TEST_TENANT } });

  test('still refuses other tenants with 403 and listens on loopback only', async () => {
    expect(h.app.server.address().address).toBe('127.0.0.1');
    const foreign = { ...h.aMessage('hjælp'), channelData: { tenant: { id: OTHER_TENANT } } };
    expect((await h.post(foreign)).status).toBe(403);
    expect((await h.post(h.aMessage('hjælp'))).status).toBe(200);
  });
});
