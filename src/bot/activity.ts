/**
 * The edge check for what arrives on POST /api/messages: just enough shape to route a turn
 * safely (anything else is the handlers' business), plus small readers of Teams' fields.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { ConversationKind } from '../store/ports';

/**
 * An id the bot keys storage and replies on: no control characters (a NUL in a conversation id
 * otherwise fails deep in a turn instead of as a 400 naming the field).
 */
const id = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^\P{Cc}*$/u, 'must not contain control characters (U+0000-U+001F, U+007F-U+009F)');

const account = z.looseObject({ id: id(1024) });

/** Fields every activity the bot handles must carry; unknown fields pass through untouched. */
export const incomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  id: id(1024).optional(),
  replyToId: id(1024).optional(),
  conversation: z.looseObject({ id: id(1024), tenantId: id(200).optional() }),
  from: account.optional(),
  recipient: account.optional(),
  text: z.string().optional(),
  locale: z.string().max(50).optional(),
  name: z.string().max(200).optional(),
});

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problems: string[] };

/** Validates the parsed request body as an activity; never throws. */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = incomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) };
  }
  return { ok: true, activity: withDates(parsed.data) };
}

/** As botbuilder's CloudAdapter does: timestamps become Dates, the original strings stay in raw*. */
function withDates(a: Record<string, unknown>): Activity {
  const out: Record<string, unknown> = { ...a };
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof a[key] === 'string') {
      out[raw] = a[key];
      out[key] = new Date(a[key] as string);
    }
  }
  return out as unknown as Activity;
}

function record(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
}

/** The Microsoft Entra tenant the activity comes from (channelData.tenant.id, else conversation.tenantId). */
export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = record(record(activity.channelData).tenant).id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  const fromConversation = record(activity.conversation).tenantId;
  return typeof fromConversation === 'string' && fromConversation ? fromConversation : null;
}

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = record(activity.conversation).conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  if (type === 'personal') return 'personal';
  return record(activity.conversation).isGroup === true ? 'groupChat' : 'personal';
}

/** A channel thread's conversation id carries ";messageid=..."; the channel itself is the part before. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';')[0];
}

/** The Teams team id of a channel activity, if any. */
export function teamIdOf(activity: Partial<Activity>): string | null {
  const id = record(record(activity.channelData).team).id;
  return typeof id === 'string' && id ? id : null;
}
