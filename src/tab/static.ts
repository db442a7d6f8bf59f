/**
 * GET /tab/<file>: the built side panel page. The HTML gets the page's configuration (which extra
 * origins may host it, from TAB_EXTRA_ORIGINS) in a JSON script element, and a Content-Security-Policy
 * whose frame-ancestors are the Microsoft 365 hosts Microsoft lists for tabs plus those extra origins.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Request, Response } from 'restify';
import { t } from '../i18n';
import type { Logger } from '../logger';

/** Microsoft Learn, "Prerequisites for tabs": frame-ancestor permissions for Teams and Microsoft 365 hosts. */
export const TEAMS_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** What the page reads from `<script id="tab-config">`. */
export interface PageConfig {
  /** Origins besides Teams' own whose messages teams-js accepts (app.initialize's validMessageOrigins). */
  validOrigins: string[];
}

export interface StaticOptions {
  dir: string;
  extraOrigins: string[];
  /** Resolves when the files in `dir` are fresh (builds them when needed). */
  ready: () => Promise<void>;
  logger: Logger;
}

function configScript(config: PageConfig): string {
  // JSON inside HTML: "<" escaped so no value can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script id="tab-config" type="application/json">${json}</script>`;
}

function securityHeaders(extraOrigins: string[]): Record<string, string> {
  const ancestors = ["'self'", ...TEAMS_FRAME_ANCESTORS, ...extraOrigins].join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "connect-src 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** The file a request names: one plain file name under /tab/, or index.html for /tab/. */
function fileName(urlPath: string): string | null {
  const rest = urlPath.replace(/^\/tab\/?/, '');
  const name = rest === '' ? 'index.html' : rest;
  return /^[a-z0-9][a-z0-9-]*\.(html|js|css)$/.test(name) ? name : null;
}

export function staticFiles(opts: StaticOptions): (req: Request, res: Response) => Promise<void> {
  const headers = securityHeaders(opts.extraOrigins);
  const script = configScript({ validOrigins: opts.extraOrigins });
  return async (req, res) => {
    const name = fileName(req.path());
    if (!name) {
      res.send(404, { error: 'not-found' });
      return;
    }
    try {
      await opts.ready();
    } catch (e) {
      opts.logger.error({ reason: e instanceof Error ? e.message.split('\n')[0].slice(0, 300) : String(e) }, 'side panel page could not be built');
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(t('da', 'tab.error.bundle-missing'));
      return;
    }
    let body: Buffer;
    try {
      body = await fs.readFile(path.join(opts.dir, name));
    } catch {
      res.send(404, { error: 'not-found' });
      return;
    }
    const ext = path.extname(name);
    if (ext === '.html') body = Buffer.from(body.toString('utf8').replace('<!--tab-config-->', script), 'utf8');
    res.writeHead(200, {
      'content-type': TYPES[ext],
      'content-length': String(body.byteLength),
      'cache-control': 'no-cache',
      ...(ext === '.html' ? headers : { 'x-content-type-options': 'nosniff' }),
    });
    res.end(body);
  };
}
