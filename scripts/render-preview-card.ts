/**
 * `npx ts-node --transpile-only scripts/render-preview-card.ts [out.png]`: the preview card of an
 * agenda pasted without a header (items only, no date), rendered by the Adaptive Cards renderer in
 * Chromium (/usr/bin/chromium, as the playground tests use it) for docs/import.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { agendaPreviewCard } from '../src/cards/agenda-preview';
import type { Meeting } from '../src/domain';
import { parseDocument } from '../src/minutes/parse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/playground/support/playground-page';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'images', 'preview-missing-date.png'));
const PASTED = [
  'Udvalg: Teknik- og Miljøudvalget',
  'Mødested: C3.40',
  '',
  '1. Godkendelse af dagsorden',
  '',
  '2. Orientering om vejbelysning',
  'Sagsnr.: 00.00.00-P19-560-06 Sagsbehandler: L. Hansen',
  'Der orienteres om status for udskiftningen af armaturer.',
  '',
  '3. Eventuelt',
].join('\n');

async function main(): Promise<void> {
  const { meeting: m, warnings } = parseDocument(PASTED);
  const meeting: Meeting = {
    id: 'preview',
    forumId: 'forum',
    kind: m.kind,
    forumName: m.forumName,
    date: m.date,
    start: m.start,
    location: m.location,
    status: 'draft',
    items: m.items,
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
  };
  const card = agendaPreviewCard(meeting, warnings, 'da');
  const renderer = readFileSync(path.join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'), 'utf8');
  const css = readFileSync(path.join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.css'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 560, height: 400 }, deviceScaleFactor: 1, locale: 'da-DK' });
    await page.setContent(
      `<html><head><style>${css} body{font-family:'Segoe UI',sans-serif;background:#f5f5f5;margin:16px} #card{background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003;width:520px}</style></head><body><div id="card"></div></body></html>`,
    );
    await page.addScriptTag({ content: renderer });
    await page.evaluate((json) => {
      const AC = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => { parse(j: unknown): void; render(): HTMLElement } } }).AdaptiveCards;
      const c = new AC.AdaptiveCard();
      c.parse(json);
      document.getElementById('card')!.appendChild(c.render());
    }, card);
    await page.locator('#card').screenshot({ path: OUT });
    console.log(`${OUT}: ${warnings.map((w) => w.code).join(', ')}`);
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
