/**
 * The meeting side panel on the bot's own server:
 *   GET  /tab/<file>                                 the page (built from src/tab/page on first request when stale)
 *   GET  /api/tab/meeting?conversationId=&locale=&meetingId=   the agenda as cards for this viewer, and their role
 *   GET  /api/tab/decision-form?forumId=&meetingId=&itemNumber=&locale=   the secretary's form for an item
 *   POST /api/tab/action  { verb, data, locale?, conversationId? }    a card action intercepted in the page
 *   POST /api/tab/language  { language: 'da' | 'en' | 'auto', conversationId? }   the viewer's own language
 * Every API call needs `Authorization: Bearer <Teams SSO token>` (src/tab/sso.ts). Answers are JSON;
 * errors are `{ error, message }` with the message in the viewer's language (src/tab/http.ts).
 */
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../app/deps';
import { readScope } from '../store/read-scope';
import type { Locale } from '../domain';
import { AppError } from '../domain';
import { localeOf } from '../i18n';
import { forumIdOf, runPanelAction } from './actions';
import { parseLanguage } from '../app/person-locale';
import { decisionForm, meetingView, setViewerLanguage, viewerLocale } from './api';
import { ensureTabBundle, defaultBundlePaths } from './bundle';
import { type ApiAnswer, errorAnswer, logApiError, queryOf, sendJson } from './http';
import type { SsoIdentity, SsoVerifier } from './sso';
import { staticFiles } from './static';
import { viewerFor } from './viewer';

export interface TabOptions {
  verifier: SsoVerifier;
  /** Folder of the built page (build/tab). */
  staticDir: string;
  /** Origins besides Teams that may host the page (TAB_EXTRA_ORIGINS). */
  extraOrigins: string[];
}

interface Call {
  /** The app's dependencies, with this request's reads remembered for the request (src/store/read-scope.ts). */
  deps: AppDeps;
  identity: SsoIdentity;
  locale: Locale;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

function bodyOf(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) && !Buffer.isBuffer(b) ? (b as Record<string, unknown>) : {};
}

function itemNumberOf(value: string | null): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 0) throw new AppError('invalid-input', 'itemNumber must be a whole number');
  return n;
}

export function mountTab(server: Server, deps: AppDeps, opts: TabOptions): void {
  const log = deps.logger.child({ component: 'side-panel' });
  const paths = { ...defaultBundlePaths(), outDir: opts.staticDir };
  let ready: Promise<void> | null = null;
  const ensure = () => {
    ready ??= ensureTabBundle(paths).then((built) => {
      if (built) log.info({ dir: opts.staticDir }, 'side panel page built');
    });
    // A failed build is retried on the next request.
    ready.catch(() => {
      ready = null;
    });
    return ready;
  };
  const files = staticFiles({ dir: opts.staticDir, extraOrigins: opts.extraOrigins, ready: ensure, logger: log });
  server.get('/tab', async (_req: Request, res: Response) => {
    res.header('location', '/tab/index.html');
    res.send(302);
  });
  server.get('/tab/*', files);

  const api = (what: string, run: (call: Call) => Promise<unknown>) => async (req: Request, res: Response) => {
    const query = queryOf(req.url);
    const body = bodyOf(req);
    const locale = localeOf(query.get('locale') ?? (typeof body.locale === 'string' ? body.locale : null));
    let answer: ApiAnswer;
    const reads = readScope(deps.store);
    try {
      const identity = await opts.verifier(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined);
      answer = { status: 200, body: await run({ deps: { ...deps, store: reads.store }, identity, locale, query, body }) };
    } catch (e) {
      answer = errorAnswer(e, locale);
      logApiError(log, e, what, answer.status);
    } finally {
      reads.end();
    }
    sendJson(res, answer);
  };

  server.get(
    '/api/tab/meeting',
    api('meeting', async ({ deps, identity, locale, query }) => {
      const viewer = await viewerFor(deps, identity, { conversationId: query.get('conversationId'), forumId: query.get('forumId') });
      return meetingView(deps, viewer, await viewerLocale(deps, viewer, locale), query.get('meetingId'));
    }),
  );

  server.get(
    '/api/tab/decision-form',
    api('decision-form', async ({ deps, identity, locale, query }) => {
      const viewer = await viewerFor(deps, identity, { forumId: query.get('forumId'), conversationId: query.get('conversationId') });
      const meetingId = query.get('meetingId');
      if (!meetingId) throw new AppError('invalid-input', 'meetingId is required');
      const mine = await viewerLocale(deps, viewer, locale);
      return { card: await decisionForm(deps, viewer, mine, { meetingId, itemNumber: itemNumberOf(query.get('itemNumber')) }) };
    }),
  );

  server.post(
    '/api/tab/action',
    api('action', async ({ deps, identity, locale, body }) => {
      if (typeof body.verb !== 'string') throw new AppError('invalid-input', 'verb is required');
      const conversationId = typeof body.conversationId === 'string' ? body.conversationId : null;
      const viewer = await viewerFor(deps, identity, { forumId: forumIdOf(body.data), conversationId });
      const result = await runPanelAction(deps, viewer, await viewerLocale(deps, viewer, locale), body.verb, body.data);
      log.info({ verb: body.verb, itemNumber: result.itemNumber, role: viewer.role }, 'side panel action handled');
      return result;
    }),
  );

  server.post(
    '/api/tab/language',
    api('language', async ({ deps, identity, body }) => {
      const chosen = typeof body.language === 'string' ? parseLanguage(body.language) : undefined;
      if (chosen === undefined) throw new AppError('invalid-input', 'language must be da, en or auto', { messageKey: 'language.unknown' });
      const conversationId = typeof body.conversationId === 'string' ? body.conversationId : null;
      const viewer = await viewerFor(deps, identity, { conversationId, forumId: typeof body.forumId === 'string' ? body.forumId : null });
      await setViewerLanguage(deps, viewer, chosen);
      return { language: chosen };
    }),
  );
}
