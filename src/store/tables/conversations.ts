/**
 * conversations: PK 'c|<conversation id>', RK 'c' (the reference); for 1:1 chats also a copy at
 * PK 'p|<user id>', RK 'p', so getPersonal is one point read. Incoming activity ids, for ignoring
 * redeliveries: PK 'a|<conversation id>', RK '<activity id>' (insert-if-absent). A person's chosen
 * language ("sprog dansk"): PK 'l|<user id>', RK 'l', column `locale` ('da' | 'en').
 */
import type { Locale } from '../../domain';
import { AppError } from '../../domain/errors';
import type { ConversationStore, StoredConversation } from '../ports';
import { jsonProps, readJson } from './codec';
import { RecentMemo, type StoreContext } from './context';
import { key } from './keys';

/** Teams sends the same reference with every activity: one this instance wrote lately is not written again. */
const REWRITE_AFTER_MS = 60_000;

/**
 * What makes two saves the same: in a channel or group chat the reference's user and locale are the
 * clicker's and say nothing about how to reach the conversation, so they do not force a rewrite.
 */
function sameKey(conversation: StoredConversation): string {
  if (conversation.kind === 'personal') return JSON.stringify({ ...conversation, updatedAt: '' });
  const { user: _user, locale: _locale, ...reference } = conversation.reference;
  return JSON.stringify({ ...conversation, reference, updatedAt: '' });
}

export function createConversationStore(ctx: StoreContext): ConversationStore {
  const table = ctx.tables.conversations;
  const written = new RecentMemo<string>(ctx.now, REWRITE_AFTER_MS);
  return {
    async save(conversation) {
      const same = sameKey(conversation);
      if (written.get(conversation.conversationId) === same) return;
      written.delete(conversation.conversationId);
      const props = { kind: conversation.kind, ...jsonProps(conversation, 'Conversation') };
      await table.upsert({ partitionKey: key('c', conversation.conversationId), rowKey: 'c', ...props });
      if (conversation.kind === 'personal' && conversation.userId) {
        await table.upsert({ partitionKey: key('p', conversation.userId), rowKey: 'p', ...props });
      }
      written.set(conversation.conversationId, same);
    },
    async get(conversationId) {
      const row = await table.get(key('c', conversationId), 'c');
      return row ? readJson<StoredConversation>(row.entity) : null;
    },
    async getPersonal(userId) {
      const row = await table.get(key('p', userId), 'p');
      if (!row) return null;
      const c = readJson<StoredConversation>(row.entity);
      return c.kind === 'personal' && c.userId === userId ? c : null;
    },
    async getLocale(userId) {
      const row = await table.get(key('l', userId), 'l');
      const locale = row?.entity.locale;
      return locale === 'da' || locale === 'en' ? (locale as Locale) : null;
    },
    async setLocale(userId, locale) {
      if (locale) await table.upsert({ partitionKey: key('l', userId), rowKey: 'l', locale });
      else await table.remove(key('l', userId), 'l');
    },
    async markActivity(conversationId, activityId) {
      try {
        await table.insert({ partitionKey: key('a', conversationId), rowKey: key(activityId) });
        return true;
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return false;
        throw e;
      }
    },
  };
}
