/**
 * The tab's configuration page (manifest configurationUrl): Teams shows it when the app is added to a
 * meeting; it sets the content page and enables Save. Opened outside Teams it explains itself.
 */
import { pages } from '@microsoft/teams-js';
import { connectToTeams, readPageConfig } from './host';
import { localeOf, t } from './text';

/** Stable id of the one tab this app has. */
const ENTITY_ID = 'meeting-agenda-panel';

function say(className: string, text: string, heading?: string): void {
  const main = document.getElementById('app') ?? document.body;
  const parts: HTMLElement[] = [];
  if (heading) {
    const h = document.createElement('h1');
    h.textContent = heading;
    parts.push(h);
  }
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  parts.push(p);
  main.replaceChildren(...parts);
}

async function start(): Promise<void> {
  const teams = await connectToTeams(readPageConfig(document));
  if (!teams) {
    say('notice', t('da', 'tab.page.outside'));
    return;
  }
  const locale = localeOf(teams.locale);
  document.documentElement.lang = locale;
  say('status', t(locale, 'tab.config.text'), t(locale, 'tab.config.title'));
  const base = new URL('.', window.location.href).href;
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config
      .setConfig({
        entityId: ENTITY_ID,
        contentUrl: new URL('index.html', base).href,
        suggestedDisplayName: t(locale, 'tab.page.title'),
      })
      .then(
        () => saveEvent.notifySuccess(),
        (e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : String(e)),
      );
  });
  pages.config.setValidityState(true);
}

void start().catch(() => say('notice', t('da', 'tab.page.outside')));
