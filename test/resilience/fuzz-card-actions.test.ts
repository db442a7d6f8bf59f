/**
 * Bad card action data: fast-check presses every verb (and made-up ones) with arbitrary data, from
 * the secretary, a chief and a stranger, in the channel and 1:1: real ids mixed with garbage, every
 * field of every verb's schema with wrong types, huge or hostile strings. Each press gets a proper
 * invoke answer (a card, a message, or a 400 error Teams shows under the card), never a 5xx; the
 * service stays healthy and what it stored is still readable. FUZZ_RUNS cases per property.
 */
import fc from 'fast-check';
import { VERBS } from '../../src/cards/actions';
import type { Forum } from '../../src/domain';
import { USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { aDraftMeeting, CHANNEL, decisionForm, decisionInputs, press, publish } from './support';
import { anyValue, expectHealthy, FUZZ_RUNS, fuzzTimeout, text } from './fuzz';

jest.setTimeout(fuzzTimeout(4));

/** Every field name any verb's data has (src/cards/actions.ts, form-verbs.ts). */
const FIELDS = [
  'forumId',
  'meetingId',
  'itemNumber',
  'followUpId',
  'version',
  'comment',
  'read',
  'wantsDiscussion',
  'publishDate',
  'publishTime',
  'outcome',
  'outcomeText',
  'decisionText',
  'owners',
  'suggested',
  'newRows',
  'proposalNumbers',
  'proposal_1',
  'proposal_2',
  'fu_0_keep',
  'fu_0_text',
  'fu_0_owner',
  'fu_0_due',
  'new_0_text',
  'new_0_owner',
  'new_0_due',
  'lines',
  'newDate',
  'reason',
  'inputSuffix',
  'newDate_0',
  'reason_0',
  'days',
  'status',
  'view',
  'roster',
  'forumName',
  'secretary',
  'chair',
  'members',
  'dept_0',
];

describe(`card actions under ${FUZZ_RUNS} arbitrary presses per property`, () => {
  let h: Harness;
  let forum: Forum;
  let followUpId: string;
  beforeAll(async () => {
    h = await startHarness({ logLevel: 'silent' });
    forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    await h.store.meetings.create(aDraftMeeting(forum, 'm-2', { date: '2026-03-19' }));
    await publish(h, forum, 'm-1');
    const form = await decisionForm(h, forum, 'm-1', 1);
    await press(
      h,
      form,
      'decision.save',
      USERS.secretary,
      decisionInputs(form, 'Godkendt.', { text: 'Kultur & Fritid laver en plan', owner: USERS.chiefCulture, due: '2026-03-20' }),
      { channel: true },
    );
    followUpId = (await h.store.followUps.listByForum(forum.id))[0].id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  const who = () => fc.constantFrom(USERS.secretary, USERS.director, USERS.chiefCulture, { id: '29:stranger', name: 'Ukendt', aadObjectId: 'aad-x' });
  const where = () => fc.constantFrom(CHANNEL, { conversation: 'personal' as const });

  function isInvokeAnswer(status: number, body: unknown): boolean {
    const b = body as { statusCode?: number; type?: string } | null;
    if (status === 200) return b?.type === 'application/vnd.microsoft.card.adaptive' || b?.type === 'application/vnd.microsoft.activity.message';
    return status === 400 && b?.type === 'application/vnd.microsoft.error';
  }

  test('arbitrary data for every verb gets an invoke answer, never a 5xx', async () => {
    const value = fc.oneof(
      { weight: 3, arbitrary: anyValue() },
      { weight: 2, arbitrary: text() },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          forum.id,
          'm-1',
          'm-2',
          followUpId,
          '1',
          '3',
          '4',
          1,
          99999,
          '2026-03-20',
          '08:00',
          'approved',
          'other',
          'true',
          'false',
          'o0',
          'd:Kultur & Fritid',
          'item',
          'overview',
          '_0',
          '',
        ),
      },
    );
    const data = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: text() }), value, { maxKeys: 12 });
    const verb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VERBS) }, { weight: 1, arbitrary: text() });
    await fc.assert(
      fc.asyncProperty(verb, data, who(), where(), async (v, d, from, w) => {
        const res = await h.post(h.anInvoke(v, d, { from, ...w }));
        expect(res.status).toBeLessThan(500);
        expect(isInvokeAnswer(res.status, res.body)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
    expect(await h.store.meetings.listByForum(forum.id)).toEqual(expect.any(Array));
  });

  test('valid presses of every verb with one or two fields changed to garbage never get a 5xx', async () => {
    const m = () => ({ forumId: forum.id, meetingId: 'm-1' });
    const valid: Record<string, () => Record<string, unknown>> = {
      'agenda.publish': () => ({ forumId: forum.id, meetingId: 'm-2' }),
      'agenda.schedule': () => ({ forumId: forum.id, meetingId: 'm-2', publishDate: '2026-03-16', publishTime: '08:00' }),
      'item.comment': () => ({ ...m(), itemNumber: 1, comment: 'En kommentar' }),
      'item.read': () => ({ ...m(), itemNumber: 2, read: 'true' }),
      'item.discuss': () => ({ ...m(), itemNumber: 1, wantsDiscussion: 'true' }),
      'item.decide': () => ({ ...m(), itemNumber: 2 }),
      'decision.save': () => ({
        ...m(),
        itemNumber: 2,
        version: '',
        outcome: 'noted',
        decisionText: 'Taget til efterretning.',
        owners: ['d:Kultur & Fritid'],
        newRows: 1,
        new_0_text: 'Plan',
        new_0_owner: 'o0',
        new_0_due: '2026-04-01',
      }),
      'communications.save': () => ({ ...m(), itemNumber: 4, version: '', lines: 'fra 2026-03-10: [Kultur & Fritid] Nyt om indgangen.' }),
      'followup.postpone': () => ({ forumId: forum.id, followUpId, newDate: '2026-04-30', reason: 'Vent' }),
      'followup.snooze': () => ({ forumId: forum.id, followUpId, days: '2' }),
      'checkin.answer': () => ({ forumId: forum.id, followUpId, status: 'late', newDate: '2026-05-01' }),
      refresh: () => ({ view: 'item', ...m(), itemNumber: 3 }),
    };
    const verbs = Object.keys(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...verbs),
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue()), { minLength: 1, maxLength: 2 }),
        who(),
        where(),
        async (v, changes, from, w) => {
          const data = valid[v]();
          for (const [k, value] of changes) data[k] = value;
          const res = await h.post(h.anInvoke(v, data, { from, ...w }));
          expect(res.status).toBeLessThan(500);
          expect(isInvokeAnswer(res.status, res.body)).toBe(true);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
  });

  test('broken invoke envelopes (value, action, verb of any type) get 400, never a 5xx', async () => {
    const envelope = fc.oneof(
      anyValue(),
      fc.record({ action: anyValue(), trigger: anyValue() }, { requiredKeys: [] }),
      fc.record({ action: fc.record({ type: fc.oneof(fc.constant('Action.Execute'), text()), verb: anyValue(), data: anyValue() }, { requiredKeys: [] }) }),
    );
    await fc.assert(
      fc.asyncProperty(envelope, who(), where(), async (value, from, w) => {
        const res = await h.post({ ...h.anInvoke('refresh', {}, { from, ...w }), value });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectHealthy(h);
  });

  test('invokes the bot does not handle (any other name) get a client error, not a 5xx', async () => {
    const name = fc.oneof(fc.constantFrom('', 'task/fetch', 'composeExtension/query', 'signin/verifyState', 'config/fetch', 'adaptiveCard/unknown'), text());
    await fc.assert(
      fc.asyncProperty(name, anyValue(), async (n, value) => {
        const res = await h.post({ ...h.anInvoke('refresh', {}, { from: USERS.chiefTech }), name: n, value });
        expect([n, res.status < 500]).toEqual([n, true]);
      }),
      { numRuns: Math.max(10, Math.floor(FUZZ_RUNS / 5)) },
    );
    await expectHealthy(h);
  });
});
