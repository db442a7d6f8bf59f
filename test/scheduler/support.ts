/**
 * The scheduler against real parts: Azurite, the real bot messenger (CloudAdapter, local mode) and
 * the recording fake Bot Connector over HTTP, with a FixedClock. Invented data only.
 */
import type { AppDeps } from '../../src/app/deps';
import type { Messenger } from '../../src/app/messenger';
import { BotAdapter, createBotAuthentication } from '../../src/bot/adapter';
import { createBotMessenger } from '../../src/bot/messenger';
import { loadConfig } from '../../src/config';
import { DEFAULT_REMINDER_POLICY, type FollowUp, type FixedClock, type Forum, type Meeting, type Member } from '../../src/domain';
import { createLogger } from '../../src/logger';
import { Delivery, type DeliveryOptions } from '../../src/scheduler/delivery';
import { jobRunner } from '../../src/scheduler/run-now';
import type { Store, StoredConversation } from '../../src/store/ports';
import { aBareItem } from '../support/agenda-items';
import type { FakeConnector } from '../support/fake-connector';

export const TENANT = 'tenant-scheduler-test';
export const BOT = { id: '28:followup-bot-test', name: 'Opfølgning' };

/** No rate windows: for tests where the limiter is not what is tested. */
export const NO_LIMITS: DeliveryOptions = { limits: { perConversation: [], global: [] }, baseDelayMs: 5, maxDelayMs: 50 };

export function botMessenger(store: Store, clock: FixedClock): Messenger {
  const config = loadConfig({ PORT: '0' }, { instanceId: 'test' });
  const adapter = new BotAdapter(createBotAuthentication(config));
  return createBotMessenger({ adapter, appId: null, store, clock });
}

export function depsFor(store: Store, clock: FixedClock, messenger: Messenger): AppDeps {
  const config = loadConfig({ PORT: '0' }, { instanceId: 'test' });
  let n = 0;
  const deps: AppDeps = { store, clock, logger: createLogger('silent'), config, messenger, newId: () => `id-${++n}`, jobs: jobRunner(() => deps) };
  return deps;
}

export const delivery = (messenger: Messenger, opts: DeliveryOptions = NO_LIMITS) => new Delivery(messenger, opts);

export const SECRETARY: Member = { userId: '29:secretary', aadObjectId: null, name: 'Åse Sekretær', department: null, role: 'secretary' };
export const CHAIR: Member = { userId: '29:chair', aadObjectId: null, name: 'Dan Direktør', department: null, role: 'chair' };

export function chief(i: number): Member {
  return { userId: `29:chief-${i}`, aadObjectId: null, name: `Chef ${i}`, department: `Afdeling ${i}`, role: 'member' };
}

export function aForum(id: string, members: Member[] = [SECRETARY, CHAIR, chief(1), chief(2)], over: Partial<Forum> = {}): Forum {
  return {
    id,
    tenantId: TENANT,
    name: 'Ledelsesforum Testrup',
    conversationId: `19:channel-${id}@thread.tacv2`,
    members,
    departments: members.flatMap((m) => (m.department ? [m.department] : [])),
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    locale: 'da',
    createdAt: '2026-01-05T09:00:00.000Z',
    ...over,
  };
}

export function aMeeting(forumId: string, id: string, date: string, over: Partial<Meeting> = {}): Meeting {
  const item = (number: number, title: string, closed = false) => aBareItem(number, title, { closed });
  return {
    id,
    forumId,
    kind: 'minutes',
    forumName: 'Ledelsesforum',
    date,
    start: '09:00',
    location: null,
    status: 'closed',
    items: [item(1, 'Ny cykelstrategi'), item(2, 'Budget for æblehaven'), item(3, 'Personalesag', true)],
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
    ...over,
  };
}

export function aFollowUp(forumId: string, id: string, userId: string, due: string | null, over: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    forumId,
    meetingId: 'm-1',
    itemNumber: 1,
    text: `Opfølgning ${id}: lav en plan for cykelstier`,
    kind: 'task',
    owner: { kind: 'department', name: 'Afdeling 1', userId },
    due: due ? { due, dueFrom: due, precision: 'day', text: due } : null,
    evidence: '',
    confidence: 1,
    status: 'open',
    assignees: [userId],
    delegateUserId: null,
    postponements: [],
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...over,
  };
}

export const personalId = (userId: string): string => `a:personal-${userId.replace(/^29:/, '')}`;

/** The 1:1 chat with a user as the bot stores it, pointing at the fake connector. */
export function personalChat(fake: FakeConnector, userId: string): StoredConversation {
  const conversationId = personalId(userId);
  return {
    conversationId,
    kind: 'personal',
    tenantId: TENANT,
    userId,
    reference: {
      channelId: 'msteams',
      serviceUrl: fake.url,
      bot: BOT,
      user: { id: userId },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    },
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

export function channelChat(fake: FakeConnector, forum: Forum): StoredConversation {
  return {
    conversationId: forum.conversationId,
    kind: 'channel',
    tenantId: TENANT,
    userId: null,
    reference: {
      channelId: 'msteams',
      serviceUrl: fake.url,
      bot: BOT,
      conversation: { id: forum.conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    },
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** New messages the fake connector received per conversation (a proactive send arrives as a reply). */
export function sendsPerConversation(fake: FakeConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of fake.sent()) if (s.kind !== 'update') counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
  return counts;
}
