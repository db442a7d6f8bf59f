/** How the scheduler and services reach Teams proactively. Implemented over botbuilder in src/bot. */
import type { Forum, Member } from '../domain';
import type { StoredConversation } from '../store/ports';

/** A message the bot sends: text and/or Adaptive Cards (card JSON, schema 1.5). */
export interface OutgoingMessage {
  text?: string;
  cards?: Record<string, unknown>[];
  /** Other attachments (e.g. a file info card). */
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  /** Short preview text for notifications. */
  summary?: string;
}

/**
 * Errors thrown by a Messenger are `AppError('delivery-failed', ..., { status, retryAfterMs, permanent })`:
 * permanent for 403/404 (bot removed, user blocked, conversation gone), retryable for 429/412/5xx.
 */
export interface Messenger {
  send(conversation: StoredConversation, message: OutgoingMessage): Promise<{ activityId: string }>;
  update(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void>;
  /** The member's 1:1 chat with the bot, created through the connector when the bot has none. */
  ensurePersonal(forum: Forum, member: Member): Promise<StoredConversation>;
}
