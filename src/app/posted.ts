/**
 * Posting a meeting's cards once each (publishing, closing): a card is posted only when no record
 * says it was, and recorded in its own small row (store.posted) right after the post. A run that died
 * is finished by the next one, which posts only what has no record; the one window left is a crash
 * between Teams accepting a post and that record (docs/storage.md "Publishing and closing converge").
 */
import type { PostedCard } from '../domain';
import type { WorkLease } from './jobs';
import type { StoredConversation } from '../store/ports';
import type { AppDeps } from './deps';
import type { OutgoingMessage } from './messenger';
import { sendMessage } from './send';

/** The record keys of a meeting's cards. */
export const postKey = {
  overview: 'overview',
  item: (itemNumber: number): string => `item:${itemNumber}`,
  personal: (itemNumber: number, userId: string): string => `personal:${itemNumber}:${userId}`,
  summary: 'summary',
} as const;

/** What one run knows was posted for a meeting, by key. */
export class PostedCards {
  private constructor(
    readonly meetingId: string,
    private readonly byKey: Map<string, PostedCard>,
    private readonly lease: WorkLease,
  ) {}

  /** The meeting's records, plus `known` (activity ids a meeting kept before records existed). */
  static async load(deps: AppDeps, meetingId: string, lease: WorkLease, known: PostedCard[] = []): Promise<PostedCards> {
    const byKey = new Map(known.map((c) => [c.key, c]));
    for (const c of await deps.store.posted.listByMeeting(meetingId)) byKey.set(c.key, c);
    return new PostedCards(meetingId, byKey, lease);
  }

  get(key: string): PostedCard | undefined {
    return this.byKey.get(key);
  }

  /**
   * Posts unless posted before: the conversation and the message are made only when needed, the
   * lease is checked (and renewed) just before the post, and the record follows the post at once.
   */
  async once(
    deps: AppDeps,
    key: string,
    conversation: () => Promise<StoredConversation>,
    message: (conversation: StoredConversation) => Promise<OutgoingMessage>,
  ): Promise<PostedCard> {
    const known = this.byKey.get(key);
    if (known) return known;
    const where = await conversation();
    const what = await message(where);
    await this.lease.hold();
    const activityId = await sendMessage(deps, where, what);
    const posted = { meetingId: this.meetingId, key, conversationId: where.conversationId, activityId, postedAt: deps.clock.now().toISOString() };
    const recorded = await deps.store.posted.record(posted);
    this.byKey.set(key, recorded);
    return recorded;
  }
}
