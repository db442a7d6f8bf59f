/**
 * Talking to the Teams host with @microsoft/teams-js: initialize (with a time limit, so a page opened
 * outside Teams explains itself instead of waiting forever), read the context, get the SSO token.
 */
import { app, authentication } from '@microsoft/teams-js';

/** How long to wait for a Teams host to answer before saying "this works inside Teams". */
export const HOST_TIMEOUT_MS = 2000;
const TOKEN_TIMEOUT_MS = 15000;

export interface TeamsInfo {
  /** Teams client locale, e.g. "da-DK". */
  locale: string;
  /** The meeting chat's or channel's conversation id, when Teams gives one. */
  conversationId: string | null;
  meetingId: string | null;
  userOid: string | null;
  tenantId: string | null;
  frameContext: string | null;
}

/** What the server put in the page: extra origins allowed to host it (tests, development). */
export interface PageConfig {
  validOrigins: string[];
}

export function readPageConfig(doc: Document): PageConfig {
  try {
    const raw: unknown = JSON.parse(doc.getElementById('tab-config')?.textContent ?? '{}');
    const origins = typeof raw === 'object' && raw !== null ? (raw as { validOrigins?: unknown }).validOrigins : undefined;
    return { validOrigins: Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [] };
  } catch {
    return { validOrigins: [] };
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Connects to Teams; null when the page is not inside a Teams host (nobody answers in time). */
export async function connectToTeams(config: PageConfig, timeoutMs = HOST_TIMEOUT_MS): Promise<TeamsInfo | null> {
  if (window.parent === window && !window.opener) return null;
  try {
    const ready = await within(app.initialize(config.validOrigins), timeoutMs);
    if (ready === 'timeout') return null;
    const context = await within(app.getContext(), timeoutMs);
    if (context === 'timeout') return null;
    return {
      locale: context.app.locale,
      conversationId: context.channel?.id ?? context.chat?.id ?? null,
      meetingId: context.meeting?.id ?? null,
      userOid: context.user?.id || null,
      tenantId: context.user?.tenant?.id ?? null,
      frameContext: context.page.frameContext ?? null,
    };
  } catch {
    return null;
  }
}

/** The Teams SSO token for our API (Teams caches and renews it). */
export async function ssoToken(): Promise<string> {
  const token = await within(authentication.getAuthToken(), TOKEN_TIMEOUT_MS);
  if (token === 'timeout') throw new Error('no token from Teams');
  return token;
}

export function notifyLoaded(): void {
  try {
    void app.notifySuccess().catch(() => undefined);
  } catch {
    // Not fatal: Teams only stops showing its own loading indicator.
  }
}
