/**
 * The meeting side panel page: connect to Teams, get the SSO token, show the meeting's agenda as
 * Adaptive Cards, and let the secretary or chair record decisions. Opened outside Teams it says so.
 */
import { renderAgenda } from './agenda';
import { ApiError, createApiClient } from './client';
import { connectToTeams, notifyLoaded, readPageConfig, ssoToken } from './host';
import { type Locale, localeOf, t } from './text';

function root(): HTMLElement {
  const main = document.getElementById('app');
  if (main) return main;
  const created = document.createElement('main');
  created.id = 'app';
  document.body.append(created);
  return created;
}

function showMessage(kind: 'notice' | 'error' | 'status', text: string, retry?: { label: string; run: () => void }): void {
  const p = document.createElement('p');
  p.className = kind;
  p.id = kind === 'notice' ? 'outside-teams' : 'status';
  if (kind === 'error') p.setAttribute('role', 'alert');
  p.textContent = text;
  const parts: HTMLElement[] = [p];
  if (retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'retry';
    button.textContent = retry.label;
    button.addEventListener('click', retry.run);
    parts.push(button);
  }
  root().replaceChildren(...parts);
}

async function load(locale: Locale, conversationId: string | null): Promise<void> {
  showMessage('status', t(locale, 'tab.page.loading'));
  const api = createApiClient({ token: ssoToken, locale, conversationId });
  try {
    renderAgenda(root(), await api.meeting(), api, () => void load(locale, conversationId));
  } catch (e) {
    const message = e instanceof ApiError ? e.message : t(locale, 'tab.page.network');
    showMessage('error', message, { label: t(locale, 'tab.page.retry'), run: () => void load(locale, conversationId) });
  }
}

async function start(): Promise<void> {
  const teams = await connectToTeams(readPageConfig(document));
  if (!teams) {
    document.documentElement.lang = 'da';
    showMessage('notice', t('da', 'tab.page.outside'));
    return;
  }
  const locale = localeOf(teams.locale);
  document.documentElement.lang = locale;
  document.title = t(locale, 'tab.page.title');
  await load(locale, teams.conversationId);
  notifyLoaded();
}

void start().catch(() => showMessage('notice', t('da', 'tab.page.outside')));
