/** The side panel's "Opfølgning" section: the secretary and chair see the status card; chiefs do not. */
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
