/**
 * Many chiefs click "Ønsker drøftelse" / "Læst" in one channel at once while Teams is slow to update
 * the overview card, or throttles it with 429. Every click is answered with its refreshed card without
 * waiting for the overview; the overview's updates are coalesced (far fewer than the clicks, one at a
 * time) and it ends showing every click.
 */
import type { Forum, Member } from '../../src/domain';
import type { TestUser } from '../support/activities';
import type { RecordedRequest } from '../support/fake-connector';
import { type Harness, startHarness, testForum } from '../support/harness';
import { aDraftMeeting, CHANNEL, cardOf, publish, textOf } from './support';

jest.setTimeout(60_000);

const CHIEFS: TestUser[] = Array.from({ length: 30 }, (_, i) => ({
  id: `29:chief-${i}`,
  name: `Chef ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));

describe('concurrent clicks in one channel', () => {
  let h: Harness;
  let forum: Forum;
  let overviewId: string;
  const overviewUpdates = (r: { kind: string; path: string }) => r.kind === 'update' && decodeURIComponent(r.path).endsWith(`/${overviewId}`);
  /** Requests recorded before this test (the fake keeps them: resetting it would forget the posted cards). */
  let seen = 0;
  beforeEach(() => {
    seen = h.fake.requests().length;
  });
  /** Overview updates Teams has answered in this test, by status. */
  const updatesDone = (status: (s: number) => boolean): RecordedRequest[] =>
    h.fake
      .requests()
      .slice(seen)
      .filter((r) => overviewUpdates(r) && status(r.status));
  const overviewText = () => textOf(h.fake.activity(overviewId));

  beforeAll(async () => {
    h = await startHarness();
    const seeded = testForum(h.clock.now().toISOString());
    const extra: Member[] = CHIEFS.map((u) => ({ userId: u.id, aadObjectId: u.aadObjectId, name: u.name, department: 'Kultur & Fritid', role: 'member' }));
    forum = await h.seedForum({ members: [...seeded.members, ...extra] });
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    await publish(h, forum, 'm-1');
    overviewId = (await h.store.meetings.get(forum.id, 'm-1'))!.value.publication!.overviewActivityId!;
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Everyone clicks at once; resolves with the answers once all are in. */
  async function clickAll(verb: 'item.discuss' | 'item.read', itemNumber: number, who: TestUser[]) {
    const value = verb === 'item.discuss' ? { wantsDiscussion: 'true' } : { read: 'true' };
    const data = { forumId: forum.id, meetingId: 'm-1', itemNumber, ...value };
    return Promise.all(who.map((u) => h.post(h.anInvoke(verb, data, { from: u, ...CHANNEL }))));
  }

  test('30 clicks are answered before any overview update is through, and the overview ends showing all 30', async () => {
    // Teams takes 10 s over the first overview update: no click may wait for it.
    h.fake.delayNext(1, 10_000, (r) => overviewUpdates(r));
    const answers = await clickAll('item.discuss', 1, CHIEFS);
    // Every click has its own refreshed card, while Teams has not yet finished a single overview update.
    expect(updatesDone(() => true)).toHaveLength(0);
    for (const a of answers) expect(textOf(cardOf(a))).toContain('Ønsker drøftelse');
    await h.app.deps.cardUpdates!.idle();
    const updates = updatesDone(() => true);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(overviewText()).toContain('Kommentarer: 0 · Ønsker drøftelse: 30 af 34');
  });

  test('a 429 (Retry-After 5 s) on the overview update is retried, the clicks do not wait for it, and the tally ends right', async () => {
    h.fake.failNext(1, 429, { headers: { 'Retry-After': '5' }, match: (r) => overviewUpdates(r) });
    const answers = await clickAll('item.read', 2, CHIEFS.slice(0, 10));
    expect(updatesDone((s) => s === 200)).toHaveLength(0);
    for (const a of answers) expect(textOf(cardOf(a))).toContain('Læst');
    await h.app.deps.cardUpdates!.idle();
    expect(updatesDone((s) => s === 429)).toHaveLength(1);
    expect(updatesDone((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(updatesDone(() => true).length).toBeLessThanOrEqual(4);
    expect(overviewText()).toContain('Kommentarer: 0 · Ønsker drøftelse: 0 · Læst: 10 af 34');
    expect(h.logText()).not.toContain('card update failed');
  });

  test('stopping the service waits for the overview update the last clicks asked for', async () => {
    h.fake.delayNext(2, 400, (r) => overviewUpdates(r));
    await clickAll('item.discuss', 2, CHIEFS.slice(0, 5));
    await h.app.stop();
    expect(overviewText()).toContain('Kommentarer: 0 · Ønsker drøftelse: 5 · Læst: 10 af 34');
  });
});
