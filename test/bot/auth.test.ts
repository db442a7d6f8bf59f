/**
 * Authentication: local mode (no app id) takes token-less activities like the M365 Agents
 * Playground sends; with an app id, botbuilder's own validation refuses missing and forged tokens.
 * Token keys come from the fake connector's OpenID metadata, so all of this runs offline.
 */
import { TEST_APP_PASSWORD, TEST_OUTBOUND_TOKEN } from '../support/harness';
import { useHarness } from '../support/use-harness';

describe('local mode (no app id)', () => {
  const h = useHarness();

  test('listens on 127.0.0.1 only', () => {
    expect(h.config.localMode).toBe(true);
    expect(h.app.server.address().address).toBe('127.0.0.1');
  });

  test('accepts an activity without a token and answers without sending one', async () => {
    const res = await h.post(h.aMessage('hjælp'));
    expect(res.status).toBe(200);
    const reply = h.fake.requests().find((r) => r.kind === 'reply');
    expect(reply).toBeDefined();
    expect(reply!.headers.authorization).toBeUndefined();
  });
});

describe('with an app id', () => {
  const h = useHarness({ auth: 'token' });

  test('refuses a request without a token with 401 and does nothing', async () => {
    const res = await h.post(h.aMessage('hjælp'), { token: 'none' });
    expect(res.status).toBe(401);
    expect(h.fake.requests()).toHaveLength(0);
  });

  test('refuses a token signed with a key the Bot Framework did not publish with 401', async () => {
    const res = await h.post(h.aMessage('hjælp'), { token: 'forged' });
    expect(res.status).toBe(401);
    expect(h.fake.requests()).toHaveLength(0);
  });

  test('refuses an expired token with 401', async () => {
    const activity = h.aMessage('hjælp');
    const expired = h.fake.signToken({ aud: h.config.bot.appId, serviceurl: activity.serviceUrl }, { expiresInSeconds: -3600 });
    const res = await h.post(activity, { token: { header: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
  });

  test('refuses a genuine token issued for another bot with 401', async () => {
    const activity = h.aMessage('hjælp');
    const otherBot = h.fake.signToken({ aud: 'some-other-app-id', serviceurl: activity.serviceUrl });
    const res = await h.post(activity, { token: { header: `Bearer ${otherBot}` } });
    expect(res.status).toBe(401);
  });

  test('refuses a genuine token for another service URL with 401', async () => {
    const activity = h.aMessage('hjælp');
    const res = await h.post({ ...activity, serviceUrl: 'http://127.0.0.1:1/' }, { token: { header: `Bearer ${h.tokenFor(activity)}` } });
    expect(res.status).toBe(401);
  });

  test('accepts a valid token and answers with the bot’s own credentials', async () => {
    const res = await h.post(h.aMessage('hjælp'));
    expect(res.status).toBe(200);
    const reply = h.fake.requests().find((r) => r.kind === 'reply');
    expect(reply?.headers.authorization).toBe(`Bearer ${TEST_OUTBOUND_TOKEN}`);
  });

  test('writes no token, authorization header or password to the logs', async () => {
    const activity = h.aMessage('hjælp');
    const token = h.tokenFor(activity);
    await h.post(activity, { token: { header: `Bearer ${token}` } });
    await h.post(h.aMessage('hjælp'), { token: 'forged' });
    await h.post(h.aMessage('hjælp'), { token: 'none' });
    const logs = h.logText();
    expect(logs).toContain('refused an unauthenticated request');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain(TEST_OUTBOUND_TOKEN);
    expect(logs).not.toContain(TEST_APP_PASSWORD);
    expect(logs).not.toMatch(/Bearer /);
  });
});
