/** Card actions (Universal Actions `adaptiveCard/action`): protocol errors, bad data, roles. */
import { t } from '../../src/i18n';
import { USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

describe('card actions', () => {
  let h: Harness;
  let forumId: string;
  beforeAll(async () => {
    h = await startHarness();
    forumId = (await h.seedForum()).id;
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  const includes = (body: unknown, text: string) => JSON.stringify(body).includes(JSON.stringify(text).slice(1, -1));

  test('an unknown verb gets 400 with an error Teams shows under the card, which stays as it was', async () => {
    const res = await h.post(h.anInvoke('item.vanish', { forumId }));
    expect(res).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'UnknownVerb', message: t('da', 'bot.unknown-verb') } },
    });
    expect(h.fake.sent()).toHaveLength(0);
  });

  test('an invoke without an Action.Execute gets 400 BadRequest, never a crash', async () => {
    const base = h.anInvoke('refresh', {});
    for (const value of [undefined, {}, { action: { type: 'Action.Submit', verb: 'refresh' } }, { action: { type: 'Action.Execute' } }, 'text']) {
      const res = await h.post({ ...base, value });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
    }
    expect((await h.get('/healthz')).status).toBe(200);
  });

  test('card data with missing or wrong fields gets an error card that hands back what the user typed', async () => {
    const comment = 'Vi bør tale om tidsplanen før sommerferien.';
    const res = await h.post(h.anInvoke('item.comment', { forumId, itemNumber: 'tre', comment }, { from: USERS.chiefCulture }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(includes(res.body, comment)).toBe(true);
    expect(includes(res.body, t('da', 'error.your-input'))).toBe(true);
    expect(JSON.stringify(res.body)).toMatch(/meetingId/);
  });

  test("a bad date in the decision form is named by its label, in the user's language, never in zod's English", async () => {
    const form = {
      forumId,
      meetingId: 'm-1',
      itemNumber: 5,
      outcome: 'approved',
      decisionText: 'Indstillingen blev godkendt.',
      suggested: [{ kind: 'task' }],
      fu_0_text: 'Udarbejde en plan for trafiksikkerhed',
      fu_0_due: 'næste fredag',
    };
    const da = JSON.stringify((await h.post(h.anInvoke('decision.save', form))).body);
    expect(da).toContain('Opfølgning 1: Feltet \\"Frist\\" skal være en dato.');
    expect(da).not.toMatch(/expected a date|fu_0_due/);
    expect(da).toContain('Udarbejde en plan for trafiksikkerhed'); // what they typed is handed back

    const en = JSON.stringify((await h.post(h.anInvoke('decision.save', form, { locale: 'en-US' }))).body);
    expect(en).toContain('Follow-up 1: The field \\"Due\\" must be a date.');
  });

  test('a decision text over the limit says which field and how many characters are allowed', async () => {
    const form = { forumId, meetingId: 'm-1', itemNumber: 5, outcome: 'approved', decisionText: 'x'.repeat(20_001) };
    const res = await h.post(h.anInvoke('decision.save', form));
    expect(JSON.stringify(res.body)).toContain('Feltet \\"Beslutningstekst\\" er for langt: højst 20000 tegn.');
  });

  test('a chief pressing a button only the secretary or chair may use is refused politely', async () => {
    const res = await h.post(h.anInvoke('agenda.publish', { forumId, meetingId: 'm-1' }, { from: USERS.chiefTech }));
    expect(res.status).toBe(200);
    expect(includes(res.body, t('da', 'error.forbidden'))).toBe(true);
    expect(h.fake.sent()).toHaveLength(0);
  });

  test('someone outside the forum cannot act on its cards from their own chat', async () => {
    const outsider = { id: '29:outsider', name: 'Ulla Udenfor', aadObjectId: 'aad-9999' };
    const res = await h.post(h.anInvoke('refresh', { view: 'overview', forumId, meetingId: 'm-1' }, { from: outsider }));
    expect(res.status).toBe(200);
    expect(includes(res.body, t('da', 'error.forbidden'))).toBe(true);
  });

  test('a card about a meeting that no longer exists says so', async () => {
    const res = await h.post(h.anInvoke('refresh', { view: 'overview', forumId, meetingId: 'gone' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(res.body)).toContain(t('da', 'card.error.title'));
  });

  test('a client without Universal Actions (Action.Submit fallback) gets the answer as a message', async () => {
    const res = await h.post({ ...h.aMessage(''), value: { verb: 'agenda.publish', forumId, meetingId: 'm-1' } }, {});
    expect(res.status).toBe(200);
    const cards = h.fake.cards();
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toContain(t('da', 'card.error.title'));
  });

  test('in a channel, a fallback error posted for all to see does not repeat what the user typed in the card', async () => {
    const secret = 'Beslutning om personalesag: afskedigelse af medarbejder';
    const value = { verb: 'decision.save', forumId, meetingId: 'm-1', itemNumber: 5, decisionText: secret };
    const res = await h.post({ ...h.aMessage('', { conversation: 'channel', mention: false }), value });
    expect(res.status).toBe(200);
    const cards = JSON.stringify(h.fake.cards());
    expect(cards).toContain(t('da', 'card.error.title'));
    expect(cards).not.toContain('personalesag');
  });
});
