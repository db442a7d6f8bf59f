/**
 * The HTTP service: restify wiring only.
 *   POST /api/messages  → the bot endpoint (src/bot/endpoint.ts)
 *   GET  /healthz       → 200 when storage answers, 503 otherwise
 */
import * as restify from 'restify';
import { errorLogFields, httpStatus, logError } from './app/errors';
import type { EndpointResponse } from './bot/endpoint';
import type { Logger } from './logger';

/** Teams' own message limit is about 100 KB; a request beyond 1 MB is not a Teams activity. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A health check that waits longer than this reports storage as down. */
const HEALTH_TIMEOUT_MS = 3000;

export interface ServerDeps {
  logger: Logger;
  messages: (req: { body: unknown; authorization: string }) => Promise<EndpointResponse>;
  ping: () => Promise<void>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'followup-bot', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    // Compressed bodies would bypass the size limit (restify counts compressed bytes).
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding !== 'identity') {
      res.send(415, { error: 'unsupported-content-encoding' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const body: unknown = typeof req.body === 'object' && req.body !== null && !Buffer.isBuffer(req.body) ? req.body : undefined;
    const answer = await deps.messages({ body, authorization }).catch((e: unknown): EndpointResponse => {
      const err = logError(deps.logger, e, 'message endpoint');
      return { status: httpStatus(err), body: { error: err.code } };
    });
    if (answer.body === undefined) res.send(answer.status);
    else res.send(answer.status, answer.body);
  });

  // The M365 Agents Playground probes the endpoint with HEAD every few seconds.
  server.head('/api/messages', async (_req: restify.Request, res: restify.Response) => {
    res.send(200);
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const storage = await withTimeout(deps.ping(), HEALTH_TIMEOUT_MS).then(
      () => 'ok' as const,
      (e: unknown) => {
        deps.logger.warn(errorLogFields(e), 'health check: storage does not answer');
        return 'unavailable' as const;
      },
    );
    res.send(storage === 'ok' ? 200 : 503, { status: storage === 'ok' ? 'ok' : 'unavailable', storage });
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    deps.logger[status >= 500 ? 'error' : 'warn']({ method: req.method, path: req.path(), ...errorLogFields(err), status }, 'request refused');
    callback();
  });
  return server;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
