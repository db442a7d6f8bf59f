/** "sprog dansk" / "language english": a person's own language, over the client's, in every answer to them. */
import { t } from '../../src/i18n';
import { USERS } from '../support/activities';
import { useHarness } from '../support/use-harness';

/** The first text of each card and each text message the bot sent. */
function firstTexts(sent: { activity: unknown }[]): string[] {
  return sent.flatMap(({ activity }) => {
    const a = activity as { text?: string; attachments?: { content?: { body?: { text?: string }[] } }[] };
    return [...(a.text ? [a.text] : []), ...(a.attachments ?? []).map((x) => x.content?.body?.[0]?.text ?? '')];
  });
}

describe('language per person', () => {
  const h = useHarness({ seedForum: true });
  const say = async (text: string, locale = 'en-US', from = USERS.chiefTech) => {
    h.fake.reset();
    expect((await h.post(h.aMessage(text, { locale, from }))).status).toBe(200);
    return firstTexts(h.fake.sent());
  };

  it('in a client that says en-US, "sprog dansk" makes every answer Danish until "language auto"', async () => {
    expect(await say('help')).toEqual(['What I can help with']);
    expect(await say('sprog dansk')).toEqual([t('da', 'language.set')]);
    expect(await say('help')).toEqual(['Det kan jeg hjælpe med']);
    expect(await say('opgaver')).toEqual([expect.stringMatching(/^Mine opgaver|Du har ingen/)]);
    expect(await say('language auto')).toEqual([t('en', 'language.auto')]);
    expect(await say('help')).toEqual(['What I can help with']);
  });

  it('is per person: another user in the same client language is not affected', async () => {
    await say('language english', 'da-DK', USERS.chiefCulture);
    expect(await say('hjælp', 'da-DK', USERS.chiefCulture)).toEqual(['What I can help with']);
    expect(await say('hjælp', 'da-DK', USERS.chiefFinance)).toEqual(['Det kan jeg hjælpe med']);
  });

  it('answers "sprog" alone with the current language, and an unknown one with a clear message', async () => {
    expect(await say('sprog', 'da-DK', USERS.secretary)).toEqual([t('da', 'language.current', { language: 'dansk' })]);
    await say('sprog klingon', 'da-DK', USERS.secretary);
    expect(JSON.stringify(h.fake.cards())).toContain(JSON.stringify(t('da', 'language.unknown')));
    expect(JSON.stringify(h.fake.cards())).toContain(t('da', 'card.error.title'));
    expect(await h.store.conversations.getLocale(USERS.secretary.id)).toBeNull();
  });
});
