/**
 * Driving the M365 Agents Playground (0.2.28) page like a person: pick a chat or channel in the left
 * rail, type in the composer (a Lexical `[contenteditable]`), @mention the bot from the mention picker,
 * press Enter or "Post", click buttons on the rendered Adaptive Cards (`.ac-adaptiveCard`), and send a
 * hand-edited activity through "Mock an Activity" → "Custom activity" (a Monaco editor).
 */
import type { Browser, Locator, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Opens the playground with every request that leaves this machine aborted (fonts and animations from a CDN). */
export async function openPlayground(browser: Browser, url: string): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (/^(https?|wss?):\/\/(localhost|127\.0\.0\.1)[:/]/.test(target) || /^(data|blob):/.test(target)) return route.continue();
    blocked.push(target);
    return route.abort();
  });
  // Fail a step with the locator's own message, well before the test's timeout.
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return { page, blocked };
}

/** The conversation buttons in the left rail are named "Personal Chat" or "<team> - <channel>". */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.locator(`button[aria-label="${name}"]`).click();
}

function composer(page: Page): Locator {
  return page.locator('[contenteditable="true"][role="textbox"]').first();
}

/** A new post in the open channel: "@<bot>" chosen from the mention picker, then the text, then "Post". */
export async function postToBot(page: Page, botName: string, text: string): Promise<void> {
  await page.getByText('Start a new post').waitFor();
  await composer(page).click();
  await page.keyboard.type(`@${botName.slice(0, 3)}`);
  await page.getByRole('menuitem', { name: botName }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

/** A message in the open 1:1 or group chat: typed, then Enter. */
export async function sendInChat(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Pastes `text` into the open chat's composer and presses Enter, but stops the message on its way to
 * the playground's server; resolves with what the page would have sent.
 */
export async function pasteAndCatch(page: Page, text: string): Promise<{ text?: string }> {
  const route = '**/_conversation/v1/conversations/*/messages';
  let caught: (body: { text?: string }) => void = () => undefined;
  const sent = new Promise<{ text?: string }>((resolve) => {
    caught = resolve;
  });
  await page.route(route, (r) => {
    caught(r.request().postDataJSON() as { text?: string });
    return r.abort();
  });
  await composer(page).click();
  await composer(page).evaluate((box, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.keyboard.press('Enter');
  const body = await sent;
  await page.unroute(route);
  return body;
}

/** Rendered Adaptive Cards holding a text block that reads exactly `text` (a title, a message). */
export function cards(page: Page, text: string): Locator {
  return page.locator('.ac-adaptiveCard').filter({ has: page.getByText(text, { exact: true }) });
}

/** A plain text message in the conversation (not its echo in the log panel). */
export function message(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true }).and(page.locator('p'));
}

/** The text as rendered on screen (what a person reads), not hidden nodes. */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
  return locator.innerText();
}

/** Scrolls the conversation pane so that `locator` starts `marginPx` below the pane's top edge. */
export async function scrollTo(locator: Locator, marginPx: number): Promise<void> {
  await locator.evaluate((e, margin) => {
    let pane = e.parentElement;
    while (pane && !(pane.scrollHeight > pane.clientHeight && /(auto|scroll)/.test(getComputedStyle(pane).overflowY))) pane = pane.parentElement;
    if (!pane) return;
    pane.scrollTop += e.getBoundingClientRect().top - pane.getBoundingClientRect().top - margin;
  }, marginPx);
}

/** A screenshot of the page without the log panel on the right (for the README). */
export async function screenshotChat(page: Page, file: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const panel = await page.getByText('Log Panel', { exact: true }).boundingBox();
  const size = page.viewportSize() ?? { width: 1280, height: 860 };
  const width = panel ? Math.round(panel.x) - 16 : size.width;
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height: size.height } });
}

/**
 * "Mock an Activity" → "Custom activity": the dialog opens with an activity for the open conversation;
 * like a person we select all, copy it, change it and paste it back, then press "Send activity".
 */
export async function sendCustomActivity(page: Page, edit: (activity: Record<string, unknown>) => void): Promise<void> {
  await page.getByRole('button', { name: 'Mock an Activity' }).click();
  await page.getByRole('menuitem', { name: 'Custom activity' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.monaco-editor').click();
  await page.keyboard.press('Control+A');
  const prefilled = await page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  const activity = JSON.parse(prefilled) as Record<string, unknown>;
  edit(activity);
  await page.evaluate(
    (json) => {
      const data = new DataTransfer();
      data.setData('text/plain', json);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    JSON.stringify(activity, null, 2),
  );
  await dialog.getByRole('button', { name: 'Send activity' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
