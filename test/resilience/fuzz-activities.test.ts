/**
 * Bad input at the front door: fast-check throws arbitrary bodies and activity-shaped nonsense at
 * the real HTTP endpoint (wrong types in every field, unknown activity types, broken JSON, huge
 * strings, odd Unicode). The service must answer each with a client error or a normal answer, never
 * a 5xx, never crash, and be healthy afterwards. FUZZ_RUNS cases per property (default 150 in CI;
 * nightly: FUZZ_RUNS=10000 npx jest test/resilience/fuzz-activities.test.ts).
 */
import fc from 'fast-check';
import { TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { aDraftMeeting, publish } from './support';
import { anyValue, expectHealthy, FUZZ_RUNS, fuzzTimeout, text } from './fuzz';

jest.setTimeout(fuzzTimeout(4));

describe(`the message endpoint under ${FUZZ_RUNS} arbitrary requests per property`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logLevel: 'silent' });
    const forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    await publish(h, forum, 'm-1');
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('raw bodies (broken JSON, arrays, scalars, binary) get 4xx', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.json().map((j) => j),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc.constantFrom('{', '{"type":', '[]', 'null', '"x"', '{"type":"message"}', '\u0000', '{"a":'.repeat(500)),
    );
    const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1');
    await fc.assert(
      fc.asyncProperty(body, contentType, async (b, ct) => {
        const res = await h.postRaw(b, { 'content-type': ct });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
  });

  test('activity-shaped objects with wrong or missing fields never get a 5xx', async () => {
    const serviceUrl = fc.constantFrom(h.fake.url, 'not a url', 'ftp://example.invalid/', '', 42, null);
    const account = fc.oneof(
      fc.record({ id: fc.constantFrom(USERS.secretary.id, USERS.chiefTech.id, '29:stranger', ''), name: text(), aadObjectId: fc.option(text()) }),
      anyValue(),
    );
    const conversation = fc.oneof(
      fc.record(
        {
          id: fc.constantFrom(TEST_CHANNEL.id, `a:personal-x`, '', 'x'.repeat(2000)),
          conversationType: fc.constantFrom('channel', 'personal', 'groupChat', 'weird'),
          tenantId: fc.constantFrom(TEST_TENANT, 'other'),
        },
        { requiredKeys: [] },
      ),
      anyValue(),
    );
    const activity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'messageReaction', 'typing', 'endOfConversation'),
          text(),
        ),
        id: fc.oneof(text(), anyValue()),
        channelId: fc.oneof(fc.constant('msteams'), text(), anyValue()),
        serviceUrl,
        from: account,
        recipient: account,
        conversation,
        text: fc.oneof(text(), fc.constantFrom('hjælp', 'afslut møde', 'mine opgaver', 'frister', 'referat', 'opsæt', 'publicér'), anyValue()),
        locale: fc.oneof(fc.constantFrom('da-DK', 'en-US', 'xx', ''), anyValue()),
        name: fc.oneof(
          fc.constantFrom(
            'adaptiveCard/action',
            'application/vnd.microsoft.meetingEnd',
            'application/vnd.microsoft.meetingStart',
            'composeExtension/query',
            'task/fetch',
          ),
          text(),
        ),
        value: anyValue(),
        channelData: fc.oneof(
          fc.record(
            { tenant: fc.oneof(fc.record({ id: fc.constantFrom(TEST_TENANT, 'other') }), anyValue()), team: anyValue(), meeting: anyValue() },
            { requiredKeys: [] },
          ),
          anyValue(),
        ),
        attachments: fc.oneof(fc.array(anyValue(), { maxLength: 3 }), anyValue()),
        entities: fc.oneof(fc.array(anyValue(), { maxLength: 3 }), anyValue()),
        membersAdded: fc.oneof(fc.array(account, { maxLength: 3 }), anyValue()),
        replyToId: fc.oneof(text(), anyValue()),
        action: fc.oneof(fc.constantFrom('add', 'remove'), anyValue()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(activity, async (a) => {
        const res = await h.post(a);
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
  });

  test('real Teams activities with one or two fields replaced by garbage never get a 5xx, and most reach the bot', async () => {
    const bases = [
      () => h.aMessage('hjælp', { from: USERS.chiefCulture }),
      () => h.aMessage('mine opgaver', { from: USERS.secretary, conversation: 'channel' }),
      () => h.anInvoke('refresh', { view: 'item', forumId: 'x', meetingId: 'm-1', itemNumber: 1 }, { from: USERS.secretary, conversation: 'channel' }),
      () => h.anInvoke('item.read', { forumId: 'x', meetingId: 'm-1', itemNumber: 2, read: true }, { from: USERS.chiefTech }),
      () => h.aConversationUpdate(),
      () => h.anInstallationUpdate({ from: USERS.chiefFinance }),
      () => h.aMeetingEvent('end', { id: 'meeting-fuzz' }),
    ];
    const paths = [
      'id',
      'type',
      'text',
      'locale',
      'name',
      'value',
      'replyToId',
      'from',
      'from.id',
      'from.aadObjectId',
      'recipient',
      'conversation.conversationType',
      'conversation.tenantId',
      'channelData',
      'channelData.tenant',
      'channelData.tenant.id',
      'channelData.team',
      'channelData.meeting',
      'entities',
      'attachments',
      'membersAdded',
      'value.action',
      'value.action.verb',
      'value.action.data',
      'value.action.data.forumId',
      'value.action.data.itemNumber',
      'value.Id',
      'value.EndTime',
      'timestamp',
      'localTimestamp',
    ];
    const set = (o: Record<string, unknown>, path: string, v: unknown) => {
      const keys = path.split('.');
      let at: Record<string, unknown> = o;
      for (const k of keys.slice(0, -1)) {
        if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
        at = at[k] as Record<string, unknown>;
      }
      at[keys[keys.length - 1]] = v;
    };
    const reached = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(fc.tuple(fc.constantFrom(...paths), anyValue()), { minLength: 1, maxLength: 2 }),
        async (b, changes) => {
          const a = JSON.parse(JSON.stringify(bases[b]())) as Record<string, unknown>;
          for (const [path, v] of changes) set(a, path, v);
          const res = await h.post(a);
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(500);
          if (res.status < 300) reached.ok++;
          else reached.refused++;
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(reached.ok).toBeGreaterThan(reached.refused);
    await expectHealthy(h);
  });

  test('well-formed activities with hostile text (long, control characters, markup) are answered', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3000 }),
      fc.constantFrom(
        '<at>Opfølgning</at> '.repeat(200),
        '<script>alert(1)</script>',
        '{{$root}}',
        '$' + '{x}',
        '\u202Eafslut møde',
        'hjælp\u0000',
        'x'.repeat(100_000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('personal', 'channel') as fc.Arbitrary<'personal' | 'channel'>, async (t, conversation) => {
        const res = await h.post(h.aMessage(t, { from: USERS.chiefCulture, conversation }));
        expect(res.status).toBe(200);
      }),
      { numRuns: Math.max(20, Math.floor(FUZZ_RUNS / 3)) },
    );
    await expectHealthy(h);
  });
});
