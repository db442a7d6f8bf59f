/**
 * "Udsend nu" cut off from storage after every one of its storage calls (both ways: the k-th call's
 * answer arrived, or was lost), then a fresh service on the same tables a minute later (its sweep,
 * and a second click when the first was not acknowledged). Whatever call it died after, the agenda
 * ends published with every card posted once: the overview, each item's card, and the closed item's
 * 1:1 copy to each member. The one window left, a crash between Teams taking a post and its record
 * (docs/storage.md "Publishing and closing converge"), may post that one card twice; the test counts
 * how often that happens.
 */
import type { Forum } from '../../src/domain';
import { TEST_CHANNEL, USERS } from '../support/activities';
import { anItem, aDraftAgenda } from '../support/agenda-items';
import { useAzurite } from '../support/azurite';
import type { Harness } from '../support/harness';
import { countCalls, everyCrashPoint, type Operation, postsByConversation, summarize } from './crash-points-cards';

jest.setTimeout(600_000);

const az = useAzurite();
const MEETING = 'meeting-crash';

const items = [
  anItem(1, 'Ny model for borgerhenvendelser'),
  anItem(2, 'Personalesag', { closed: true, sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: 'FORTROLIGT' }] }),
  anItem(3, 'Budgetopfølgning'),
];

const publish: Operation<null> = {
  async setUp(h: Harness, forum: Forum) {
    await h.store.meetings.create(aDraftAgenda(MEETING, forum.id, items));
    return null;
  },
  click: (h, forum) =>
    h.anInvoke('agenda.publish', { forumId: forum.id, meetingId: MEETING }, { from: USERS.secretary, conversation: 'channel', replyToId: 'preview-card' }),
  acknowledged: 'Publicerer dagsordenen',
  async check(h, forum) {
    const broken: string[] = [];
    const meeting = (await h.store.meetings.get(forum.id, MEETING))?.value;
    if (meeting?.status !== 'published') broken.push(`meeting is ${meeting?.status}`);
    const p = meeting?.publication;
    const recorded = [p?.overviewActivityId, ...items.map((i) => p?.itemActivityIds[String(i.number)])];
    for (const m of forum.members) recorded.push(p?.personalActivityIds?.[`2:${m.userId}`]);
    const posted = new Set(
      h.fake
        .sent()
        .filter((s) => s.kind === 'send')
        .map((s) => s.activityId),
    );
    const missing = recorded.filter((id) => !id || !posted.has(id)).length;
    if (missing > 0) broken.push(`${missing} cards not posted or not recorded`);
    const counts = await postsByConversation(h, forum);
    let duplicates = 0;
    const expect = (where: string, n: number, what: string) => {
      const got = counts.get(where) ?? 0;
      if (got < n) broken.push(`${what}: ${got} of ${n} posted`);
      duplicates += Math.max(0, got - n);
    };
    expect(TEST_CHANNEL.id, 1 + items.length, 'channel');
    for (const m of forum.members) expect(m.userId, 1, `1:1 copy to ${m.name}`);
    if (duplicates > 1) broken.push(`${duplicates} cards posted twice`);
    return { broken, duplicates };
  },
};

test('a publication cut off after any storage call ends published, each card posted once (at most one twice)', async () => {
  const calls = await countCalls(az.connectionString, publish);
  const outcomes = await everyCrashPoint(az.connectionString, publish, calls);
  const report = summarize(outcomes);
  console.log(`publishing: ${calls.length} storage calls (${calls.filter((m) => m !== 'GET').length} writes)\n${report}`);
  expect(outcomes.filter((o) => o.broken.length > 0)).toEqual([]);
});
