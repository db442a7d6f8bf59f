/** Only the Microsoft Entra tenants on the allow-list reach the bot; others are refused and never processed. */
import { OTHER_TENANT, TEST_TENANT, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';

describe('a tenant allow-list', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_TENANTS: `${TEST_TENANT}, 11111111-2222-3333-4444-555555555555` } });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  test('refuses an activity from a tenant not on the list with 403: no reply, nothing stored', async () => {
    const from = { ...USERS.chiefTech, id: '29:outsider' };
    const res = await h.post(h.aMessage('hjælp', { tenantId: OTHER_TENANT, from }));
    expect(res).toEqual({ status: 403, body: { error: 'tenant-not-allowed' } });
    expect(h.fake.requests()).toHaveLength(0);
    expect(await h.store.conversations.getPersonal('29:outsider')).toBeNull();
    expect(h.logText()).toContain(OTHER_TENANT);
  });

  test('refuses a card action from another tenant the same way', async () => {
    const res = await h.post(h.anInvoke('refresh', { view: 'overview', forumId: 'f', meetingId: 'm' }, { tenantId: OTHER_TENANT }));
    expect(res.status).toBe(403);
    expect(h.fake.requests()).toHaveLength(0);
  });

  test('refuses an activity that names no tenant at all', async () => {
    const activity = h.aMessage('hjælp');
    const { tenant: _t, ...channelData } = activity.channelData as Record<string, unknown>;
    const { tenantId: _c, ...conversation } = activity.conversation as Record<string, unknown>;
    const res = await h.post({ ...activity, channelData, conversation });
    expect(res.status).toBe(403);
  });

  test('serves a tenant on the list (ids compared without regard to case)', async () => {
    const res = await h.post(h.aMessage('hjælp', { tenantId: TEST_TENANT.toUpperCase() }));
    expect(res.status).toBe(200);
    expect(h.fake.cards()).toHaveLength(1);
    expect(await h.store.conversations.getPersonal(USERS.secretary.id)).not.toBeNull();
  });
});
