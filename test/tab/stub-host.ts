/**
 * A stub Microsoft Teams host for browser tests: an HTML page that iframes the side panel and answers
 * teams-js's postMessage protocol the way Teams does (see @microsoft/teams-js internal/communication.js):
 * the tab sends `{ id, uuidAsString, func, args }`; the host answers `{ id, uuidAsString, args }`.
 * Answered: `initialize` (frame context, client type, runtime config), `getContext` (the legacy context
 * shape Teams sends), `authentication.getAuthToken` (`[true, token]`, token from the test through
 * `window.__teamsToken`, which the test exposes with playwright). `?silent=1`: a host that never answers.
 * Served on 127.0.0.1 and opened as http://localhost:PORT, so it is another origin than the tab.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostContext {
  locale: string;
  userObjectId: string;
  tid: string;
  channelId?: string;
  chatId?: string;
  meetingId: string;
}

export interface StubHost {
  /** http://localhost:PORT */
  origin: string;
  /** The host page iframing `tabUrl` for a user (context as JSON in the query). */
  pageUrl(tabUrl: string, context: HostContext, opts?: { silent?: boolean; width?: number }): string;
  close(): Promise<void>;
}

const HOST_SCRIPT = `
const params = new URLSearchParams(location.search);
const tabUrl = params.get('tab');
const context = JSON.parse(params.get('context'));
const silent = params.get('silent') === '1';
const appOrigin = new URL(tabUrl).origin;
const frame = document.getElementById('tab');
frame.style.width = (params.get('width') || '320') + 'px';
const runtime = JSON.stringify({ apiVersion: 4, supports: { app: {}, authentication: {}, pages: { config: {} } } });
window.__calls = [];
window.addEventListener('message', async (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || typeof m.func !== 'string') return;
  window.__calls.push(m.func);
  if (silent) return;
  const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, appOrigin);
  if (m.func === 'initialize') reply(['sidePanel', 'web', runtime, '2.58.0']);
  else if (m.func === 'getContext') {
    reply([{ ...context, frameContext: 'sidePanel', hostClientType: 'web', entityId: 'meeting-agenda-panel', theme: 'default' }]);
  } else if (m.func === 'authentication.getAuthToken') {
    try { reply([true, await window.__teamsToken()]); } catch (e) { reply([false, String(e)]); }
  }
});
frame.src = tabUrl;
`;

const HOST_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Stub Teams host</title>
<style>body{margin:0;background:#ebebeb;font:14px sans-serif} iframe{height:100vh;border:0;background:#fff;display:block}</style>
</head><body><iframe id="tab" title="side panel"></iframe><script src="/host.js"></script></body></html>`;

export async function startStubHost(): Promise<StubHost> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/host.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HOST_PAGE);
    } else if (path === '/host.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(HOST_SCRIPT);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (tabUrl, context, opts = {}) => {
      const q = new URLSearchParams({
        tab: tabUrl,
        context: JSON.stringify(context),
        width: String(opts.width ?? 320),
        ...(opts.silent ? { silent: '1' } : {}),
      });
      return `${origin}/host.html?${q.toString()}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
