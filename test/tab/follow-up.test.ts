/** The side panel's "Opfølgning" section: the secretary and chair see the status card; chiefs do not. */
import { t } from '../../src/i18n';
import { TEST_CHANNEL, USERS } from '../support/activities';
import { FIGURES, historyIn, NOW } from '../support/figures-forum';
import { allOfType, cardProblems, type Json, withFallbacks } from '../cards/validate';
import { type PanelWorld, startPanelWorld } from './support';

let w: PanelWorld;
beforeAll(async () => {
  w = await startPanelWorld({ now: NOW });
  const { meetings, followUps } = historyIn(w.forum.id);
  for (const m of meetings.filter((x) => x.status === 'closed')) await w.h.store.meetings.create(m);
  await w.h.store.followUps.createMany(followUps);
});
afterAll(async () => {
  await w?.h.stop();
});

const path = (locale: string) => `/api/tab/meeting?conversationId=${encodeURIComponent(TEST_CHANNEL.id)}&locale=${locale}`;

describe('the follow-up section of the side panel', () => {
  it('gives the secretary the last six meetings and the quarter’s gauge, readable without charts too', async () => {
    const res = await w.api(path('da-DK'), { token: await w.sso.token(USERS.secretary) });
    expect(res.status).toBe(200);
    const card = res.body.followUpStatus as Json;
    expect(cardProblems(card)).toEqual([]);
    expect(((allOfType(card, 'Chart.HorizontalBar.Stacked')[0].data as Json[]) ?? []).length).toBe(6);
    expect(allOfType(card, 'Chart.Gauge')[0].value).toBe(FIGURES.quarter.percent);
    expect(JSON.stringify(withFallbacks(card))).toContain('40 % (4 af 10');
  });

  it('in the chair’s language', async () => {
    const res = await w.api(path('en-US'), { token: await w.sso.token(USERS.director) });
    expect(JSON.stringify(res.body.followUpStatus)).toContain('Done on time, last quarter');
  });

  it('a chief gets no follow-up section', async () => {
    const res = await w.api(path('da-DK'), { token: await w.sso.token(USERS.chiefCulture) });
    expect(res.status).toBe(200);
    expect(res.body.followUpStatus).toBeNull();
  });
});

describe('choosing a language in the side panel', () => {
  it('a chief in an English Teams chooses Danish: the panel and the bot answer in Danish from then on', async () => {
    const chief = await w.sso.token(USERS.chiefTech);
    const before = await w.api(path('en-US'), { token: chief });
    expect(before.body).toMatchObject({ locale: 'en', language: null });
    expect(JSON.stringify(before.body.items)).toContain(JSON.stringify(t('en', 'card.item.wantsDiscussion')));
    const set = await w.api('/api/tab/language', { token: chief, method: 'POST', body: { language: 'da', conversationId: TEST_CHANNEL.id } });
    expect(set).toEqual({ status: 200, body: { language: 'da' } });
    const after = await w.api(path('en-US'), { token: chief });
    expect(after.body).toMatchObject({ locale: 'da', language: 'da' });
    expect(JSON.stringify(after.body.items)).toContain(JSON.stringify(t('da', 'card.item.wantsDiscussion')));
    // The same choice is the bot's: stored per person.
    expect(await w.h.store.conversations.getLocale(USERS.chiefTech.id)).toBe('da');
    await w.api('/api/tab/language', { token: chief, method: 'POST', body: { language: 'auto', conversationId: TEST_CHANNEL.id } });
    expect((await w.api(path('en-US'), { token: chief })).body).toMatchObject({ locale: 'en', language: null });
  });

  it('refuses an unknown language with a clear message and stores nothing', async () => {
    const res = await w.api('/api/tab/language', {
      token: await w.sso.token(USERS.chiefFinance),
      method: 'POST',
      body: { language: 'klingon', conversationId: TEST_CHANNEL.id },
    });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toContain('sprog');
    expect(await w.h.store.conversations.getLocale(USERS.chiefFinance.id)).toBeNull();
  });
});
