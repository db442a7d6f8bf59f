/**
 * "Afslut møde" cut off from storage after every one of its storage calls (both ways: the k-th call's
 * answer arrived, or was lost), then a fresh service on the same tables a minute later (its sweep,
 * and a second click when the first was not acknowledged; for Teams' meeting-end event, which is never
 * sent again, only the sweep). Whatever call it died after, the meeting
 * ends closed with the summary posted once in the channel, each chief's cascade card once in their
 * 1:1 chat and every chief's receipt saying so. A crash between Teams taking a post and its record
 * (docs/storage.md "Publishing and closing converge") may post that one card twice; the test counts
 * how often that happens.
 */
import { closeJobId } from '../../src/app/close-meeting';
import { chiefsOf } from '../../src/app/access';
import { publishAgenda } from '../../src/app/publish-agenda';
import type { Forum } from '../../src/domain';
import { TEST_CHANNEL, USERS } from '../support/activities';
import { anItem, aDraftAgenda } from '../support/agenda-items';
import { useAzurite } from '../support/azurite';
import type { Harness } from '../support/harness';
import { countCalls, everyCrashPoint, type Operation, postsByConversation, summarize } from './crash-points-cards';

jest.setTimeout(600_000);

const az = useAzurite();
const MEETING = 'meeting-crash';

const close: Operation<null> = {
  async setUp(h: Harness, forum: Forum) {
    const items = [anItem(1, 'Ny model for borgerhenvendelser'), anItem(2, 'Personalesag', { closed: true })];
    const communications = [
      { id: 'c-1', text: 'Ny model for borgerhenvendelser træder i kraft 1. april.', departments: [], notBefore: null, notBeforeText: null },
    ];
    await h.store.meetings.create(aDraftAgenda(MEETING, forum.id, items, { communications }));
    await publishAgenda(h.app.deps, { forumId: forum.id, meetingId: MEETING });
    return null;
  },
  click: (h, forum) =>
    h.anInvoke('meeting.close', { forumId: forum.id, meetingId: MEETING }, { from: USERS.secretary, conversation: 'channel', replyToId: 'overview-card' }),
  acknowledged: 'Opsummeringen lægges i kanalen',
  async check(h, forum) {
    const broken: string[] = [];
    const meeting = (await h.store.meetings.get(forum.id, MEETING))?.value;
    if (meeting?.status !== 'closed') broken.push(`meeting is ${meeting?.status}`);
    const posted = new Set(
      h.fake
        .sent()
        .filter((s) => s.kind === 'send')
        .map((s) => s.activityId),
    );
    if (!meeting?.summaryActivityId || !posted.has(meeting.summaryActivityId)) broken.push('the meeting does not know its summary card');
    const receipts = await h.store.cascade.listByMeeting(MEETING);
    const chiefs = chiefsOf(forum);
    for (const chief of chiefs) {
      if (!receipts.find((r) => r.userId === chief.userId)?.deliveredAt) broken.push(`no delivered receipt for ${chief.name}`);
    }
    const job = (await h.store.jobs.get(closeJobId(MEETING)))?.value;
    if (job?.status !== 'done') broken.push(`close job is ${job?.status}`);
    const counts = await postsByConversation(h, forum);
    let duplicates = 0;
    const expect = (where: string, n: number, what: string) => {
      const got = counts.get(where) ?? 0;
      if (got < n) broken.push(`${what}: ${got} of ${n} posted`);
      duplicates += Math.max(0, got - n);
    };
    expect(TEST_CHANNEL.id, 1, 'summary');
    for (const chief of chiefs) expect(chief.userId, 1, `cascade to ${chief.name}`);
    const others = [...counts.keys()].filter((where) => where !== TEST_CHANNEL.id && !chiefs.some((c) => c.userId === where));
    if (others.length > 0) broken.push(`unexpected posts in ${others.join(', ')}`);
    if (duplicates > 1) broken.push(`${duplicates} cards posted twice`);
    return { broken, duplicates };
  },
};

test('a close cut off after any storage call ends closed: summary once, each chief’s cascade once, receipts (at most one card twice)', async () => {
  const calls = await countCalls(az.connectionString, close);
  const outcomes = await everyCrashPoint(az.connectionString, close, calls);
  console.log(`closing: ${calls.length} storage calls (${calls.filter((m) => m !== 'GET').length} writes)\n${summarize(outcomes)}`);
  expect(outcomes.filter((o) => o.broken.length > 0)).toEqual([]);
});

test('the meeting-end event cut off after any storage call ends closed and posted by the sweep alone (nobody sends it again)', async () => {
  const event: Operation<null> = {
    ...close,
    click: (h) => h.aMeetingEvent('end', { id: 'teams-meeting-1', time: '2026-03-05T10:00:00.000Z' }, { conversation: 'channel' }),
    retried: false,
    async check(h, forum, state) {
      const meeting = (await h.store.meetings.get(forum.id, MEETING))?.value;
      // Cut off before the close job (the intent) was written: nothing happened, nothing may be posted.
      if (meeting?.status === 'published' && !(await h.store.jobs.get(closeJobId(MEETING)))) {
        const posts = [...(await postsByConversation(h, forum)).values()].reduce((a, b) => a + b, 0);
        return { broken: posts > 0 ? [`meeting still open but ${posts} card(s) posted`] : [], duplicates: 0 };
      }
      return close.check(h, forum, state);
    },
  };
  const calls = await countCalls(az.connectionString, event);
  const outcomes = await everyCrashPoint(az.connectionString, event, calls);
  console.log(`meeting-end event: ${calls.length} storage calls (${calls.filter((m) => m !== 'GET').length} writes)\n${summarize(outcomes)}`);
  expect(outcomes.filter((o) => o.broken.length > 0)).toEqual([]);
});
