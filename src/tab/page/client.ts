/** The side panel's JSON API (src/tab/routes.ts), called with the Teams SSO token. */
import { type Locale, t } from './text';

export type Card = Record<string, unknown>;

export interface PanelItem {
  number: number;
  closed: boolean;
  card: Card;
  privateCard: Card | null;
}

export interface MeetingView {
  locale: Locale;
  role: 'chair' | 'secretary' | 'member' | 'guest';
  canDecide: boolean;
  forum: { id: string; name: string };
  meeting: { id: string; date: string; start: string | null; location: string | null; status: string } | null;
  overview: Card | null;
  items: PanelItem[];
  message: string | null;
  /** Secretary and chair: the follow-up status card (charts with text fallbacks). */
  followUpStatus?: Card | null;
  /** The viewer's own language choice; null: as Teams. */
  language?: Locale | null;
}

/** A refused or failed call; `message` is already in the viewer's language. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface ApiClient {
  meeting(): Promise<MeetingView>;
  decisionForm(ref: { forumId: string; meetingId: string; itemNumber: number }): Promise<{ card: Card }>;
  action(verb: string, data: Record<string, unknown>): Promise<{ card: Card; itemNumber: number }>;
  /** Stores the viewer's language ('auto': as Teams). */
  language(choice: Locale | 'auto'): Promise<{ language: Locale | null }>;
}

export function createApiClient(opts: { token: () => Promise<string>; locale: Locale; conversationId: string | null }): ApiClient {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    let token: string;
    try {
      token = await opts.token();
    } catch {
      throw new ApiError(t(opts.locale, 'tab.page.login-failed'), 401, 'unauthorized');
    }
    let res: Response;
    try {
      res = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}`, accept: 'application/json' } });
    } catch {
      throw new ApiError(t(opts.locale, 'tab.page.network'), 0, 'network');
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const e = (body ?? {}) as { error?: unknown; message?: unknown };
      const message = typeof e.message === 'string' ? e.message : t(opts.locale, 'tab.page.network');
      throw new ApiError(message, res.status, typeof e.error === 'string' ? e.error : 'internal');
    }
    return body as T;
  };
  const query = (params: Record<string, string | number | null>) =>
    new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === null ? [] : [[k, String(v)]]))).toString();
  return {
    meeting: () => call(`/api/tab/meeting?${query({ conversationId: opts.conversationId, locale: opts.locale })}`),
    decisionForm: (ref) => call(`/api/tab/decision-form?${query({ ...ref, locale: opts.locale })}`),
    action: (verb, data) =>
      call('/api/tab/action', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verb, data, locale: opts.locale, conversationId: opts.conversationId }),
      }),
    language: (choice) =>
      call('/api/tab/language', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: choice, locale: opts.locale, conversationId: opts.conversationId }),
      }),
  };
}
