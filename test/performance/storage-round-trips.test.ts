/**
 * How many storage calls a click makes before it is answered, and how many of them in sequence:
 * with a fixed round trip per call (test/support/delay-proxy.ts, as in Azure), every call in sequence
 * is that much more waiting for the person who clicked. Targets (issue 17): "Læst" / "Ønsker
 * drøftelse" at most 2 sequential round trips; "Gem beslutning" at most 4.
 */
import type { Forum } from '../../src/domain';
import { createDelivery } from '../../src/scheduler/delivery';
import { scheduleRemindersFor } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import { aFollowUp } from '../scheduler/support';
import { TEST_BOT, TEST_TENANT, USERS } from '../support/activities';
import { startAzurite, type TestAzurite } from '../support/azurite';
import { type DelayProxy, type ProxiedCall, sequentialDepth, startDelayProxy } from '../support/delay-proxy';
import { type Harness, startHarness } from '../support/harness';
import { actionOf, aDraftMeeting, CHANNEL, cardOf, decisionForm, press, publish, settle, textOf } from '../resilience/support';

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
  if (!within)
    throw new Error(
      `storage: ${made.sequential} in sequence, ${made.calls} calls (at most ${most.sequential} and ${most.calls}): ${calls.map((c) => `${c.method} ${c.table}`).join(', ')}`,
    );
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
  // The calls: the meeting, the item's responses, its decision, the forum, the person's language
  // (conversations) in parallel, then the response written.
  expectAtMost(calls, { sequential: 2, calls: 6 });
});

test('"Gem beslutning" with two new follow-ups is answered after at most 4 storage round trips in sequence', async () => {
  const form = await decisionForm(h, forum, 'm-1', 2);
  const owners = (actionOf(form, 'decision.save').data as { owners: string[] }).owners;
  const owner = (id: string) => `o${owners.indexOf(`m:${id}`)}`;
  const typed = {
    decisionText: 'Orienteringen blev taget til efterretning.',
    newRows: '2',
    new_0_text: 'Kultur & Fritid laver en bemandingsplan',
    new_0_owner: owner(USERS.chiefCulture.id),
    new_0_due: '2026-03-20',
    new_1_text: 'Miljø & Teknik melder kontaktpersoner ind',
    new_1_owner: owner(USERS.chiefTech.id),
    new_1_due: '2026-03-27',
  };
  const { answer, calls } = await callsBeforeAnswer(() => press(h, form, 'decision.save', USERS.secretary, typed, { channel: true }));
  expect(textOf(cardOf(answer))).toContain('Orienteringen blev taget til efterretning.');
  expect((await h.store.followUps.listByMeeting(forum.id, 'm-1')).filter((f) => f.itemNumber === 2)).toHaveLength(2);
  // Issue 17 asks for 4 (was 20): the reads; the decision's commit; its audit entry beside the
  // follow-ups' open-list rows and their reminder jobs' index rows (inserted, no read first); then
  // the follow-ups (one batch) beside the reminder jobs.
  expectAtMost(calls, { sequential: 4, calls: 17 });
});

test('one reminder card sent by the sweep costs at most 16 storage requests', async () => {
  const chat = 'a:personal-chief-culture-round-trips';
  const chief = USERS.chiefCulture;
  await h.store.conversations.save({
    conversationId: chat,
    kind: 'personal',
    tenantId: TEST_TENANT,
    userId: chief.id,
    reference: {
      channelId: 'msteams',
      serviceUrl: h.fake.url,
      bot: { ...TEST_BOT },
      user: { id: chief.id },
      conversation: { id: chat, conversationType: 'personal', tenantId: TEST_TENANT },
    },
    updatedAt: h.clock.now().toISOString(),
  });
  const followUp = aFollowUp(forum.id, 'fu-round-trips', chief.id, '2026-03-16', { meetingId: 'm-1', text: 'Kultur & Fritid laver en bemandingsplan' });
  await h.store.followUps.createMany([followUp]);
  await scheduleRemindersFor(h.app.deps, followUp);
  const [first] = (await h.store.jobs.listByForum(forum.id)).filter((j) => j.kind === 'reminder' && j.status === 'pending');
  h.clock.set(first.dueAt);
  const before = h.fake.sent().length;
  const { answer, calls } = await callsBeforeAnswer(() =>
    sweepOnce(h.app.deps, { owner: 'round-trips', delivery: createDelivery(h.app.deps.messenger, { limits: { perConversation: [], global: [] } }) }),
  );
  expect(answer.sent).toBe(1);
  expect(
    h.fake
      .sent()
      .slice(before)
      .filter((x) => x.conversationId === chat),
  ).toHaveLength(1);
  // Issue 17 asks for 8 per card; 14 or 15 today (was 23): the due entries read, the job read and
  // claimed (3), the person's open follow-ups (2: index, one query per forum), the forum unless cached,
  // the next reminder day's job looked up (2), language and chat (2), the meeting (1), the send
  // recorded and its due entry dropped (2), and the sweep's look for more due jobs (1). 16 when the
  // next reminder day's job is new (it is written: 4 calls instead of 2 reads).
  expectAtMost(calls, { sequential: 16, calls: 16 });
});

test('"Udført" on that reminder card is answered after at most 12 storage round trips in sequence', async () => {
  const chat = 'a:personal-chief-culture-round-trips';
  const card = h.fake.cards(chat).at(-1) as Record<string, unknown>;
  const sent = h.fake
    .sent()
    .filter((x) => x.conversationId === chat)
    .at(-1)!;
  const data = actionOf(card, 'followup.done').data as Record<string, unknown>;
  const click = () =>
    h.post(h.anInvoke('followup.done', data, { from: USERS.chiefCulture, conversation: 'personal', conversationId: chat, replyToId: sent.activityId }));
  const { answer, calls } = await callsBeforeAnswer(click);
  expect(textOf(cardOf(answer))).toContain('Udført');
  expect((await h.store.followUps.get(forum.id, String(data.followUpId)))?.value.status).toBe('done');
  // Was 15: the forum and the follow-up are read together, the follow-up written without reading it
  // again, its audit entry beside the reminders, and there the person's reminder job and open
  // follow-ups read together. (The turn's own reads and the card's meeting come on top.)
  expectAtMost(calls, { sequential: 12, calls: 18 });
});
