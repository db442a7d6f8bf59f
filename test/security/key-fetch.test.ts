/**
 * With an app id, when Microsoft's OpenID metadata / signing-key endpoint does not answer, a token
 * cannot be checked: the request fails closed with 503 within 5 s (Teams retries), and a flood of
 * forged tokens holds no more than one fetch at a time to that endpoint.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

describe('with an app id, when the Bot Framework signing-key endpoint does not answer', () => {
  let silent: http.Server;
  let connections = 0;
  let h: Harness;
  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = http.createServer(() => {});
    silent.on('connection', () => {
      connections++;
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    h = await startHarness({ auth: 'token', openIdMetadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration` });
  });
  afterAll(async () => {
    await h?.stop();
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  test('50 concurrent forged tokens are each answered 503 within 5 s, sharing one key fetch', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const started = Date.now();
        const res = await h.post(h.aMessage(`hjælp ${i}`, { from: USERS.chiefCulture }), { token: 'forged' });
        return { status: res.status, ms: Date.now() - started };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(503));
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5000);
    expect(connections).toBeLessThanOrEqual(2);
    expect(h.fake.requests().filter((r) => r.kind !== 'openid')).toHaveLength(0);
    expect(h.logText()).toMatch(
      /"reason":"(OpenID metadata not fetched: no answer within|the token could not be checked within)[^"]*","msg":"refused an unauthenticated request"/,
    );
  });

  test('the next request after a failed fetch tries again (still one at a time), and still fails closed', async () => {
    const before = connections;
    const started = Date.now();
    const res = await h.post(h.aMessage('hjælp'), { token: 'valid' });
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
