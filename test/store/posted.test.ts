/** The posted-card records of publishing and closing: one small row per card, first record wins, backed up. */
import type { PostedCard } from '../../src/domain';
import { useAzurite } from '../support/azurite';
import { aForum, aMeeting } from './builders';

const card = (key: string, activityId: string, meetingId = 'meeting-1'): PostedCard => ({
  meetingId,
  key,
  conversationId: '19:channel-nordby@thread.tacv2',
  activityId,
  postedAt: '2026-03-02T08:00:00.000Z',
});

describe('posted cards on Azurite', () => {
  const azurite = useAzurite();

  it('keeps the first record of a card; a second one gets the first back and changes nothing', async () => {
    const store = await azurite.newStore();
    expect(await store.posted.record(card('item:1', 'act-1'))).toMatchObject({ activityId: 'act-1' });
    expect(await store.posted.record(card('item:1', 'act-2'))).toMatchObject({ activityId: 'act-1' });
    expect((await store.posted.listByMeeting('meeting-1')).map((c) => c.activityId)).toEqual(['act-1']);
  });

  it('lists one meeting’s cards, keys with user ids and colons intact', async () => {
    const store = await azurite.newStore();
    await store.posted.record(card('overview', 'a-0'));
    await store.posted.record(card('personal:3:29:1a2b/c#d', 'a-1'));
    await store.posted.record(card('overview', 'other', 'meeting-2'));
    const keys = (await store.posted.listByMeeting('meeting-1')).map((c) => c.key).sort();
    expect(keys).toEqual(['overview', 'personal:3:29:1a2b/c#d']);
  });

  it('is part of a forum backup and comes back with a restore', async () => {
    const source = await azurite.newStore();
    await source.forums.create(aForum());
    await source.meetings.create(aMeeting());
    await source.posted.record(card('summary', 'act-summary'));
    const backup = await source.exportForum('forum-1');
    expect(backup.posted).toEqual([card('summary', 'act-summary')]);
    const target = await azurite.newStore();
    await target.importForum(JSON.parse(JSON.stringify(backup)));
    expect(await target.posted.listByMeeting('meeting-1')).toEqual([card('summary', 'act-summary')]);
    const old = { ...backup, posted: undefined }; // a backup from before posted cards were kept
    await expect(azurite.newStore().then((s) => s.importForum(old))).resolves.toBeUndefined();
  });
});
