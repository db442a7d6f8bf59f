/** The bot keeps where it can write later: install, team add, every message; and meeting events. */
import { t } from '../../src/i18n';
import { TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import { useHarness } from '../support/use-harness';

describe('conversations the bot remembers', () => {
  const h = useHarness();

  test('installed in 1:1 chat, the bot greets with the help card and remembers the chat', async () => {
    const res = await h.post(h.anInstallationUpdate({ from: USERS.chiefCulture }));
    expect(res.status).toBe(200);
    expect(h.fake.texts()).toEqual([t('da', 'bot.welcome.personal')]);
    expect(JSON.stringify(h.fake.cards())).toContain('Det kan jeg hjælpe med');
    const stored = await h.store.conversations.getPersonal(USERS.chiefCulture.id);
    expect(stored).toMatchObject({ kind: 'personal', tenantId: TEST_TENANT, userId: USERS.chiefCulture.id });
    expect(stored!.reference).toMatchObject({ serviceUrl: h.fake.url, user: { id: USERS.chiefCulture.id } });
  });

  test('added to a team, the bot remembers the channel (for posting new threads later) and says nothing', async () => {
    const res = await h.post(h.aConversationUpdate());
    expect(res.status).toBe(200);
    expect(h.fake.sent()).toHaveLength(0);
    const stored = await h.store.conversations.get(TEST_CHANNEL.id);
    expect(stored).toMatchObject({ kind: 'channel', conversationId: TEST_CHANNEL.id, userId: null });
  });

  test('a reply in a channel thread keeps the channel’s own id, and a later post starts a new thread there', async () => {
    await h.post(h.aMessage('hjælp', { conversation: 'channel', conversationId: `${TEST_CHANNEL.id};messageid=42` }));
    const stored = (await h.store.conversations.get(TEST_CHANNEL.id))!;
    expect((stored.reference as { conversation: { id: string } }).conversation.id).toBe(TEST_CHANNEL.id);
    h.fake.reset();
    await h.app.botMessenger.send(stored, { text: 'Ny tråd' });
    expect(h.fake.sent()[0]).toMatchObject({ kind: 'send', conversationId: TEST_CHANNEL.id });
  });

  test('an English-speaking user installing the bot is greeted in English', async () => {
    await h.post(h.anInstallationUpdate({ from: USERS.chiefTech, locale: 'en-US' }));
    expect(h.fake.texts()).toEqual([t('en', 'bot.welcome.personal')]);
  });
});

describe('Teams meeting events', () => {
  const h = useHarness({ seedForum: true });

  test('a meeting-end event in the forum channel with no meeting that day changes and sends nothing', async () => {
    const res = await h.post(h.aMeetingEvent('end', { id: 'meeting-1' }, { conversation: 'channel' }));
    expect(res.status).toBe(200);
    expect(h.fake.sent()).toHaveLength(0);
    expect(await h.store.meetings.listByForum((await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value.id)).toEqual([]);
  });

  test('a malformed meeting event is ignored, never a crash', async () => {
    const event = h.aMeetingEvent('end', { id: 'meeting-2' }, { conversation: 'channel' });
    for (const value of [undefined, 'end', { Title: 'no id' }]) {
      const res = await h.post({ ...event, value });
      expect(res.status).toBe(200);
    }
    expect(h.fake.sent()).toHaveLength(0);
    expect(h.logText()).toContain('meeting event ignored');
  });
});
