/**
 * The side panel's follow-up section and language picker in Chromium (as browser.test.ts: a stub
 * Teams host, the real server and Azurite, nothing leaves the machine). The panel's renderer has no
 * chart elements, so what the secretary reads is each chart's text fallback.
 */
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, TEST_TENANT, type TestUser, USERS } from '../support/activities';
import { historyIn, NOW } from '../support/figures-forum';
import { type StubHost, startStubHost } from './stub-host';
import { type PanelWorld, startPanelWorld } from './support';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

(existsSync(CHROMIUM) ? describe : describe.skip)('the side panel’s follow-up section and language in Chromium', () => {
  let w: PanelWorld;
  let host: StubHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startStubHost();
    w = await startPanelWorld({ now: NOW, env: { TAB_EXTRA_ORIGINS: host.origin } });
    const { meetings, followUps } = historyIn(w.forum.id);
    for (const m of meetings.filter((x) => x.status === 'closed')) await w.h.store.meetings.create(m);
    await w.h.store.followUps.createMany(followUps);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.h.stop();
    await host?.close();
  });

  async function openInHost(user: TestUser, locale: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 340, height: 900 } });
    const allowed = [w.h.url, host.origin];
    await page.route('**/*', (route) => (allowed.some((o) => route.request().url().startsWith(o)) ? route.continue() : route.abort()));
    await page.exposeFunction('__teamsToken', () => w.sso.token(user));
    const context = { locale, userObjectId: user.aadObjectId, tid: TEST_TENANT, channelId: TEST_CHANNEL.id, meetingId: 'MCMxOTptZWV0aW5n' };
    await page.goto(host.pageUrl(`${w.h.url}/tab/index.html`, context));
    return page;
  }

  it('shows the secretary the follow-up figures as text under the agenda', async () => {
    const page = await openInHost(USERS.secretary, 'da-DK');
    const section = page.frameLocator('#tab').locator('#follow-up-status');
    await section.getByText(t('da', 'figures.byMeeting.title')).waitFor();
    await section.getByText('Til tiden: 1 · For sent: 1 · Stadig åbne: 0 · Udgået: 1').waitFor();
    await section.getByText('40 % (4 af 10 med frist 7. juni 2026 – 6. september 2026)').waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await section.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'side-panel-follow-up.png') });
    await page.close();
  });

  it('lets a chief in an English Teams switch the panel to Danish, and it stays Danish next time', async () => {
    const page = await openInHost(USERS.chiefCulture, 'en-US');
    const tab = page.frameLocator('#tab');
    await tab
      .getByRole('button', { name: t('en', 'card.item.wantsDiscussion') })
      .first()
      .waitFor();
    await tab.getByLabel(t('en', 'tab.page.language')).selectOption('da');
    await tab
      .getByRole('button', { name: t('da', 'card.item.wantsDiscussion') })
      .first()
      .waitFor();
    await page.close();
    const again = await openInHost(USERS.chiefCulture, 'en-US');
    await again
      .frameLocator('#tab')
      .getByRole('button', { name: t('da', 'card.item.wantsDiscussion') })
      .first()
      .waitFor();
    expect(await w.h.store.conversations.getLocale(USERS.chiefCulture.id)).toBe('da');
    await again.close();
  });
});
