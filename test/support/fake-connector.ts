/**
 * A recording fake of the Bot Connector service (the REST API a bot calls back on `serviceUrl`),
 * served over real HTTP on 127.0.0.1. It is the one sanctioned fake in our tests.
 *
 * Routes (what botbuilder's ConnectorClient and TeamsInfo call):
 *   POST   /v3/conversations                                   create conversation → { id }
 *   POST   /v3/conversations/:id/activities                    send → { id }
 *   POST   /v3/conversations/:id/activities/:activityId        reply → { id }
 *   PUT    /v3/conversations/:id/activities/:activityId        update → { id }
 *   DELETE /v3/conversations/:id/activities/:activityId        delete
 *   GET    /v3/conversations/:id/members | /pagedmembers | /members/:userId   roster
 *   GET    /v3/teams/:teamId | /v3/teams/:teamId/conversations               team details, channels
 * Besides: files for Teams file-download attachments (`serveFile`), upload sessions for the file
 * consent flow that record the PUTs (`uploadUrl`, `uploads`), and an OpenID metadata
 * document + JWKS so tests can sign Bot Framework tokens offline (`signToken`).
 */
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RosterMember {
  /** Teams user id, "29:..." */
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: string;
}

export type RequestKind =
  | 'create-conversation'
  | 'send'
  | 'reply'
  | 'update'
  | 'delete'
  | 'members'
  | 'paged-members'
  | 'member'
  | 'team'
  | 'team-channels'
  | 'file'
  | 'openid'
  | 'other';

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  conversationId: string | null;
  activityId: string | null;
  /** HTTP status the fake answered with. */
  status: number;
}

/** An activity the bot posted or changed, in the order the fake received it. */
export interface SentActivity {
  kind: 'send' | 'reply' | 'update';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface RecordedUpload {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only requests this matches are failed (default: any bot API request). */
  match?: (req: { kind: RequestKind; method: string; path: string; conversationId: string | null }) => boolean;
}

export interface FakeConnector {
  /** Base URL, e.g. "http://127.0.0.1:41234/" (trailing slash, like Teams' serviceUrl). */
  readonly url: string;
  /** OpenID metadata URL whose JWKS holds the key `signToken` uses. */
  readonly openIdMetadataUrl: string;
  requests(): RecordedRequest[];
  /** Activities sent, replied or updated, oldest first. */
  sent(): SentActivity[];
  /** Adaptive Card contents of all sent/updated activities, oldest first. */
  cards(conversationId?: string): Record<string, unknown>[];
  /** Text of all sent/updated activities (non-empty only), oldest first. */
  texts(conversationId?: string): string[];
  /** Current state of a posted activity (after updates), or undefined (never posted or deleted). */
  activity(activityId: string): Record<string, unknown> | undefined;
  /** Conversations created through POST /v3/conversations, with their parameters. */
  createdConversations(): { id: string; params: Record<string, unknown> }[];
  /** Resolves with the predicate's first truthy result; rejects after `timeoutMs`. */
  waitFor<T>(predicate: (fake: FakeConnector) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Forgets recorded requests, activities and pending faults (roster and files stay). */
  reset(): void;
  /** The roster answered for every conversation/team, or only for `conversationOrTeamId`. */
  setRoster(members: RosterMember[], conversationOrTeamId?: string): void;
  /** Fails the next `n` matching bot API requests with `status`. Defaults give Teams' error bodies. */
  failNext(n: number, status: number, opts?: Omit<Fault, 'status'>): void;
  /** Answers the next `n` matching bot API requests normally, but only after `ms` (slow Teams). */
  delayNext(n: number, ms: number, match?: Fault['match']): void;
  /** Bot API requests that have arrived, answered or not. */
  received(): number;
  /** Enforces Teams' per-conversation rate limits (TEAMS.md), answering 429 with Retry-After. */
  enforceRateLimits(on: boolean): void;
  /** Serves `content` at a fresh URL (for Teams file-download attachments); returns that URL. */
  serveFile(name: string, content: Buffer | string, contentType?: string): string;
  /**
   * A fresh upload URL as Teams puts in a file consent's `uploadInfo.uploadUrl` (a OneDrive upload
   * session): it takes PUTs and records them (`uploads()`).
   */
  uploadUrl(name: string): string;
  /** PUTs received on upload URLs, oldest first, with their raw bytes. */
  uploads(): RecordedUpload[];
  /** A Bot Framework channel token (RS256, key in this fake's JWKS); `forged` signs with an unknown key. */
  signToken(claims: Record<string, unknown>, opts?: { forged?: boolean; expiresInSeconds?: number }): string;
  close(): Promise<void>;
}

const DEFAULT_ERROR_CODES: Record<number, string> = {
  400: 'BadArgument',
  403: 'BotNotInConversationRoster',
  404: 'ConversationNotFound',
  412: 'PreconditionFailed',
  413: 'MessageSizeTooBig',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

export async function startFakeConnector(opts: { roster?: RosterMember[] } = {}): Promise<FakeConnector> {
  const state = new ConnectorState(opts.roster ?? []);
  const server = http.createServer((req, res) => {
    readBody(req)
      .then((raw) => state.handle(req, raw, res))
      .catch((e: unknown) => send(res, 500, { error: { code: 'FakeConnectorError', message: String(e) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  state.baseUrl = `http://127.0.0.1:${port}`;
  return state.api(server);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
  res.end(text);
}

interface Route {
  kind: RequestKind;
  conversationId: string | null;
  activityId: string | null;
  userId?: string;
  teamId?: string;
}

function route(method: string, path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const none = { conversationId: null, activityId: null };
  if (parts[0] === 'v3' && parts[1] === 'conversations') {
    const conversationId = parts[2] ?? null;
    if (!conversationId) return { kind: method === 'POST' ? 'create-conversation' : 'other', ...none };
    if (parts[3] === 'activities') {
      const activityId = parts[4] ?? null;
      if (!activityId) return { kind: method === 'POST' ? 'send' : 'other', conversationId, activityId };
      const kind = method === 'POST' ? 'reply' : method === 'PUT' ? 'update' : method === 'DELETE' ? 'delete' : 'other';
      return { kind, conversationId, activityId };
    }
    if (parts[3] === 'pagedmembers') return { kind: 'paged-members', conversationId, activityId: null };
    if (parts[3] === 'members') {
      return parts[4] ? { kind: 'member', conversationId, activityId: null, userId: parts[4] } : { kind: 'members', conversationId, activityId: null };
    }
  }
  if (parts[0] === 'v3' && parts[1] === 'teams' && parts[2]) {
    return { kind: parts[3] === 'conversations' ? 'team-channels' : 'team', ...none, teamId: parts[2] };
  }
  if (parts[0] === 'files') return { kind: 'file', ...none };
  if (parts[0] === '.well-known') return { kind: 'openid', ...none };
  return { kind: 'other', ...none };
}

class ConnectorState {
  baseUrl = '';
  private recorded: RecordedRequest[] = [];
  private sentActivities: SentActivity[] = [];
  private activities = new Map<string, Record<string, unknown>>();
  private created: { id: string; params: Record<string, unknown> }[] = [];
  private rosters = new Map<string, RosterMember[]>();
  private files = new Map<string, { content: Buffer; contentType: string }>();
  private uploadPaths = new Set<string>();
  private uploaded: RecordedUpload[] = [];
  private faults: Fault[] = [];
  private delays: { ms: number; match?: Fault['match'] }[] = [];
  private arrived = 0;
  private limiter: RateLimiter | null = null;
  private counter = 0;
  private readonly key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly forgedKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = 'fake-connector-key';

  constructor(private defaultRoster: RosterMember[]) {}

  handle(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/uploads/')) {
      this.upload(url.pathname, method, req.headers, raw, res);
      return;
    }
    const r = route(method, url.pathname);
    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    }
    const record = (status: number) =>
      this.recorded.push({
        kind: r.kind,
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        conversationId: r.conversationId,
        activityId: r.activityId,
        status,
      });
    if (r.kind === 'file' || r.kind === 'openid') {
      this.serveStatic(r, url, res);
      return;
    }
    this.arrived++;
    const delay = this.takeMatching(this.delays, r, method, url.pathname);
    if (delay) {
      setTimeout(() => this.respond(r, method, url, body, res, record), delay.ms);
      return;
    }
    this.respond(r, method, url, body, res, record);
  }

  private respond(r: Route, method: string, url: URL, body: unknown, res: http.ServerResponse, record: (status: number) => void): void {
    const fault = this.takeMatching(this.faults, r, method, url.pathname);
    if (fault) {
      record(fault.status);
      const code = DEFAULT_ERROR_CODES[fault.status] ?? 'Error';
      send(res, fault.status, fault.body ?? { error: { code, message: `Fake connector: ${code}` } }, fault.headers);
      return;
    }
    const retryAfter = this.limiter?.check(r.kind, r.conversationId ?? r.teamId ?? '');
    if (retryAfter !== undefined && retryAfter !== null) {
      record(429);
      send(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'Retry-After': String(retryAfter) });
      return;
    }
    const [status, answer] = this.answer(r, method, body, url);
    record(status);
    send(res, status, answer);
  }

  private takeMatching<T extends { match?: Fault['match'] }>(queue: T[], r: Route, method: string, path: string): T | undefined {
    const i = queue.findIndex((f) => !f.match || f.match({ kind: r.kind, method, path, conversationId: r.conversationId }));
    return i >= 0 ? queue.splice(i, 1)[0] : undefined;
  }

  private answer(r: Route, method: string, body: unknown, url: URL): [number, unknown] {
    const activity = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    switch (r.kind) {
      case 'create-conversation': {
        const id = `a:fake-personal-${++this.counter}`;
        this.created.push({ id, params: activity });
        return [201, { id, activityId: activity.activity ? this.newActivityId() : undefined }];
      }
      case 'send':
      case 'reply': {
        const id = this.newActivityId();
        this.store(r.kind, r.conversationId!, id, activity);
        return [r.kind === 'send' ? 201 : 200, { id }];
      }
      case 'update': {
        if (!this.activities.has(r.activityId!)) return [404, { error: { code: 'ActivityNotFound', message: 'Unknown activity' } }];
        this.store('update', r.conversationId!, r.activityId!, activity);
        return [200, { id: r.activityId }];
      }
      case 'delete':
        this.activities.delete(r.activityId!);
        return [200, undefined];
      case 'members':
        return [200, this.rosterOf(r.conversationId!)];
      case 'paged-members':
        return [200, this.page(this.rosterOf(r.conversationId!), url.searchParams)];
      case 'member': {
        const m = this.rosterOf(r.conversationId!).find((x) => x.id === r.userId || x.aadObjectId === r.userId);
        return m ? [200, m] : [404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } }];
      }
      case 'team':
        return [200, { id: r.teamId, name: 'Fake team', aadGroupId: `group-${r.teamId}` }];
      case 'team-channels':
        return [200, { conversations: [{ id: r.teamId, name: null }] }];
      default:
        return [method === 'GET' ? 404 : 400, { error: { code: 'NotSupportedByFake', message: `${method} ${url.pathname}` } }];
    }
  }

  private serveStatic(r: Route, url: URL, res: http.ServerResponse): void {
    if (r.kind === 'openid') {
      if (url.pathname.endsWith('/keys')) {
        const jwk = this.key.publicKey.export({ format: 'jwk' });
        send(res, 200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
        return;
      }
      send(res, 200, { issuer: 'https://api.botframework.com', jwks_uri: `${this.baseUrl}/.well-known/keys` });
      return;
    }
    const file = this.files.get(url.pathname);
    if (!file) {
      send(res, 404, { error: { code: 'NotFound', message: 'No such file' } });
      return;
    }
    this.recorded.push({
      kind: 'file',
      method: 'GET',
      path: url.pathname,
      query: {},
      headers: {},
      body: null,
      conversationId: null,
      activityId: null,
      status: 200,
    });
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.content.length) });
    res.end(file.content);
  }

  /** A OneDrive upload session: PUT with Content-Range; answers with the drive item when complete. */
  private upload(path: string, method: string, headers: http.IncomingHttpHeaders, raw: Buffer, res: http.ServerResponse): void {
    this.uploaded.push({ path, method, headers, bytes: raw });
    if (method !== 'PUT' || !this.uploadPaths.has(path)) {
      send(res, method === 'PUT' ? 404 : 405, { error: { code: 'itemNotFound', message: 'No such upload session' } });
      return;
    }
    send(res, 201, { id: `drive-item-${++this.counter}`, name: decodeURIComponent(path.split('/').pop() ?? ''), size: raw.length });
  }

  private newActivityId(): string {
    return `1:fake-activity-${++this.counter}`;
  }

  private store(kind: SentActivity['kind'], conversationId: string, activityId: string, activity: Record<string, unknown>): void {
    this.activities.set(activityId, activity);
    this.sentActivities.push({ kind, conversationId, activityId, activity });
  }

  private rosterOf(conversationOrTeamId: string): RosterMember[] {
    const base = conversationOrTeamId.split(';')[0];
    return this.rosters.get(conversationOrTeamId) ?? this.rosters.get(base) ?? this.defaultRoster;
  }

  private page(all: RosterMember[], q: URLSearchParams): { members: RosterMember[]; continuationToken?: string } {
    const size = Math.max(1, Math.min(500, Number(q.get('pageSize') ?? 200) || 200));
    const start = Number(q.get('continuationToken') ?? 0) || 0;
    const members = all.slice(start, start + size);
    return start + size < all.length ? { members, continuationToken: String(start + size) } : { members };
  }

  private cardsOf(a: Record<string, unknown>): Record<string, unknown>[] {
    const attachments = Array.isArray(a.attachments) ? (a.attachments as { contentType?: string; content?: unknown }[]) : [];
    return attachments
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive' && typeof x.content === 'object' && x.content !== null)
      .map((x) => x.content as Record<string, unknown>);
  }

  private sign(claims: Record<string, unknown>, forged: boolean, expiresIn: number): string {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    // A forged token names the real key id, so only the signature check can catch it.
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: 'https://api.botframework.com', iat: now, nbf: now - 5, exp: now + expiresIn, ...claims };
    const input = `${b64(header)}.${b64(payload)}`;
    const signature = crypto.sign('sha256', Buffer.from(input), (forged ? this.forgedKey : this.key).privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  api(server: http.Server): FakeConnector {
    const sentIn = (conversationId?: string) =>
      this.sentActivities.filter((s) => !conversationId || s.conversationId.split(';')[0] === conversationId.split(';')[0]);
    const api: FakeConnector = {
      url: `${this.baseUrl}/`,
      openIdMetadataUrl: `${this.baseUrl}/.well-known/openidconfiguration`,
      requests: () => [...this.recorded],
      sent: () => [...this.sentActivities],
      cards: (conversationId) => sentIn(conversationId).flatMap((s) => this.cardsOf(s.activity)),
      texts: (conversationId) =>
        sentIn(conversationId)
          .map((s) => s.activity.text)
          .filter((x): x is string => typeof x === 'string' && x.length > 0),
      activity: (id) => this.activities.get(id),
      createdConversations: () => [...this.created],
      waitFor: (predicate, timeoutMs = 5000) => waitFor(() => predicate(api), timeoutMs),
      reset: () => {
        this.recorded = [];
        this.sentActivities = [];
        this.activities.clear();
        this.created = [];
        this.faults = [];
        this.delays = [];
        this.arrived = 0;
        this.uploaded = [];
      },
      setRoster: (members, id) => {
        if (id) this.rosters.set(id, members);
        else this.defaultRoster = members;
      },
      failNext: (n, status, opts = {}) => {
        for (let i = 0; i < n; i++) this.faults.push({ status, ...opts });
      },
      delayNext: (n, ms, match) => {
        for (let i = 0; i < n; i++) this.delays.push({ ms, match });
      },
      received: () => this.arrived,
      enforceRateLimits: (on) => {
        this.limiter = on ? new RateLimiter() : null;
      },
      serveFile: (name, content, contentType = 'application/octet-stream') => {
        const path = `/files/${++this.counter}/${encodeURIComponent(name)}`;
        this.files.set(path, { content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, contentType });
        return `${this.baseUrl}${path}`;
      },
      uploadUrl: (name) => {
        const path = `/uploads/${++this.counter}/${encodeURIComponent(name)}`;
        this.uploadPaths.add(path);
        return `${this.baseUrl}${path}`;
      },
      uploads: () => [...this.uploaded],
      signToken: (claims, o = {}) => this.sign(claims, o.forged ?? false, o.expiresInSeconds ?? 3600),
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
    return api;
  }
}

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Teams' per-bot, per-conversation limits (TEAMS.md, "Rate limiting for agents"): [count, window ms]. */
const SEND_LIMITS: [number, number][] = [
  [7, 1000],
  [8, 2000],
  [60, 30_000],
  [1800, 3_600_000],
];
const MEMBER_LIMITS: [number, number][] = [
  [14, 1000],
  [16, 2000],
  [120, 30_000],
  [3600, 3_600_000],
];

class RateLimiter {
  private calls = new Map<string, number[]>();

  /** Records the call and returns null, or the Retry-After seconds when it is over a limit (not recorded). */
  check(kind: RequestKind, conversationId: string): number | null {
    const limits =
      kind === 'send' || kind === 'reply' || kind === 'update' || kind === 'create-conversation'
        ? SEND_LIMITS
        : kind === 'members' || kind === 'paged-members' || kind === 'member'
          ? MEMBER_LIMITS
          : null;
    if (!limits) return null;
    const group = limits === SEND_LIMITS ? 'send' : 'members';
    const key = `${group}|${conversationId.split(';')[0]}`;
    const now = Date.now();
    const history = (this.calls.get(key) ?? []).filter((t) => now - t < 3_600_000);
    for (const [count, windowMs] of limits) {
      const inWindow = history.filter((t) => now - t < windowMs);
      if (inWindow.length >= count) {
        const oldest = inWindow[inWindow.length - count];
        return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
      }
    }
    history.push(now);
    this.calls.set(key, history);
    return null;
  }
}
