/** The HTTP service as Teams and an operator meet it: health, bad requests, shutdown. */
import { aBareItem, aDraftAgenda } from '../support/agenda-items';
import { TEST_CHANNEL, USERS } from '../support/activities';
import { startHarness } from '../support/harness';
import { useHarness } from '../support/use-harness';

describe('the service', () => {
  const h = useHarness();

  test('answers the health check with 200 while storage answers', async () => {
    const res = await h.get('/healthz');
    expect(res).toEqual({ status: 200, body: { status: 'ok', storage: 'ok' } });
  });

  test("answers the playground's HEAD probe of the endpoint with 200 and logs no refusal", async () => {
    const res = await fetch(`${h.url}/api/messages`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(h.logText()).not.toContain('request refused');
  });

  test('refuses malformed JSON with 400 and keeps serving', async () => {
    const bad = await h.postRaw('{"type": "message", ');
    expect(bad.status).toBe(400);
    const next = await h.post(h.aMessage('hjælp'));
    expect(next.status).toBe(200);
    expect(h.fake.cards()).toHaveLength(1);
  });

  test('refuses a JSON body that is not an activity with 400 naming the problem', async () => {
    const res = await h.postRaw(JSON.stringify({ type: 'message', text: 'hej' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid-activity' });
    expect(JSON.stringify(res.body)).toMatch(/serviceUrl/);
    const notAnObject = await h.postRaw('[1,2,3]');
    expect(notAnObject.status).toBe(400);
    expect(h.fake.requests()).toHaveLength(0);
  });

  test('refuses a 10 MB body with 413, sends nothing and keeps serving', async () => {
    const huge = JSON.stringify(h.aMessage('x'.repeat(10 * 1024 * 1024)));
    const res = await h.postRaw(huge);
    expect(res.status).toBe(413);
    expect(h.fake.requests()).toHaveLength(0);
    expect((await h.get('/healthz')).status).toBe(200);
  });

  test('refuses a compressed body (it would slip past the size limit) with 415', async () => {
    const res = await h.postRaw('x', { 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
  });
});

describe('the service without storage', () => {
  test('answers the health check with 503 when storage has stopped', async () => {
    const h = await startHarness();
    try {
      await h.stopStorage();
      const res = await h.get('/healthz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', storage: 'unavailable' });
    } finally {
      await h.stop();
    }
  });

  test('tells the user that nothing could be saved when storage is down, instead of going silent', async () => {
    const h = await startHarness();
    try {
      await h.stopStorage();
      const res = await h.post(h.aMessage('dagsorden'));
      expect(res.status).toBe(200);
      const card = JSON.stringify(h.fake.cards());
      expect(card).toContain('Jeg kan ikke gemme lige nu');
    } finally {
      await h.stop();
    }
  });
});

describe('shutdown', () => {
  test('finishes a turn in flight before stopping', async () => {
    const h = await startHarness();
    let stopped = false;
    try {
      // The connector answers slowly: the turn is still in flight when stop() is called.
      h.fake.delayNext(1, 800);
      const posting = h.post(h.aMessage('hjælp'));
      await h.fake.waitFor((f) => f.received() > 0);
      const stopping = h.app.stop().then(() => {
        stopped = true;
      });
      const res = await posting;
      expect(res.status).toBe(200);
      await stopping;
      expect(stopped).toBe(true);
      expect(h.fake.cards()).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });

  test('lets a publication the secretary just started finish before stopping, so no item card is left unposted', async () => {
    const h = await startHarness({ backgroundDrainMs: 20_000 });
    try {
      const forum = await h.seedForum();
      // Twelve item cards and the overview: Teams' 7-per-second limit in a channel makes this take seconds.
      const items = Array.from({ length: 12 }, (_, i) => aBareItem(i + 1, `Sag nummer ${i + 1}`));
      await h.store.meetings.create(aDraftAgenda('m-stop', forum.id, items, { forumName: forum.name }));
      const pressed = await h.post(h.anInvoke('agenda.publish', { forumId: forum.id, meetingId: 'm-stop' }, { from: USERS.secretary }));
      expect(pressed.status).toBe(200);

      await h.app.stop();

      const posted = h.fake.sent().filter((s) => s.kind === 'send' && s.conversationId === TEST_CHANNEL.id);
      expect(posted).toHaveLength(items.length + 1);
      expect((await h.store.meetings.get(forum.id, 'm-stop'))?.value.status).toBe('published');
    } finally {
      await h.stop();
    }
  });
});
