/**
 * Driving the service the way Teams does, for the resilience and security suites: press a card's
 * button (its data plus the card's inputs), record decisions from the form, publish and close a
 * meeting, read what reached the fake connector. Invented data only (the seeded test forum of
 * test/support/harness.ts); meetings are stored directly, everything after goes over HTTP.
 */
import type { Forum, Meeting } from '../../src/domain';
import { TEST_CHANNEL, type TestUser, USERS } from '../support/activities';
import { aDraftAgenda, anItem } from '../support/agenda-items';
import type { Harness, HttpAnswer } from '../support/harness';

export type Json = Record<string, unknown>;

export const textOf = (x: unknown): string => JSON.stringify(x);
export const CHANNEL = { conversation: 'channel' as const };
/** The 1:1 chat id a user's own messages arrive from (test/support/activities.ts). */
export const personalChatOf = (u: TestUser) => `a:personal-${u.id.replace(/^29:/, '')}`;

/** The 1:1 chat the bot created (or stored) with a user, or null. */
export async function botChatWith(h: Harness, u: TestUser): Promise<string | null> {
  return (await h.store.conversations.getPersonal(u.id))?.conversationId ?? null;
}
export const CHIEFS = [USERS.chiefCulture, USERS.chiefTech, USERS.chiefFinance];

export function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

export function findAction(card: Json, verb: string): Json | null {
  let found: Json | null = null;
  walk(card, (n) => {
    if (!found && n.type === 'Action.Execute' && n.verb === verb) found = n;
  });
  return found;
}

export function actionOf(card: Json, verb: string): Json {
  const found = findAction(card, verb);
  if (!found) throw new Error(`no ${verb} button on the card: ${textOf(card).slice(0, 400)}`);
  return found;
}

/** The values a card's inputs hold (what Teams sends with a button's data). */
export function inputsOf(card: Json): Json {
  const values: Json = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      values[n.id] = n.type === 'Input.Toggle' ? String(n.value ?? 'false') : (n.value ?? '');
    }
  });
  return values;
}

/** The card of an invoke answer (Universal Actions), or throws with what came instead. */
export function cardOf(res: HttpAnswer): Json {
  const body = res.body as { type?: string; value?: unknown } | null;
  if (res.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card, got ${res.status} ${textOf(res.body).slice(0, 400)}`);
  }
  return body.value as Json;
}

export interface Where {
  channel?: boolean;
  conversationId?: string;
}

/** Presses `verb` on `card` as `from`: the action's data plus the card's inputs (changed by `typed`). */
export async function press(h: Harness, card: Json, verb: string, from: TestUser, typed: Json = {}, where: Where = {}): Promise<HttpAnswer> {
  const action = actionOf(card, verb);
  const inputs = action.associatedInputs === 'none' ? {} : { ...inputsOf(card), ...typed };
  const o = where.channel ? CHANNEL : { conversation: 'personal' as const, ...(where.conversationId ? { conversationId: where.conversationId } : {}) };
  return h.post(h.anInvoke(verb, { ...(action.data as Json), ...inputs }, { from, ...o }));
}

/**
 * A draft agenda for the seeded forum: two open items, item 3 closed (its title and sections carry
 * `secret`), item 4 the standing "what to communicate" item.
 */
export function aDraftMeeting(forum: Forum, id: string, opts: { secret?: string; date?: string } = {}): Meeting {
  const secret = opts.secret ?? 'fortroligt';
  const items = [
    anItem(1, 'Ny model for borgerhenvendelser', {
      proposals: [
        { number: 1, text: 'at modellen godkendes' },
        { number: 2, text: 'at den evalueres' },
      ],
    }),
    anItem(2, 'Skriftlig orientering: Sygefravær', { writtenBriefing: true }),
    anItem(3, `Personalesag ${secret}`, {
      closed: true,
      sections: [
        { kind: 'case', heading: 'Sagsfremstilling', body: `Sagen drejer sig om ${secret} og en fratrædelse.` },
        { kind: 'recommendation', heading: 'Indstilling', body: `Direktøren indstiller, at ${secret} godkendes.` },
      ],
      proposals: [{ number: 1, text: `at ${secret} godkendes` }],
    }),
    anItem(4, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?', { standing: 'communication', sections: [] }),
  ];
  return aDraftAgenda(id, forum.id, items, { forumName: forum.name, ...(opts.date === undefined ? {} : { date: opts.date }) });
}

/** Jobs a click starts and runs in the background after answering (src/app/background.ts). */
const BACKGROUND_KINDS = new Set(['publish-agenda', 'close-meeting']);

/**
 * Waits until the forum's background work (publishing, closing, card updates) has finished and the Bot Connector
 * has been quiet for a moment. Work due now but left pending for a later sweep counts as unfinished;
 * work scheduled for later (a scheduled publication) does not.
 */
export async function settle(h: Harness, forumId: string, timeoutMs = 20_000): Promise<void> {
  const running = (j: { kind: string; status: string; dueAt: string }) =>
    BACKGROUND_KINDS.has(j.kind) && (j.status === 'claimed' || (j.status === 'pending' && Date.parse(j.dueAt) <= h.clock.now().getTime()));
  await waitUntil(async () => !(await h.store.jobs.listByForum(forumId)).some(running), timeoutMs, 'the background work (publishing, closing) to finish');
  await h.app.deps.cardUpdates?.idle();
  for (let last = -1; h.fake.received() !== last; ) {
    last = h.fake.received();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The secretary presses "Udsend nu" (agenda.publish) in 1:1 chat; resolves when the agenda is out. */
export async function publish(h: Harness, forum: Forum, meetingId: string, from: TestUser = USERS.secretary): Promise<HttpAnswer> {
  const res = await h.post(h.anInvoke('agenda.publish', { forumId: forum.id, meetingId }, { from }));
  await settle(h, forum.id);
  return res;
}

/** Someone says "afslut møde" in the channel; resolves when the summary and cascade are out. */
export async function closeMeeting(h: Harness, forum: Forum, from: TestUser = USERS.secretary): Promise<HttpAnswer> {
  const res = await h.post(h.aMessage('afslut møde', { from, ...CHANNEL }));
  await settle(h, forum.id);
  return res;
}

/** The item's card in the channel as the forum posted it (after its latest update). */
export async function channelItemCard(h: Harness, forum: Forum, meetingId: string, itemNumber: number): Promise<Json> {
  const meeting = await h.store.meetings.get(forum.id, meetingId);
  const id = meeting?.value.publication?.itemActivityIds[String(itemNumber)];
  const activity = id ? h.fake.activity(id) : undefined;
  const card = (activity?.attachments as { content?: Json }[] | undefined)?.[0]?.content;
  if (!card) throw new Error(`item ${itemNumber} has no card in the channel`);
  return card;
}

/** The decision form of an item, as the secretary (or chair) opens it from the channel card (or, `where`, elsewhere). */
export async function decisionForm(
  h: Harness,
  forum: Forum,
  meetingId: string,
  itemNumber: number,
  from: TestUser = USERS.secretary,
  where: Where = { channel: true },
): Promise<Json> {
  const o = where.channel ? CHANNEL : { conversation: 'personal' as const, ...(where.conversationId ? { conversationId: where.conversationId } : {}) };
  const res = await h.post(h.anInvoke('item.decide', { forumId: forum.id, meetingId, itemNumber }, { from, ...o }));
  return cardOf(res);
}

/** Fills in the decision form: outcome and text, optionally one new follow-up for `owner` due `due`. */
export function decisionInputs(form: Json, text: string, followUp?: { text: string; owner: TestUser; due: string }): Json {
  const typed: Json = { decisionText: text };
  if (followUp) {
    const owners = (actionOf(form, 'decision.save').data as { owners: string[] }).owners;
    const i = owners.indexOf(`m:${followUp.owner.id}`);
    if (i < 0) throw new Error(`the form offers no owner ${followUp.owner.name}: ${owners.join(', ')}`);
    Object.assign(typed, { new_0_text: followUp.text, new_0_owner: `o${i}`, new_0_due: followUp.due });
  }
  return typed;
}

/** Everything the channel was shown (posts and updates), as one string. */
export function channelText(h: Harness): string {
  return h.fake
    .sent()
    .filter((s) => s.conversationId.split(';')[0] === TEST_CHANNEL.id)
    .map((s) => textOf(s.activity))
    .join('\n');
}

/** Cards posted (not updates) into a conversation. */
export function postedCards(h: Harness, conversationId: string): Json[] {
  return h.fake
    .sent()
    .filter((s) => s.kind !== 'update' && s.conversationId.split(';')[0] === conversationId)
    .flatMap((s) =>
      ((s.activity.attachments ?? []) as { contentType?: string; content?: Json }[])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content!),
    );
}

export async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
