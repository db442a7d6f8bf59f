/**
 * The side panel's JSON API over real HTTP: the real server (harness, token mode, local SSO keys),
 * real Azurite, the agenda published to the fake Bot Connector.
 */
import { t } from '../../src/i18n';
import { TEST_CHANNEL, OTHER_TENANT, USERS } from '../support/activities';
import { startHarness } from '../support/harness';
import { CLOSED_SECRET, CLOSED_TITLE, GUEST, MEETING_ID, type PanelWorld, startPanelWorld } from './support';

let w: PanelWorld;
beforeAll(async () => {
  w = await startPanelWorld();
});
afterAll(async () => {
  await w?.h.stop();
});

const meetingPath = (locale = 'da-DK', conversationId = TEST_CHANNEL.id) =>
  `/api/tab/meeting?conversationId=${encodeURIComponent(conversationId)}&locale=${locale}`;

function decisionData(over: Record<string, unknown> = {}) {
  return {
    forumId: w.forum.id,
    meetingId: MEETING_ID,
    itemNumber: 1,
    version: '',
    owners: [`d:Kultur & Fritid`],
    suggested: [],
    newRows: 1,
    proposalNumbers: [],
    outcome: 'approved',
    outcomeText: '',
    decisionText: 'Modellen blev godkendt. Kultur & Fritid er tovholder.',
    new_0_text: 'Udarbejde en plan for udrulningen',
    new_0_owner: 'o0',
    new_0_due: '2026-04-15',
    ...over,
  };
}

describe('signing in to the side panel API', () => {
  it('answers 401 with a Danish explanation and no stack when there is no token or a forged one', async () => {
    const none = await w.api(meetingPath());
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: 'unauthorized', message: expect.stringContaining('logget ind') });
    const forged = await w.api(meetingPath(), { token: await w.sso.token(USERS.secretary, {}, { unknownKey: true }) });
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged.body)).not.toMatch(/at \w+ \(|node_modules|jose/);
  });

  it('refuses a user from a tenant that is not allowed with 403', async () => {
    const token = await w.sso.token(USERS.secretary, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });
    const res = await w.api(meetingPath(), { token });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/organisation/);
  });

  it('tells a user who is in no forum, in a meeting the bot does not know, that they are not in a forum', async () => {
    const res = await w.api(meetingPath('da-DK', '19:meeting_unknown@thread.v2'), { token: await w.sso.token(GUEST) });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/forum/);
  });

  it('in local mode (no app id) answers 503 saying the panel needs an app id', async () => {
    const local = await startHarness({ logLevel: 'silent' });
    try {
      const res = await fetch(`${local.url}${meetingPath()}`, { headers: { authorization: `Bearer ${await w.sso.token(USERS.secretary)}` } });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'sso-not-configured', message: expect.stringContaining('MicrosoftAppId') });
    } finally {
      await local.stop();
    }
  });
});

describe('the agenda in the side panel', () => {
  it('shows a chief the agenda with time slots and case numbers, and the closed item only as "Lukket punkt" until opened', async () => {
    const res = await w.api(meetingPath(), { token: await w.sso.token(USERS.chiefCulture) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'member', canDecide: false, forum: { id: w.forum.id }, meeting: { id: MEETING_ID, date: '2026-03-05' } });
    const items = res.body.items as { number: number; closed: boolean; card: unknown; privateCard: unknown }[];
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const first = JSON.stringify(items[0].card);
    expect(first).toContain('Ny model for borgerhenvendelser');
    expect(first).toContain('00.01.00-A00-1-26');
    expect(first).toContain('9.10');
    const closed = items[2];
    expect(JSON.stringify(closed.card)).toContain('Lukket punkt');
    expect(JSON.stringify(closed.card)).not.toContain(CLOSED_SECRET);
    expect(JSON.stringify(closed.card)).not.toContain(CLOSED_TITLE);
    expect(JSON.stringify(res.body.overview)).not.toContain(CLOSED_TITLE);
    // A chief on the roster has the closed item in 1:1 chat already; the panel opens it on request.
    expect(JSON.stringify(closed.privateCard)).toContain(CLOSED_SECRET);
    expect(first).not.toContain('item.decide');
  });

  it('shows a guest in the forum’s channel meeting the agenda without any closed content', async () => {
    const res = await w.api(meetingPath(), { token: await w.sso.token(GUEST) });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('guest');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(CLOSED_SECRET);
    expect(text).not.toContain(CLOSED_TITLE);
    expect((res.body.items as { privateCard: unknown }[]).every((i) => i.privateCard === null)).toBe(true);
  });

  it('finds the forum from the user’s roster when the meeting chat is not the forum’s channel', async () => {
    const res = await w.api(meetingPath('da-DK', '19:meeting_private-chat@thread.v2'), { token: await w.sso.token(USERS.secretary) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'secretary', canDecide: true, forum: { id: w.forum.id } });
    expect(JSON.stringify((res.body.items as { card: unknown }[])[0].card)).toContain('item.decide');
  });

  it('speaks English to a Teams client in English', async () => {
    const res = await w.api(meetingPath('en-US'), { token: await w.sso.token(USERS.chiefTech) });
    expect(res.body.locale).toBe('en');
    expect(JSON.stringify((res.body.items as { card: unknown }[])[2].card)).toContain('Closed item');
    const refused = await w.api('/api/tab/meeting?locale=en-GB');
    expect(refused.body.message).toMatch(/signed in/);
  });
});

describe('recording decisions from the side panel', () => {
  it('does not let a chief open the decision form or record a decision (403), and stores nothing', async () => {
    const token = await w.sso.token(USERS.chiefCulture);
    const form = await w.api(`/api/tab/decision-form?forumId=${w.forum.id}&meetingId=${MEETING_ID}&itemNumber=1`, { token });
    expect(form.status).toBe(403);
    const save = await w.api('/api/tab/action', { method: 'POST', token, body: { verb: 'decision.save', data: decisionData() } });
    expect(save.status).toBe(403);
    expect(save.body).toEqual({ error: 'forbidden', message: expect.stringContaining('sekretær') });
    expect(await w.h.store.decisions.get(MEETING_ID, 1)).toBeNull();
  });

  it('gives the secretary the same decision form as the card', async () => {
    const token = await w.sso.token(USERS.secretary);
    const res = await w.api(`/api/tab/decision-form?forumId=${w.forum.id}&meetingId=${MEETING_ID}&itemNumber=2`, { token });
    expect(res.status).toBe(200);
    const card = JSON.stringify(res.body.card);
    expect(card).toContain('decision.save');
    expect(card).toContain('decisionText');
  });

  it('refuses an action whose data does not fit the form, saying which field, without echoing it', async () => {
    const token = await w.sso.token(USERS.secretary);
    const res = await w.api('/api/tab/action', {
      method: 'POST',
      token,
      body: { verb: 'decision.save', data: decisionData({ outcome: 'vedtaget-måske', new_0_due: '31-02-2026' }) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-input');
    expect(res.body.message).toBe(t('da', 'error.field.choice', { field: t('da', 'card.decision.outcome') }));
    expect(res.body.message).not.toContain('vedtaget-måske');
    const unknown = await w.api('/api/tab/action', {
      method: 'POST',
      token,
      body: { verb: 'meeting.close', data: { forumId: w.forum.id, meetingId: MEETING_ID } },
    });
    expect(unknown.status).toBe(400);
  });

  it('records the secretary’s decision: stored with its follow-up, the channel card updated, the panel card shows it', async () => {
    const token = await w.sso.token(USERS.secretary);
    const before = w.h.fake.sent().length;
    const res = await w.api('/api/tab/action', { method: 'POST', token, body: { verb: 'decision.save', data: decisionData(), locale: 'da-DK' } });
    expect(res.status).toBe(200);
    expect(res.body.itemNumber).toBe(1);
    expect(JSON.stringify(res.body.card)).toContain('Modellen blev godkendt');

    const stored = await w.h.store.decisions.get(MEETING_ID, 1);
    expect(stored?.value).toMatchObject({ outcome: 'approved', text: 'Modellen blev godkendt. Kultur & Fritid er tovholder.', recordedBy: USERS.secretary.id });
    const followUps = await w.h.store.followUps.listByMeeting(w.forum.id, MEETING_ID);
    expect(followUps).toEqual([
      expect.objectContaining({ text: 'Udarbejde en plan for udrulningen', owner: { kind: 'department', name: 'Kultur & Fritid' }, status: 'open' }),
    ]);

    const update = w.h.fake
      .sent()
      .slice(before)
      .find((s) => s.kind === 'update' && s.activityId === w.channelActivityId(1));
    expect(update).toBeDefined();
    expect(JSON.stringify(update?.activity)).toContain('Modellen blev godkendt');
  });
});

describe('what the side panel leaves behind', () => {
  it('never writes a closed item’s content or a token to the log', () => {
    const log = w.h.logText();
    expect(log).toContain('side panel');
    expect(log).not.toContain(CLOSED_SECRET);
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});

describe('the page files', () => {
  it('serves the panel page with Teams as the only frame ancestors, and nothing outside its folder', async () => {
    const res = await fetch(`${w.h.url}/tab/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/\*\.cloud\.microsoft https:\/\/teams\.microsoft\.com/);
    const html = await res.text();
    expect(html).toContain('<script id="tab-config" type="application/json">{"validOrigins":[]}</script>');
    expect((await fetch(`${w.h.url}/tab/main.js`)).status).toBe(200);
    expect((await fetch(`${w.h.url}/tab/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${w.h.url}/tab/.inputs.json`)).status).toBe(404);
  });
});
