/**
 * The Bot Connector misbehaving while the bot posts: bursts of 429 with Retry-After and 500s during
 * publishing, closing (summary + 1:1 cascade) and the card updates after a confirmation; then a
 * burst longer than delivery retries, so the background run gives up and the next sweep finishes.
 * Every card reaches its conversation exactly once: no post lost, none doubled.
 */
import type { Forum } from '../../src/domain';
import { sweepOnce } from '../../src/scheduler/sweep';
import { TEST_CHANNEL, USERS } from '../support/activities';
import type { FakeConnector } from '../support/fake-connector';
import { type Harness, startHarness } from '../support/harness';
import {
  aDraftMeeting,
  botChatWith,
  CHANNEL,
  cardOf,
  CHIEFS,
  closeMeeting,
  decisionForm,
  decisionInputs,
  postedCards,
  press,
  publish,
  settle,
  textOf,
  waitUntil,
} from './support';

jest.setTimeout(60_000);

const sends = (r: { kind: string }) => r.kind === 'send' || r.kind === 'create-conversation';

/** The heading of a card: its first TextBlock ("Dagsorden: …", "Punkt 3: Lukket punkt", "Opsamling: …"). */
function headingOf(card: Record<string, unknown>): string {
  const first = (card.body as { type?: string; text?: string }[] | undefined)?.find((b) => b.type === 'TextBlock');
  return first?.text ?? '';
}

/** Item cards and the overview posted into the channel since `from`, by heading. */
function agendaPosts(h: Harness, from = 0): string[] {
  return postedCards(h, TEST_CHANNEL.id)
    .slice(from)
    .map(headingOf)
    .filter((x) => /^(Dagsorden|Punkt \d+):/.test(x))
    .map((x) => x.replace(/^(Punkt \d+):.*$/, '$1'))
    .sort();
}

const AGENDA = ['Dagsorden: Ledelsesforum Testrup', 'Punkt 1', 'Punkt 2', 'Punkt 3', 'Punkt 4'];

/** How many cards were posted into `conversationId` whose JSON contains `marker`. */
function posted(h: Harness, conversationId: string, marker: string): number {
  return postedCards(h, conversationId).filter((c) => textOf(c).includes(marker)).length;
}

function faults(fake: FakeConnector): number {
  return fake.requests().filter((r) => r.status === 429 || r.status >= 500).length;
}

describe('the Bot Connector answering 429 and 500 in bursts', () => {
  let h: Harness;
  let forum: Forum;
  beforeAll(async () => {
    h = await startHarness();
    forum = await h.seedForum();
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('publishing through a burst posts the overview, every item card and each closed-item copy once', async () => {
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    h.fake.failNext(1, 429, { headers: { 'Retry-After': '1' }, match: sends });
    h.fake.failNext(2, 500, { match: sends });
    await publish(h, forum, 'm-1');
    expect(faults(h.fake)).toBe(3);
    expect((await h.store.meetings.get(forum.id, 'm-1'))!.value.status).toBe('published');
    expect(agendaPosts(h)).toEqual(AGENDA);
    for (const chief of CHIEFS) expect(posted(h, (await botChatWith(h, chief))!, 'en fratrædelse')).toBe(1);
  });

  test('closing through 429s and 500s posts one summary and one cascade message per chief', async () => {
    for (const n of [1, 2]) {
      const form = await decisionForm(h, forum, 'm-1', n);
      cardOf(await press(h, form, 'decision.save', USERS.secretary, decisionInputs(form, `Beslutning på punkt ${n}.`), { channel: true }));
    }
    const messages = cardOf(
      await h.post(h.anInvoke('item.decide', { forumId: forum.id, meetingId: 'm-1', itemNumber: 4 }, { from: USERS.secretary, ...CHANNEL })),
    );
    cardOf(await press(h, messages, 'communications.save', USERS.secretary, { lines: 'Budskabet til alle afdelinger.' }, { channel: true }));
    const before = faults(h.fake);
    h.fake.failNext(1, 429, { headers: { 'Retry-After': '1' }, match: sends });
    h.fake.failNext(1, 500, { match: sends });
    h.fake.failNext(1, 503, { match: sends });
    h.clock.set('2026-03-05T11:00:00Z');
    await closeMeeting(h, forum);
    expect(faults(h.fake) - before).toBe(3);
    expect(posted(h, TEST_CHANNEL.id, 'Budskabet til alle afdelinger.')).toBe(1);
    for (const chief of CHIEFS) expect([chief.name, posted(h, (await botChatWith(h, chief))!, 'Budskabet til alle afdelinger.')]).toEqual([chief.name, 1]);
  });

  test('a confirmation updates the summary through a burst of throttled updates', async () => {
    const chat = (await botChatWith(h, USERS.chiefCulture))!;
    const cascade = postedCards(h, chat)
      .filter((c) => textOf(c).includes('cascade.confirm'))
      .pop()!;
    h.fake.failNext(2, 429, { headers: { 'Retry-After': '1' }, match: (r) => r.kind === 'update' });
    cardOf(await press(h, cascade, 'cascade.confirm', USERS.chiefCulture, {}, { conversationId: chat }));
    await h.app.deps.cardUpdates!.idle(); // the summary's update follows the answer
    const summaryId = (await h.store.meetings.get(forum.id, 'm-1'))!.value.summaryActivityId!;
    expect(textOf(h.fake.activity(summaryId))).toMatch(/1 af \d har bekræftet/);
    expect(textOf(h.fake.activity(summaryId))).toContain(`Bekræftet: ${USERS.chiefCulture.name}`);
    expect(h.fake.requests().filter((r) => r.kind === 'update' && r.status === 429)).toHaveLength(2);
    expect((await h.store.cascade.listByMeeting('m-1')).filter((r) => r.userId === USERS.chiefCulture.id)).toHaveLength(1);
  });

  test('a burst longer than delivery retries leaves the work to the next sweep, which finishes it once', async () => {
    await h.store.meetings.create(aDraftMeeting(forum, 'm-2', { date: '2026-03-19' }));
    h.clock.set('2026-03-16T08:00:00Z');
    const channelBefore = postedCards(h, TEST_CHANNEL.id).length;
    const before = faults(h.fake);
    // Six failures end the first run's delivery (its attempts); two more meet the sweep's first try.
    h.fake.failNext(8, 429, { headers: { 'Retry-After': '0' }, match: sends });
    await h.post(h.anInvoke('agenda.publish', { forumId: forum.id, meetingId: 'm-2' }, { from: USERS.secretary }));
    await h.fake.waitFor((f) => faults(f) - before >= 6, 15_000);
    // The scheduler's next sweeps, after the job's retry delay.
    await waitUntil(async () => (await h.store.jobs.get('publish-agenda-m-2'))?.value.status === 'pending', 15_000, 'the publishing run to give up for now');
    expect(agendaPosts(h, channelBefore)).toEqual([]);
    await sweepOnce(h.app.deps, { owner: 'test', now: new Date(h.clock.now().getTime() + 5 * 60_000) });
    await settle(h, forum.id);
    const job = await h.store.jobs.get('publish-agenda-m-2');
    expect(job?.value.status).toBe('done');
    expect(faults(h.fake) - before).toBe(8);
    expect(agendaPosts(h, channelBefore)).toEqual(AGENDA);
  });
});
