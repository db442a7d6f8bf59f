/**
 * How many storage calls a click makes before it is answered, and how many of them in sequence:
 * with a fixed round trip per call (test/support/delay-proxy.ts, as in Azure), every call in sequence
 * is that much more waiting for the person who clicked. Targets (issue 17): "Læst" / "Ønsker
 * drøftelse" at most 2 sequential round trips; "Gem beslutning" at most 4.
 */
import type { Forum } from '../../src/domain';
import { USERS } from '../support/activities';
import { startAzurite, type TestAzurite } from '../support/azurite';
import { type DelayProxy, type ProxiedCall, sequentialDepth, startDelayProxy } from '../support/delay-proxy';
import { type Harness, startHarness } from '../support/harness';
import { aDraftMeeting, CHANNEL, cardOf, publish, settle, textOf } from '../resilience/support';

jest.setTimeout(60_000);

/** Long enough that calls made together overlap and calls made in turn do not. */
const ROUND_TRIP_MS = 25;

let azurite: TestAzurite;
let proxy: DelayProxy;
let h: Harness;
let forum: Forum;

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startDelayProxy(azurite.connectionString, ROUND_TRIP_MS);
  h = await startHarness({ connectionString: proxy.connectionString });
  forum = await h.seedForum();
  await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
  await publish(h, forum, 'm-1');
});
afterAll(async () => {
  await h?.stop();
  await proxy?.close();
  await azurite?.stop();
});

/** The storage calls `act` made before its answer came back (later ones are background work). */
async function callsBeforeAnswer<T>(act: () => Promise<T>): Promise<{ answer: T; calls: ProxiedCall[] }> {
  await settle(h, forum.id);
  proxy.reset();
  const answer = await act();
  const answeredAt = performance.now();
  return { answer, calls: proxy.calls().filter((c) => c.end <= answeredAt) };
}

/** Fails naming the calls made, so a creeping count shows what crept in. */
function expectAtMost(calls: ProxiedCall[], most: { sequential: number; calls: number }): void {
  const made = { sequential: sequentialDepth(calls), calls: calls.length };
  const within = made.sequential <= most.sequential && made.calls <= most.calls;
  if (!within) throw new Error(`storage: ${made.sequential} in sequence, ${made.calls} calls (at most ${most.sequential} and ${most.calls}): ${calls.map((c) => `${c.method} ${c.table}`).join(', ')}`);
  expect(within).toBe(true);
}

test.each([
  ['item.read', { read: 'true' }],
  ['item.discuss', { wantsDiscussion: 'true' }],
])('%s in the channel is answered after at most 2 storage round trips in sequence', async (verb, value) => {
  const click = (from = USERS.chiefCulture) => h.post(h.anInvoke(verb, { forumId: forum.id, meetingId: 'm-1', itemNumber: 1, ...value }, { from, ...CHANNEL }));
  await click(USERS.chiefTech); // another chief first: the channel is known, as it is for every click but the first
  const { answer, calls } = await callsBeforeAnswer(() => click());
  expect(answer.status).toBe(200);
  expect(textOf(cardOf(answer))).toContain('Ny model for borgerhenvendelser');
  expectAtMost(calls, { sequential: 2, calls: 5 });
});
