/**
 * The side panel in a real browser: Debian's Chromium driven by playwright-core, the page iframed by a
 * stub Teams host (another origin, allowed through TAB_EXTRA_ORIGINS), the real server and Azurite.
 * No request leaves the machine: everything but the two local origins is aborted.
 */
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, TEST_TENANT, type TestUser, USERS } from '../support/activities';
import { type StubHost, startStubHost } from './stub-host';
import { CLOSED_SECRET, MEETING_ID, type PanelWorld, startPanelWorld } from './support';
import { describeIf } from '../support/skip';

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

const haveChromium = existsSync(CHROMIUM);
describeIf(haveChromium, `${CHROMIUM} is missing (install it with: apt-get install -y chromium)`)('the meeting side panel in Chromium', () => {
  let w: PanelWorld;
  let host: StubHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startStubHost();
    w = await startPanelWorld({ env: { TAB_EXTRA_ORIGINS: host.origin } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await w?.h.stop();
    await host?.close();
  });

  async function openPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 340, height: 900 } });
    const allowed = [w.h.url, host.origin];
    await page.route('**/*', (route) => (allowed.some((o) => route.request().url().startsWith(o)) ? route.continue() : route.abort()));
    return page;
  }

  async function openInHost(user: TestUser, opts: { silent?: boolean } = {}): Promise<Page> {
    const page = await openPage();
    await page.exposeFunction('__teamsToken', () => w.sso.token(user));
    const context = { locale: 'da-DK', userObjectId: user.aadObjectId, tid: TEST_TENANT, channelId: TEST_CHANNEL.id, meetingId: 'MCMxOTptZWV0aW5n' };
    await page.goto(host.pageUrl(`${w.h.url}/tab/index.html`, context, opts));
    return page;
  }

  it('lets the secretary record a decision in the panel, which is then found in storage', async () => {
    const page = await openInHost(USERS.secretary);
    const tab = page.frameLocator('#tab');
    const item1 = tab.locator('#item-1');
    await item1.getByRole('button', { name: t('da', 'card.item.decide') }).click();
    await item1.getByLabel(t('da', 'card.decision.text')).fill('Modellen blev godkendt med en evaluering efter et halvt år.');
    await item1.getByLabel(t('da', 'card.decision.fuText')).first().fill('Evaluere modellen');
    mkdirSync(ARTIFACTS, { recursive: true });
    await item1.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'side-panel-form.png') });
    await item1.getByRole('button', { name: t('da', 'card.decision.save') }).click();
    await item1.getByText(t('da', 'tab.page.saved')).waitFor();
    await item1.getByText('Modellen blev godkendt med en evaluering').first().waitFor();

    const stored = await w.h.store.decisions.get(MEETING_ID, 1);
    expect(stored?.value).toMatchObject({ text: 'Modellen blev godkendt med en evaluering efter et halvt år.', recordedBy: USERS.secretary.id });
    const followUps = await w.h.store.followUps.listByMeeting(w.forum.id, MEETING_ID);
    expect(followUps.map((f) => f.text)).toContain('Evaluere modellen');

    await item1.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'side-panel.png') });
    await page.close();
  });

  it('shows a chief the agenda in Danish with the closed item hidden until they open it', async () => {
    const page = await openInHost(USERS.chiefTech);
    const tab = page.frameLocator('#tab');
    await tab.locator('#item-4').waitFor();
    await expect(
      tab
        .locator('#item-1')
        .getByRole('button', { name: t('da', 'card.item.decide') })
        .count(),
    ).resolves.toBe(0);
    const closed = tab.locator('#item-3');
    await expect(closed.textContent()).resolves.toContain('Lukket punkt');
    await expect(closed.textContent()).resolves.not.toContain(CLOSED_SECRET);
    await closed.getByRole('button', { name: t('da', 'tab.page.show-closed') }).click();
    await closed.getByText(CLOSED_SECRET).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await tab.locator('h1').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'side-panel-chief.png') });
    await page.close();
  });

  it('explains in Danish that it works inside a Teams meeting when opened directly in a browser', async () => {
    const page = await openPage();
    await page.goto(`${w.h.url}/tab/index.html`);
    await page.getByText('Denne side virker inde i et Teams-møde').waitFor({ timeout: 5000 });
    await page.close();
  });

  it('explains the same when iframed by a page that is not Teams (nobody answers within 2 s)', async () => {
    const page = await openInHost(USERS.secretary, { silent: true });
    await page.frameLocator('#tab').getByText('Denne side virker inde i et Teams-møde').waitFor({ timeout: 6000 });
    await page.close();
  });
});
