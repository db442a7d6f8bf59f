/**
 * A forum to run the meeting services against: real Azurite (one per test file, fresh tables per
 * test), a FixedClock, and the bot messenger talking to the recording fake Bot Connector over HTTP.
 * No server and no bot turns: services are called directly.
 */
import type { AppDeps } from '../../src/app/deps';
import { BotAdapter, createBotAuthentication } from '../../src/bot/adapter';
import { createBotMessenger } from '../../src/bot/messenger';
import { loadConfig } from '../../src/config';
import { DEFAULT_REMINDER_POLICY, FixedClock, type Forum, type Meeting, type Member } from '../../src/domain';
import { createLogger } from '../../src/logger';
import { jobRunner } from '../../src/scheduler/run-now';
import type { Store } from '../../src/store/ports';
import { TEST_BOT, TEST_CHANNEL, TEST_TENANT, USERS } from '../support/activities';
import { aDraftAgenda, anItem } from '../support/agenda-items';
import { useAzurite } from '../support/azurite';
import type { FakeConnector } from '../support/fake-connector';
import { useFakeConnector } from '../support/use-fake-connector';

export const FORUM_ID = 'forum-testrup';
export const DEPARTMENTS = ['Kultur & Fritid', 'Miljø & Teknik', 'Økonomi & Stab'];

export const members: Record<'director' | 'secretary' | 'culture' | 'tech' | 'finance', Member> = {
  director: { userId: USERS.director.id, aadObjectId: USERS.director.aadObjectId, name: USERS.director.name, department: null, role: 'chair' },
  secretary: { userId: USERS.secretary.id, aadObjectId: USERS.secretary.aadObjectId, name: USERS.secretary.name, department: null, role: 'secretary' },
  culture: {
    userId: USERS.chiefCulture.id,
    aadObjectId: USERS.chiefCulture.aadObjectId,
    name: USERS.chiefCulture.name,
    department: 'Kultur & Fritid',
    role: 'member',
  },
  tech: { userId: USERS.chiefTech.id, aadObjectId: USERS.chiefTech.aadObjectId, name: USERS.chiefTech.name, department: 'Miljø & Teknik', role: 'member' },
  finance: {
    userId: USERS.chiefFinance.id,
    aadObjectId: USERS.chiefFinance.aadObjectId,
    name: USERS.chiefFinance.name,
    department: 'Økonomi & Stab',
    role: 'member',
  },
};

export const actor = (m: Member) => ({ userId: m.userId, aadObjectId: m.aadObjectId, name: m.name });

export interface World {
  deps: AppDeps;
  store: Store;
  clock: FixedClock;
  fake: FakeConnector;
  forum: Forum;
  /** Card JSON sent to (or updated in) the forum's channel, as one string per activity. */
  channelPayloads(): string[];
  /** Cards that reached a member's 1:1 chat. */
  personalCards(userId: string): Record<string, unknown>[];
}

/** Starts Azurite and the fake connector for the file; `world()` gives each test a fresh forum. */
export function useWorld(): () => Promise<World> {
  const azurite = useAzurite();
  const fake = useFakeConnector();
  return async () => {
    fake.reset();
    const store = await azurite.newStore();
    const clock = new FixedClock('2026-03-02T08:00:00Z'); // Monday 09:00 in Copenhagen
    const config = loadConfig({ PORT: '0' }, { instanceId: 'test' });
    const logger = createLogger('silent');
    let n = 0;
    // The bot messenger itself (one HTTP attempt per call), without the server or the rate limiter.
    const adapter = new BotAdapter(createBotAuthentication(config));
    const messenger = createBotMessenger({ adapter, appId: null, store, clock });
    const deps: AppDeps = { store, clock, logger, config, messenger, newId: () => `id-${++n}`, jobs: jobRunner(() => deps) };
    const forum: Forum = {
      id: FORUM_ID,
      tenantId: TEST_TENANT,
      name: 'Ledelsesforum',
      conversationId: TEST_CHANNEL.id,
      members: Object.values(members),
      departments: DEPARTMENTS,
      reminderPolicy: DEFAULT_REMINDER_POLICY,
      locale: 'da',
      createdAt: clock.now().toISOString(),
    };
    await store.forums.create(forum);
    await store.conversations.save({
      conversationId: TEST_CHANNEL.id,
      kind: 'channel',
      tenantId: TEST_TENANT,
      userId: null,
      reference: {
        channelId: 'msteams',
        serviceUrl: fake.url,
        bot: { ...TEST_BOT },
        conversation: { id: TEST_CHANNEL.id, conversationType: 'channel', tenantId: TEST_TENANT, isGroup: true },
      },
      updatedAt: clock.now().toISOString(),
    });
    return {
      deps,
      store,
      clock,
      fake,
      forum,
      channelPayloads: () =>
        fake
          .sent()
          .filter((s) => s.conversationId === TEST_CHANNEL.id)
          .map((s) => JSON.stringify(s.activity)),
      personalCards: (userId) => {
        const ids = new Set(
          fake
            .createdConversations()
            .filter((c) => JSON.stringify(c.params).includes(userId))
            .map((c) => c.id),
        );
        return fake
          .sent()
          .filter((s) => ids.has(s.conversationId))
          .flatMap((s) => cardsOf(s.activity));
      },
    };
  };
}

export function cardsOf(activity: Record<string, unknown>): Record<string, unknown>[] {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as { contentType?: string; content?: unknown }[]) : [];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>);
}

/** A published-to-be meeting built directly (no parser), with a closed item that has content. */
export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  const items = [
    anItem(1, 'Ny model for borgerhenvendelser', {
      proposals: [
        { number: 1, text: 'at modellen godkendes' },
        { number: 2, text: 'at den evalueres' },
      ],
    }),
    anItem(2, 'Skriftlig orientering: Sygefravær 2025', { writtenBriefing: true }),
    anItem(3, 'Personalesag Hemmeligholdt Navn', {
      closed: true,
      sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: 'FORTROLIGT-INDHOLD om afskedigelse' }],
    }),
    anItem(4, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', { standing: 'communication' }),
  ];
  return aDraftAgenda('meeting-1', FORUM_ID, items, overrides);
}

/** Polls `probe` until it gives something truthy (background work finishing); fails after `ms`. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`eventually: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A text message in the forum's channel to stand for the asker's answer, updated when background work ends. */
export async function anAnswerInChannel(w: World, text = 'Arbejder …') {
  const channel = (await w.store.conversations.get(TEST_CHANNEL.id))!;
  const { activityId } = await w.deps.messenger.send(channel, { text });
  return { conversationId: TEST_CHANNEL.id, activityId, locale: 'da' as const, as: 'card' as const };
}
