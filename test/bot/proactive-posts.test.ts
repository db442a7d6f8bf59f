/**
 * Where proactive posts land in Teams: the agenda and the summary are new posts at the channel's
 * root (`POST /v3/conversations/{channel}/activities`), never replies into some thread; the answer
 * to the person who asked stays a reply in their thread.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CHANNEL, USERS } from '../support/activities';
import type { RecordedRequest } from '../support/fake-connector';
import { type Harness, startHarness } from '../support/harness';

const AGENDA = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'lifecycle-agenda.md'), 'utf8');
const CHANNEL = { conversation: 'channel' as const };
const ROOT = `/v3/conversations/${encodeURIComponent(TEST_CHANNEL.id)}/activities`;

function hasCard(r: RecordedRequest): boolean {
  const attachments = (r.body as { attachments?: { contentType?: string }[] } | null)?.attachments ?? [];
  return attachments.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
}

/** Posts and replies in the channel, from request number `from` on. */
function inChannel(h: Harness, from: number): RecordedRequest[] {
  return h.fake
    .requests()
    .slice(from)
    .filter((r) => r.conversationId?.split(';')[0] === TEST_CHANNEL.id && (r.kind === 'send' || r.kind === 'reply'));
}

/** Cards posted as new messages at the channel's root. */
function rootPosts(h: Harness, from: number): RecordedRequest[] {
  return inChannel(h, from).filter((r) => r.kind === 'send' && r.method === 'POST' && r.path === ROOT && hasCard(r));
}

/** Publishing and closing may finish after the turn has answered (a background job). */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('proactive posts in the forum channel', () => {
  let h: Harness;
  let forumId: string;
  let meetingId: string;
  let items: number;
  beforeAll(async () => {
    h = await startHarness();
    const forum = await h.seedForum();
    const pasted = await h.post(h.aMessage(AGENDA, { from: USERS.secretary }));
    expect(pasted.status).toBe(200);
    const [draft] = await h.store.meetings.listByForum(forum.id);
    forumId = forum.id;
    meetingId = draft.id;
    items = (await h.store.meetings.get(forum.id, draft.id))!.value.items.length;
  });
  afterAll(async () => {
    await h?.stop();
  });

  test('publishing posts the overview and every item card as new posts at the channel root', async () => {
    const from = h.fake.requests().length;
    const command = h.aMessage('publicér', { ...CHANNEL, from: USERS.secretary });
    expect((await h.post(command)).status).toBe(200);
    await until(async () => (await h.store.meetings.get(forumId, meetingId))?.value.status === 'published');
    expect(rootPosts(h, from)).toHaveLength(items + 1);
    // Only the answer to the secretary is a reply, in the thread of the command.
    expect(
      inChannel(h, from)
        .filter((r) => r.kind === 'reply')
        .map((r) => r.activityId),
    ).toEqual([command.id]);
    expect(
      inChannel(h, from)
        .filter(hasCard)
        .every((r) => r.kind === 'send' && r.path === ROOT),
    ).toBe(true);
  });

  test('closing the meeting posts the summary card as a new post at the channel root', async () => {
    h.clock.set('2026-03-05T11:00:00Z');
    const from = h.fake.requests().length;
    const command = h.aMessage('afslut møde', { ...CHANNEL, from: USERS.secretary });
    expect((await h.post(command)).status).toBe(200);
    await h.fake.waitFor(() => rootPosts(h, from).length >= 1);
    expect(
      inChannel(h, from)
        .filter((r) => r.kind === 'reply')
        .map((r) => r.activityId),
    ).toEqual([command.id]);
  });
});
