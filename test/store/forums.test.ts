import { AppError } from '../../src/domain/errors';
import { useAzurite } from '../support/azurite';
import { aForum } from './builders';

describe('forum store on Azurite', () => {
  const azurite = useAzurite();

  it('creates a forum and reads it back with an etag', async () => {
    const store = await azurite.newStore();
    const created = await store.forums.create(aForum());
    const read = await store.forums.get('forum-1');
    expect(read?.value).toEqual(aForum());
    expect(read?.etag).toBe(created.etag);
  });

  it('refuses to create a forum whose id exists', async () => {
    const store = await azurite.newStore();
    await store.forums.create(aForum());
    await expect(store.forums.create(aForum({ name: 'Other' }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets only one of two concurrent updates with the same etag win, and keeps the winner', async () => {
    const store = await azurite.newStore();
    const { etag } = await store.forums.create(aForum());
    const results = await Promise.allSettled([store.forums.update(aForum({ name: 'Navn A' }), etag), store.forums.update(aForum({ name: 'Navn B' }), etag)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(AppError);
    expect(lost[0].reason.code).toBe('conflict');
    const winner = (won[0] as PromiseFulfilledResult<{ value: { name: string } }>).value.value.name;
    expect((await store.forums.get('forum-1'))?.value.name).toBe(winner);
  });

  it('finds the forum of a channel, and forgets the old channel after a move', async () => {
    const store = await azurite.newStore();
    const { etag } = await store.forums.create(aForum());
    expect((await store.forums.findByConversation('19:channel-nordby@thread.tacv2'))?.value.id).toBe('forum-1');
    await store.forums.update(aForum({ conversationId: '19:new-channel@thread.tacv2' }), etag);
    expect(await store.forums.findByConversation('19:channel-nordby@thread.tacv2')).toBeNull();
    expect((await store.forums.findByConversation('19:new-channel@thread.tacv2'))?.value.id).toBe('forum-1');
  });

  it('finds the forums a user is a member of, and not after the user left the roster', async () => {
    const store = await azurite.newStore();
    const { etag } = await store.forums.create(aForum());
    await store.forums.create(aForum({ id: 'forum-2', conversationId: '19:other', members: [aForum().members[2]] }));
    expect((await store.forums.findByMember('29:chief-a')).map((f) => f.id).sort()).toEqual(['forum-1', 'forum-2']);
    await store.forums.update(aForum({ members: aForum().members.slice(0, 2) }), etag);
    expect((await store.forums.findByMember('29:chief-a')).map((f) => f.id)).toEqual(['forum-2']);
    expect((await store.forums.list()).map((f) => f.id).sort()).toEqual(['forum-1', 'forum-2']);
  });

  it('keeps ids with \' " # / ? \\ and æøå intact as keys', async () => {
    const store = await azurite.newStore();
    const odd = `forum/'"#?\\æøå|~%`;
    const userId = `29:ø/#?'`;
    await store.forums.create(aForum({ id: odd, conversationId: `19:a/b#c?d'e`, members: [{ ...aForum().members[0], userId }] }));
    expect((await store.forums.get(odd))?.value.id).toBe(odd);
    expect((await store.forums.findByConversation(`19:a/b#c?d'e`))?.value.id).toBe(odd);
    expect((await store.forums.findByMember(userId)).map((f) => f.id)).toEqual([odd]);
  });
});
