/**
 * Builders for activities shaped the way Microsoft Teams sends them to a bot (channelData.tenant,
 * conversation.conversationType and tenantId, locale, from.aadObjectId, recipient = the bot).
 * Everything here is invented test data; nothing comes from the seed minutes.
 */
import { randomUUID } from 'node:crypto';
import type { RosterMember } from './fake-connector';

export const TEST_TENANT = '7f3a1c52-0000-4000-8000-00000000a001';
export const OTHER_TENANT = '9e9e9e9e-0000-4000-8000-00000000bad0';
export const TEST_BOT = { id: '28:followup-bot-test', name: 'Opfølgning' };
export const TEST_TEAM = { id: '19:team-ledelse@thread.tacv2', name: 'Ledelsesforum Testrup' };
/** The team's General channel: in Teams its id equals the team id. */
export const TEST_CHANNEL = { id: '19:team-ledelse@thread.tacv2', name: 'Generelt' };
export const TEST_GROUP_CHAT = '19:meeting-group-chat@thread.v2';

export interface TestUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/** An invented forum: a director (chair), a secretary and three department chiefs. */
export const USERS = {
  director: { id: '29:user-direktor', name: 'Dorte Direktør', aadObjectId: 'aad-0001' },
  secretary: { id: '29:user-sekretaer', name: 'Sune Sekretær', aadObjectId: 'aad-0002' },
  chiefCulture: { id: '29:user-kultur', name: 'Karin Kulturchef', aadObjectId: 'aad-0003' },
  chiefTech: { id: '29:user-teknik', name: 'Torben Teknikchef', aadObjectId: 'aad-0004' },
  chiefFinance: { id: '29:user-okonomi', name: 'Ølse Økonomichef', aadObjectId: 'aad-0005' },
} satisfies Record<string, TestUser>;

/** The team roster as the Bot Connector returns it (TeamsChannelAccount). */
export function testRoster(users: TestUser[] = Object.values(USERS)): RosterMember[] {
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    aadObjectId: u.aadObjectId,
    email: `${u.aadObjectId}@testrup.example`,
    userPrincipalName: `${u.aadObjectId}@testrup.example`,
    tenantId: TEST_TENANT,
    userRole: 'user',
  }));
}

export type ConversationChoice = 'personal' | 'channel' | 'groupChat';

export interface ActivityOpts {
  /** Bot Connector base URL the bot answers on (the fake connector's `url`). */
  serviceUrl?: string;
  from?: TestUser;
  /** Teams client locale, e.g. "da-DK" (default) or "en-US". */
  locale?: string;
  tenantId?: string;
  conversation?: ConversationChoice;
  /** Overrides the conversation id (channels: a thread reply id may carry ";messageid=..."). */
  conversationId?: string;
  /** Mention the bot at the start of the text (default true in channels and group chats). */
  mention?: boolean;
  id?: string;
  replyToId?: string;
  /** Anything else to merge into channelData. */
  channelData?: Record<string, unknown>;
}

type Activity = Record<string, unknown>;

const PLACEHOLDER_SERVICE_URL = 'http://127.0.0.1:9/';

function conversationOf(o: ActivityOpts): Activity {
  const kind = o.conversation ?? 'personal';
  const tenantId = o.tenantId ?? TEST_TENANT;
  const from = o.from ?? USERS.secretary;
  const id = o.conversationId ?? (kind === 'channel' ? TEST_CHANNEL.id : kind === 'groupChat' ? TEST_GROUP_CHAT : `a:personal-${from.id.replace(/^29:/, '')}`);
  return {
    id,
    conversationType: kind,
    tenantId,
    ...(kind === 'personal' ? {} : { isGroup: true }),
    ...(kind === 'channel' ? { name: TEST_CHANNEL.name } : {}),
  };
}

function channelDataOf(o: ActivityOpts): Activity {
  const tenant = { id: o.tenantId ?? TEST_TENANT };
  const team =
    (o.conversation ?? 'personal') === 'channel'
      ? { teamsTeamId: TEST_TEAM.id, teamsChannelId: TEST_CHANNEL.id, team: { ...TEST_TEAM }, channel: { ...TEST_CHANNEL } }
      : {};
  return { tenant, ...team, ...(o.channelData ?? {}) };
}

/** The fields every Teams activity carries. */
export function base(type: string, o: ActivityOpts = {}): Activity {
  const from = o.from ?? USERS.secretary;
  const locale = o.locale ?? 'da-DK';
  return {
    type,
    id: o.id ?? `f:${randomUUID()}`,
    timestamp: '2026-03-02T08:00:00.000Z',
    localTimestamp: '2026-03-02T09:00:00.000+01:00',
    channelId: 'msteams',
    serviceUrl: o.serviceUrl ?? PLACEHOLDER_SERVICE_URL,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { ...TEST_BOT },
    conversation: conversationOf(o),
    channelData: channelDataOf(o),
    locale,
    entities: [{ type: 'clientInfo', locale, country: locale.slice(3) || 'DK', platform: 'Web', timezone: 'Europe/Copenhagen' }],
    ...(o.replyToId ? { replyToId: o.replyToId } : {}),
  };
}

/** A chat message; in channels and group chats the bot is @mentioned first, as Teams requires. */
export function aMessage(text: string, o: ActivityOpts = {}): Activity {
  const a = base('message', o);
  const inGroup = (o.conversation ?? 'personal') !== 'personal';
  const mention = o.mention ?? inGroup;
  if (!mention) return { ...a, text, textFormat: 'plain' };
  const tag = `<at>${TEST_BOT.name}</at>`;
  return {
    ...a,
    text: `${tag} ${text}`,
    textFormat: 'plain',
    entities: [...(a.entities as Activity[]), { type: 'mention', text: tag, mentioned: { ...TEST_BOT } }],
  };
}

/** A click on an `Action.Execute` button: the `adaptiveCard/action` invoke Teams sends. */
export function anInvoke(verb: string, data: Record<string, unknown> = {}, o: ActivityOpts & { trigger?: 'manual' | 'automatic' } = {}): Activity {
  return {
    ...base('invoke', o),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: `action-${verb}`, verb, data }, trigger: o.trigger ?? 'manual' },
  };
}

/** The bot (or someone) added to a team/chat: `conversationUpdate` with membersAdded. */
export function aConversationUpdate(o: ActivityOpts & { membersAdded?: { id: string; name?: string }[]; eventType?: string } = {}): Activity {
  const a = base('conversationUpdate', { conversation: 'channel', ...o });
  const channelData = { ...(a.channelData as Activity), eventType: o.eventType ?? 'teamMemberAdded' };
  return { ...a, channelData, membersAdded: o.membersAdded ?? [{ id: TEST_BOT.id }] };
}

/** The app installed in (or removed from) a personal scope, chat or team. */
export function anInstallationUpdate(o: ActivityOpts & { action?: 'add' | 'remove' } = {}): Activity {
  return { ...base('installationUpdate', o), action: o.action ?? 'add' };
}

/** A file sent to the bot in 1:1 chat: Teams' file download info attachment pointing at `downloadUrl`. */
export function aFileMessage(file: { name: string; downloadUrl: string; fileType?: string }, o: ActivityOpts & { text?: string } = {}): Activity {
  const fileType = file.fileType ?? file.name.split('.').pop() ?? '';
  return {
    ...base('message', o),
    text: o.text ?? '',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: `https://testrup.sharepoint.example/personal/${encodeURIComponent(file.name)}`,
        name: file.name,
        content: { downloadUrl: file.downloadUrl, uniqueId: randomUUID(), fileType },
      },
      { contentType: 'text/html', content: '<div><div>(file)</div></div>' },
    ],
  };
}

/** Teams' meeting start/end event in a meeting chat (needs the RSC permissions; flaky in real life). */
export function aMeetingEvent(kind: 'start' | 'end', meeting: { id: string; joinUrl?: string; title?: string; time?: string }, o: ActivityOpts = {}): Activity {
  const time = meeting.time ?? '2026-03-02T10:00:00.000Z';
  return {
    ...base('event', { conversation: 'groupChat', ...o }),
    name: kind === 'start' ? 'application/vnd.microsoft.meetingStart' : 'application/vnd.microsoft.meetingEnd',
    value: {
      Id: meeting.id,
      JoinUrl: meeting.joinUrl ?? 'https://teams.example/l/meetup-join/x',
      Title: meeting.title ?? 'Ledelsesforum',
      MeetingType: 'Scheduled',
      [kind === 'start' ? 'StartTime' : 'EndTime']: time,
    },
    channelData: { ...channelDataOf(o), meeting: { id: meeting.id } },
  };
}

export interface Builders {
  aMessage: (text: string, o?: ActivityOpts) => Activity;
  anInvoke: (verb: string, data?: Record<string, unknown>, o?: ActivityOpts & { trigger?: 'manual' | 'automatic' }) => Activity;
  aConversationUpdate: (o?: Parameters<typeof aConversationUpdate>[0]) => Activity;
  anInstallationUpdate: (o?: Parameters<typeof anInstallationUpdate>[0]) => Activity;
  aFileMessage: (file: Parameters<typeof aFileMessage>[0], o?: Parameters<typeof aFileMessage>[1]) => Activity;
  aMeetingEvent: (kind: 'start' | 'end', meeting: Parameters<typeof aMeetingEvent>[1], o?: ActivityOpts) => Activity;
}

/** The builders with defaults filled in (the harness binds `serviceUrl` to its fake connector). */
export function bindBuilders(defaults: ActivityOpts): Builders {
  return {
    aMessage: (text, o = {}) => aMessage(text, { ...defaults, ...o }),
    anInvoke: (verb, data = {}, o = {}) => anInvoke(verb, data, { ...defaults, ...o }),
    aConversationUpdate: (o = {}) => aConversationUpdate({ ...defaults, ...o }),
    anInstallationUpdate: (o = {}) => anInstallationUpdate({ ...defaults, ...o }),
    aFileMessage: (file, o = {}) => aFileMessage(file, { ...defaults, ...o }),
    aMeetingEvent: (kind, meeting, o = {}) => aMeetingEvent(kind, meeting, { ...defaults, ...o }),
  };
}
