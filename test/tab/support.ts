/**
 * The side panel's test world: locally generated Entra-like signing keys for Teams SSO tokens, the
 * service started by the harness in token mode with those keys, the invented forum and a published
 * agenda (with time slots, case numbers, a closed item whose content must stay hidden, and the
 * standing communication item).
 */
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { publishAgenda } from '../../src/app/publish-agenda';
import type { AgendaItem, Forum, Meeting } from '../../src/domain';
import { TEST_TENANT, type TestUser, USERS } from '../support/activities';
import { aDraftAgenda, anItem } from '../support/agenda-items';
import { type Harness, type HarnessOptions, startHarness, TEST_APP_ID } from '../support/harness';

export const PUBLIC_HOST = 'bot.testrup.example';
export const CLOSED_SECRET = 'FORTROLIGT-INDHOLD om en personalesag';
export const CLOSED_TITLE = 'Personalesag Hemmeligholdt Navn';
export const MEETING_ID = 'meeting-panel-1';
/** On nobody's roster, same tenant. */
export const GUEST: TestUser = { id: '29:user-gaest', name: 'Gitte Gæst', aadObjectId: 'aad-0099' };

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export interface TestSso {
  keys: JWTVerifyGetKey;
  /** A Teams SSO access token for the user; `over` replaces or adds claims. */
  token(user: Pick<TestUser, 'aadObjectId' | 'name'>, over?: Record<string, unknown>, opts?: { expiresIn?: string; unknownKey?: boolean }): Promise<string>;
}

export async function createTestSso(): Promise<TestSso> {
  const known: KeyPair = await generateKeyPair('RS256');
  const unknown: KeyPair = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(known.publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  return {
    keys: createLocalJWKSet({ keys: [jwk] }),
    token: async (user, over = {}, opts = {}) => {
      const claims = {
        aud: `api://${PUBLIC_HOST}/${TEST_APP_ID}`,
        iss: `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`,
        tid: TEST_TENANT,
        oid: user.aadObjectId,
        name: user.name,
        scp: 'access_as_user',
        ...over,
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? '1h')
        .setJti(randomUUID())
        .sign(opts.unknownKey ? unknown.privateKey : known.privateKey);
    },
  };
}

function item(number: number, title: string, o: Partial<AgendaItem> = {}): AgendaItem {
  const slot = { start: `9.${String(number * 10).padStart(2, '0')}`, end: `9.${String(number * 10 + 9).padStart(2, '0')}` };
  return anItem(number, title, { timeSlot: slot, ...o });
}

export function panelMeeting(forumId: string): Meeting {
  return aDraftAgenda(MEETING_ID, forumId, [
    item(1, 'Ny model for borgerhenvendelser', { proposals: [{ number: 1, text: 'at modellen godkendes' }] }),
    item(2, 'Sygefravær 2025', { writtenBriefing: true }),
    item(3, CLOSED_TITLE, { closed: true, sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: CLOSED_SECRET }] }),
    item(4, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', { standing: 'communication', timeSlot: null }),
  ]);
}

export interface PanelWorld {
  h: Harness;
  sso: TestSso;
  forum: Forum;
  /** Activity id of item `n`'s card in the forum's channel. */
  channelActivityId(n: number): string;
  /** GET/POST the side panel API with a bearer token (or none). */
  api(path: string, opts?: { token?: string | null; method?: 'GET' | 'POST'; body?: unknown }): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The service in token mode with local SSO keys, the forum set up and the agenda published. */
export async function startPanelWorld(opts: HarnessOptions = {}): Promise<PanelWorld> {
  const sso = await createTestSso();
  const h = await startHarness({
    auth: 'token',
    ssoKeys: sso.keys,
    ...opts,
    env: { PUBLIC_BASE_URL: `https://${PUBLIC_HOST}`, ...(opts.env ?? {}) },
  });
  const forum = await h.seedForum();
  await h.store.meetings.create(panelMeeting(forum.id));
  const secretary = { userId: USERS.secretary.id, aadObjectId: USERS.secretary.aadObjectId, name: USERS.secretary.name };
  const publication = await publishAgenda(h.app.deps, { forumId: forum.id, meetingId: MEETING_ID, actor: secretary });
  return {
    h,
    sso,
    forum,
    channelActivityId: (n) => publication.itemActivityIds[String(n)],
    api: async (path, o = {}) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${h.url}${path}`, { method: o.method ?? 'GET', headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
  };
}
