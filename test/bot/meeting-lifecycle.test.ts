/**
 * A whole meeting over real HTTP, as Teams would drive it: set-up in the channel, the agenda file
 * into the secretary's 1:1 chat (served by a local HTTP server as Teams' downloadUrl), preview,
 * publish, chiefs' comments, decisions with confirmed follow-ups, messages, "afslut møde", the
 * cascade 1:1, confirmations and "referat". Assertions are on the cards that reached the fake
 * Bot Connector. The second test runs the same with the forum's real minutes from ../shared/seeds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeJobId } from '../../src/app/close-meeting';
import { localInstant } from '../../src/domain';
import { TEST_CHANNEL, type TestUser, USERS } from '../support/activities';
import type { SentActivity } from '../support/fake-connector';
import { type Harness, startHarness } from '../support/harness';
import { lateBound } from '../support/late-bound';
import { describeIf } from '../support/skip';

type Json = Record<string, unknown>;
const CHANNEL = { conversation: 'channel' as const };
const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'lifecycle-agenda.md');
const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seed001 = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('001_')) : undefined;

// ---------- reading cards the way a Teams client does ----------

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

function actionOf(card: Json, verb: string): Json {
  let found: Json | null = null;
  walk(card, (n) => {
    if (!found && n.type === 'Action.Execute' && n.verb === verb) found = n;
  });
  if (!found) throw new Error(`no ${verb} button on the card: ${JSON.stringify(card).slice(0, 300)}`);
  return found;
}

/** The values a card's inputs hold (what Teams sends with a button's data). */
function inputsOf(card: Json): Json {
  const values: Json = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      values[n.id] = n.type === 'Input.Toggle' ? String(n.value ?? 'false') : (n.value ?? '');
    }
  });
  return values;
}

function textOf(x: unknown): string {
  return JSON.stringify(x);
}

function cardsIn(a: SentActivity): Json[] {
  const attachments = (a.activity.attachments ?? []) as { contentType?: string; content?: Json }[];
  return attachments.filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content!);
}

class Teams {
  constructor(readonly h: Harness) {}

  async say(text: string, from: TestUser, o: { conversation?: 'channel' | 'personal' } = {}) {
    const res = await this.h.post(this.h.aMessage(text, { from, ...o }));
    expect(res.status).toBe(200);
  }

  /** Presses a button: the action's data plus the card's inputs (changed by `typed`). */
  async press(
    card: Json,
    verb: string,
    from: TestUser,
    typed: Json = {},
    o: { conversationId?: string; channel?: boolean; replyToId?: string } = {},
  ): Promise<Json> {
    const action = actionOf(card, verb);
    const inputs = action.associatedInputs === 'none' ? {} : { ...inputsOf(card), ...typed };
    const where = o.channel ? CHANNEL : { conversation: 'personal' as const, ...(o.conversationId ? { conversationId: o.conversationId } : {}) };
    const replyTo = o.replyToId ? { replyToId: o.replyToId } : {};
    const res = await this.h.post(this.h.anInvoke(verb, { ...(action.data as Json), ...inputs }, { from, ...where, ...replyTo }));
    expect(res.status).toBe(200);
    const body = res.body as { type: string; value: unknown };
    if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${textOf(body)}`);
    return body.value as Json;
  }

  /** Cards posted (not updated) in a conversation, oldest first. */
  posted(conversationId: string): Json[] {
    return this.h.fake
      .sent()
      .filter((s) => s.kind !== 'update' && s.conversationId === conversationId)
      .flatMap(cardsIn);
  }

  /** The activity id of the newest message posted (not updated) in a conversation. */
  lastId(conversationId: string): string {
    const posts = this.h.fake.sent().filter((s) => s.kind !== 'update' && s.conversationId === conversationId);
    return posts[posts.length - 1].activityId;
  }

  /** Waits until the activity (after its updates) shows `text`: work the bot finishes after answering. */
  async until(activityId: string, text: string): Promise<void> {
    await this.h.fake.waitFor(() => textOf(this.h.fake.activity(activityId)).includes(text), 15_000);
  }

  /** The newest posted card in a conversation. */
  last(conversationId: string): Json {
    const cards = this.posted(conversationId);
    expect(cards.length).toBeGreaterThan(0);
    return cards[cards.length - 1];
  }

  /** The 1:1 conversation the bot created with a user. */
  personalWith(user: TestUser): string {
    const c = this.h.fake.createdConversations().find((x) => textOf(x.params).includes(user.id));
    if (!c) throw new Error(`no 1:1 chat was created with ${user.name}`);
    return c.id;
  }

  /** Everything the channel ever showed (posts and updates). */
  channelText(): string {
    return this.h.fake
      .sent()
      .filter((s) => s.conversationId === TEST_CHANNEL.id)
      .map((s) => textOf(s.activity))
      .join('\n');
  }
}

/** Waits until a job the bot runs after answering has finished. */
async function jobDone(h: Harness, jobId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await h.store.jobs.get(jobId))?.value.status !== 'done') {
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const secretaryChat = `a:personal-${USERS.secretary.id.replace(/^29:/, '')}`;

// ---------- the steps every meeting goes through ----------

/** The set-up card's "Gem" in the channel: the team roster (card order), roles and departments. */
async function setUpForum(t: Teams): Promise<void> {
  await t.h.post(t.h.aConversationUpdate());
  const roster = Object.values(USERS).map((u) => u.id);
  const at = (u: TestUser) => String(roster.indexOf(u.id));
  const chiefs: [TestUser, string][] = [
    [USERS.chiefCulture, 'Kultur & Fritid'],
    [USERS.chiefTech, 'Miljø & Teknik'],
    [USERS.chiefFinance, 'Økonomi & Stab'],
  ];
  const data: Json = {
    roster,
    forumName: 'Ledelsesforum',
    secretary: at(USERS.secretary),
    chair: at(USERS.director),
    members: chiefs.map(([u]) => at(u)).join(','),
  };
  for (const [u, dept] of chiefs) data[`dept_${at(u)}`] = dept;
  const res = await t.h.post(t.h.anInvoke('forum.setup', data, { from: USERS.secretary, ...CHANNEL }));
  expect(res.status).toBe(200);
  const forum = await t.h.store.forums.findByConversation(TEST_CHANNEL.id);
  expect(forum?.value.members).toHaveLength(5);
}

/** Sends the agenda as a Teams file and returns the preview card. */
async function sendAgendaFile(t: Teams, name: string, content: string): Promise<Json> {
  const downloadUrl = t.h.fake.serveFile(name, content, 'text/plain; charset=utf-8');
  const res = await t.h.post(t.h.aFileMessage({ name, downloadUrl }, { from: USERS.secretary }));
  expect(res.status).toBe(200);
  return t.last(secretaryChat);
}

/** "Udsend nu": answered at once, the cards follow; waits until the preview says they are out. */
async function publish(t: Teams, preview: Json): Promise<{ overview: Json; items: Json[] }> {
  const before = t.posted(TEST_CHANNEL.id).length;
  const previewId = t.lastId(secretaryChat);
  const after = await t.press(preview, 'agenda.publish', USERS.secretary, {}, { replyToId: previewId });
  expect(textOf(after)).toContain('Publicerer dagsordenen');
  expect(textOf(after)).not.toContain('agenda.publish');
  await t.until(previewId, 'Dagsordenen er offentliggjort');
  const [overview, ...items] = t.posted(TEST_CHANNEL.id).slice(before);
  return { overview, items };
}

/** "afslut møde" in the channel: answered at once; waits until that answer says all is out. */
async function closeByCommand(t: Teams, who: TestUser): Promise<void> {
  await t.say('afslut møde', who, CHANNEL);
  const answer = t.h.fake
    .sent()
    .filter((s) => s.kind !== 'update' && textOf(s.activity).includes('lægges i kanalen'))
    .at(-1);
  expect(answer).toBeDefined();
  await t.until(answer!.activityId, 'Opsummeringen er lagt i kanalen');
}

// ---------- the tests ----------

/** Monday 2 March 2026, 09:00 in Copenhagen; the invented meeting is on Thursday. */
const MONDAY_BEFORE = '2026-03-02T08:00:00Z';

/** A fresh service (and Teams around it) for each test, its clock at `now`; `ready` runs after start. */
function teamsEachTest(now: string, ready?: (t: Teams) => Promise<void>): { h: Harness; t: Teams } {
  let h: Harness | null = null;
  let t: Teams | null = null;
  beforeEach(async () => {
    h = await startHarness({ now });
    t = new Teams(h);
    await ready?.(t);
  });
  afterEach(async () => {
    await h?.stop();
    h = null;
    t = null;
  });
  return { h: lateBound('the harness', () => h), t: lateBound('Teams', () => t) };
}

describe('a whole meeting, end to end over HTTP', () => {
  const { h, t } = teamsEachTest(MONDAY_BEFORE);

  it('runs our own forum’s meeting from the agenda file to the minutes', async () => {
    await setUpForum(t);

    // Agenda in: the file through Teams' download link, answered with the preview.
    const preview = await sendAgendaFile(t, 'dagsorden.md', readFileSync(FIXTURE, 'utf8'));
    const previewText = textOf(preview);
    expect(previewText).toContain('Forhåndsvisning af dagsorden');
    expect(previewText).toContain('torsdag d. 5. marts 2026 kl. 09:00');
    expect(previewText).toContain('Punkter (6)');
    expect(previewText).toContain('Alt blev forstået.');
    expect(h.fake.requests().some((r) => r.kind === 'file')).toBe(true);

    // Agenda out: overview and one card per item; the closed item is "Lukket punkt" only.
    const { overview, items } = await publish(t, preview);
    expect(items).toHaveLength(6);
    expect(textOf(overview)).toContain('Byrådssalen, Testrup Rådhus');
    expect(textOf(items[1])).toContain('Ny model for borgerhenvendelser');
    expect(textOf(items[1])).toContain('at afdelingerne udpeger en kontaktperson');
    expect(textOf(items[3])).toContain('Lukket punkt');
    expect(textOf(items[3])).not.toContain('item.comment');
    // The base cards (before any per-user refresh, as the Agents Playground shows them) offer the
    // secretary's buttons to everyone; the click checks the role.
    expect(textOf(items[1])).toContain('item.decide');
    expect(textOf(overview)).toContain('meeting.close');
    expect(textOf(await t.press(items[1], 'item.decide', USERS.chiefCulture, {}, { channel: true }))).toContain('Det er kun forummets sekretær eller formand');
    expect(textOf(await t.press(items[1], 'item.decide', USERS.secretary, {}, { channel: true }))).toContain('decision.save');

    // Before the meeting: two chiefs comment, mark read and ask for discussion.
    const c1 = await t.press(items[1], 'item.comment', USERS.chiefCulture, { comment: 'Hvem bemander indgangen?' }, { channel: true });
    expect(inputsOf(c1).comment).toBe('Hvem bemander indgangen?');
    await t.press(c1, 'item.comment', USERS.chiefCulture, { comment: 'Hvem bemander indgangen om aftenen?' }, { channel: true });
    await t.press(items[1], 'item.discuss', USERS.chiefTech, {}, { channel: true });
    const read = await t.press(items[2], 'item.read', USERS.chiefTech, {}, { channel: true });
    expect(textOf(read)).toContain('Læst: 1 af 4');
    const { forumId, meetingId } = actionOf(preview, 'agenda.publish').data as { forumId: string; meetingId: string };
    const publication = (await h.store.meetings.get(forumId, meetingId))?.value.publication;
    await h.app.deps.cardUpdates!.idle(); // the overview's update follows the answers
    const tally = textOf(h.fake.activity(publication!.overviewActivityId!));
    expect(tally).toContain('Kommentarer: 1 · Ønsker drøftelse: 1 af 4');
    expect(tally).toContain('Kommentarer: 0 · Ønsker drøftelse: 0 · Læst: 1 af 4');

    // Per-user views: the secretary sees the comment and the decision button; the closed item stays closed.
    const secretaryView = await t.press(items[1], 'refresh', USERS.secretary, {}, { channel: true });
    expect(textOf(secretaryView)).toContain('Hvem bemander indgangen om aftenen?');
    expect(textOf(secretaryView)).not.toContain('Hvem bemander indgangen?"');
    expect(textOf(secretaryView)).toContain('item.decide');
    // Even a crafted refresh of the closed item in the channel gets "Lukket punkt" and nothing else.
    const crafted = await h.post(h.anInvoke('refresh', { view: 'item', forumId, meetingId, itemNumber: 4 }, { from: USERS.secretary, ...CHANNEL }));
    const closedView = textOf((crafted.body as { value: unknown }).value);
    expect(closedView).toContain('Lukket punkt');
    expect(closedView).not.toContain('item.decide');
    // Members got the closed item 1:1 instead.
    expect(textOf(t.posted(t.personalWith(USERS.chiefTech)))).toContain('Punkt 4');

    // Decisions: the typed text yields a follow-up, offered pre-filled; the secretary confirms it.
    const form = await t.press(secretaryView, 'item.decide', USERS.secretary, {}, { channel: true });
    const decisionText = 'Den fælles indgang blev godkendt. Kultur & Fritid udarbejder en bemandingsplan inden den 20. marts 2026.';
    const offered = await t.press(form, 'decision.save', USERS.secretary, { decisionText, proposal_1: 'approved', proposal_2: 'amended' }, { channel: true });
    expect(textOf(offered)).toContain('Jeg fandt 1 mulige opfølgninger');
    expect(inputsOf(offered).fu_0_text).toContain('bemandingsplan');
    const decided = await t.press(offered, 'decision.save', USERS.secretary, {}, { channel: true });
    expect(textOf(decided)).toContain(decisionText);
    const followUps = await h.store.followUps.listByForum(forumId);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ status: 'open', assignees: [USERS.chiefCulture.id], due: { due: '2026-03-20' } });
    expect(t.channelText()).toContain(decisionText); // the item card was updated in place

    const directorView = await t.press(items[2], 'refresh', USERS.director, {}, { channel: true });
    const briefingForm = await t.press(directorView, 'item.decide', USERS.director, {}, { channel: true });
    await t.press(
      briefingForm,
      'decision.save',
      USERS.director,
      { outcome: 'noted', decisionText: 'Orienteringen blev taget til efterretning.' },
      { channel: true },
    );

    // The standing item: what the chiefs pass on (one held until 16 March, one for one department).
    const messagesItem = await t.press(items[4], 'refresh', USERS.secretary, {}, { channel: true });
    const messagesForm = await t.press(messagesItem, 'item.decide', USERS.secretary, {}, { channel: true });
    const lines =
      'Borgerhenvendelser får én fælles indgang fra 1. april.\n[Miljø & Teknik] Kontaktpersoner meldes ind til Borgerservice.\nfra 2026-03-16: Ny direktør for Kultur & Fritid præsenteres.';
    const messagesSaved = await t.press(messagesForm, 'communications.save', USERS.secretary, { lines }, { channel: true });
    expect(textOf(messagesSaved)).toContain('3 beskeder gemt, 1 holdt tilbage til 16. marts 2026');

    // After the meeting: "afslut møde" → summary in the channel, cascade 1:1 to each chief.
    h.clock.set('2026-03-05T11:00:00Z');
    await closeByCommand(t, USERS.secretary);
    const summary = t.last(TEST_CHANNEL.id);
    const summaryText = textOf(summary);
    expect(summaryText).toContain(decisionText);
    expect(summaryText).toContain('Borgerhenvendelser får én fælles indgang fra 1. april.');
    expect(summaryText).toContain('bemandingsplan');
    expect(summaryText).toContain('0 af 3 har bekræftet');

    const culture = t.posted(t.personalWith(USERS.chiefCulture));
    const cultureCascade = culture[culture.length - 1];
    expect(textOf(cultureCascade)).toContain('Borgerhenvendelser får én fælles indgang fra 1. april.');
    expect(textOf(cultureCascade)).toContain('bemandingsplan');
    expect(textOf(cultureCascade)).not.toContain('Kontaktpersoner meldes ind');
    expect(textOf(cultureCascade)).not.toContain('Ny direktør');
    expect(textOf(cultureCascade)).toContain('Videregivet til afdelingen');
    const techCascade = t.last(t.personalWith(USERS.chiefTech));
    expect(textOf(techCascade)).toContain('Kontaktpersoner meldes ind til Borgerservice.');
    const held = (await h.store.jobs.listByForum(forumId)).filter((j) => j.kind === 'deliver-communications');
    expect(held).toHaveLength(3);
    expect(held.every((j) => j.dueAt === localInstant('2026-03-16', '08:00').toISOString())).toBe(true);

    // Confirmations update the summary card.
    const confirmed = await t.press(cultureCascade, 'cascade.confirm', USERS.chiefCulture, {}, { conversationId: t.personalWith(USERS.chiefCulture) });
    expect(textOf(confirmed)).toContain('Du har bekræftet');
    await t.press(techCascade, 'cascade.confirm', USERS.chiefTech, {}, { conversationId: t.personalWith(USERS.chiefTech) });
    await h.app.deps.cardUpdates!.idle(); // the summary's update follows the answers
    const summaryId = h.fake.sent().find((s) => s.kind !== 'update' && textOf(s.activity).includes('har bekræftet'))!.activityId;
    const updatedSummary = textOf(h.fake.activity(summaryId));
    expect(updatedSummary).toContain('2 af 3 har bekræftet');
    expect(updatedSummary).toContain(USERS.chiefCulture.name);
    expect(updatedSummary).toContain(`Mangler: ${USERS.chiefFinance.name}`);

    // "referat" in the channel: the minutes as Markdown, with the decisions; the Word file is asked for 1:1.
    const before = h.fake.sent().length;
    await t.say('referat', USERS.secretary, CHANNEL);
    const minutes = h.fake
      .sent()
      .slice(before)
      .map((s) => s.activity);
    expect(textOf(minutes)).not.toContain('base64');
    expect(textOf(minutes)).not.toContain('application/vnd.microsoft.teams.card.file.consent');
    expect(minutes.at(-1)?.text).toContain('Skriv "referat" til mig i en 1:1-chat');
    const markdown = minutes.map((m) => String(m.text ?? '')).join('\n');
    expect(markdown).toContain('# REFERAT Ledelsesforum d. 05-03-2026');
    expect(markdown).toContain(decisionText);
    expect(markdown).toContain('Orienteringen blev taget til efterretning.');
    expect(markdown).toContain('Borgerhenvendelser får én fælles indgang fra 1. april.');
  });
});

describe('the chat commands and buttons around a meeting', () => {
  const { h, t } = teamsEachTest(MONDAY_BEFORE);

  it('schedules, shows, publishes by command, refuses a stale decision with the typed text, lists tasks and closes on the meeting-end event', async () => {
    await setUpForum(t);
    const discardMe = await sendAgendaFile(t, 'forkert.md', readFileSync(FIXTURE, 'utf8'));
    const discarded = await h.post(h.anInvoke('agenda.discard', actionOf(discardMe, 'agenda.discard').data as Json, { from: USERS.secretary }));
    expect(textOf(discarded.body)).toContain('Dagsordenen er kasseret');

    const preview = await sendAgendaFile(t, 'dagsorden.md', readFileSync(FIXTURE, 'utf8'));
    const scheduled = await t.press(preview, 'agenda.schedule', USERS.secretary, { publishDate: '2026-03-03', publishTime: '08:00' });
    expect(textOf(scheduled)).toContain('Planlagt til udsendelse tirsdag d. 3. marts 2026 kl. 08:00');
    await t.say('dagsorden', USERS.chiefTech, CHANNEL);
    expect(h.fake.texts(TEST_CHANNEL.id).at(-1)).toContain('Der er ingen kommende møder');
    await t.say('dagsorden', USERS.secretary);
    expect(textOf(t.last(secretaryChat))).toContain('Planlagt til udsendelse');

    await t.say('publicér', USERS.secretary);
    expect(h.fake.texts(secretaryChat).at(-1)).toContain('Publicerer dagsordenen');
    await t.until(
      h.fake
        .sent()
        .filter((s) => s.conversationId === secretaryChat && s.kind !== 'update')
        .at(-1)!.activityId,
      'oversigt og 6 punkter',
    );
    const items = t.posted(TEST_CHANNEL.id).slice(-6);
    await t.say('dagsorden', USERS.chiefTech, CHANNEL);
    expect(textOf(t.last(TEST_CHANNEL.id))).toContain('Ny model for borgerhenvendelser');

    // Two people record the same decision: the second gets a conflict card with what they typed.
    const view = (who: TestUser) => t.press(items[1], 'refresh', who, {}, { channel: true });
    const secretaryForm = await t.press(await view(USERS.secretary), 'item.decide', USERS.secretary, {}, { channel: true });
    const directorForm = await t.press(await view(USERS.director), 'item.decide', USERS.director, {}, { channel: true });
    const decisionText = 'Godkendt. Miljø & Teknik udarbejder et notat inden den 27. marts 2026. Sagen sendes tilbage til behandling i Ledelsesforum i juni.';
    const offered = await t.press(directorForm, 'decision.save', USERS.director, { decisionText }, { channel: true });
    await t.press(offered, 'decision.save', USERS.director, {}, { channel: true });
    const mine = 'Min egen formulering af beslutningen, som ikke må gå tabt.';
    const conflict = await t.press(secretaryForm, 'decision.save', USERS.secretary, { decisionText: mine }, { channel: true });
    expect(textOf(conflict)).toContain('En anden har ændret det samme');
    expect(textOf(conflict)).toContain(mine);

    await t.say('mine opgaver', USERS.chiefTech);
    const tasks = textOf(t.last(`a:personal-${USERS.chiefTech.id.replace(/^29:/, '')}`));
    expect(tasks).toContain('Mine opgaver');
    expect(tasks).toContain('notat');
    expect(tasks).toContain('followup.done');
    await t.say('frister', USERS.chiefCulture, CHANNEL);
    expect(textOf(t.last(TEST_CHANNEL.id))).toContain('27. marts 2026');
    await t.say('tilbage', USERS.secretary, CHANNEL);
    expect(textOf(t.last(TEST_CHANNEL.id))).toContain('tilbage til behandling i Ledelsesforum i juni');

    // Teams' meeting-end event in the channel closes the day's meeting: the summary goes out once.
    const end = h.aMeetingEvent('end', { id: 'meeting-abc', time: '2026-03-05T11:30:00Z' }, { conversation: 'channel' });
    await h.post(end);
    await h.post(end);
    const forum = (await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value;
    const [meeting] = await h.store.meetings.listByForum(forum.id);
    await jobDone(h, closeJobId(meeting.id));
    const summaries = () => h.fake.sent().filter((s) => s.kind !== 'update' && textOf(s.activity).includes('har bekræftet'));
    expect(summaries()).toHaveLength(1);
    expect(textOf(summaries()[0].activity)).toContain('Miljø & Teknik udarbejder et notat');
  });
});

describe('an agenda without a header', () => {
  const { h, t } = teamsEachTest(MONDAY_BEFORE);

  it('is imported with its items; the preview asks for the date, and publishing is offered once it is given', async () => {
    await setUpForum(t);
    const text = readFileSync(FIXTURE, 'utf8');
    const preview = await sendAgendaFile(t, 'uden-hoved.md', text.slice(text.search(/^#* *Punkt 1/m)));
    expect(textOf(preview)).toContain('Dato mangler');
    expect(textOf(preview)).toContain('Jeg fandt ingen mødedato');
    expect(JSON.stringify(preview)).not.toContain('"agenda.publish"');
    const refused = await h.post(
      h.anInvoke(
        'agenda.publish',
        {
          forumId: (actionOf(preview, 'agenda.details').data as Json).forumId,
          meetingId: (actionOf(preview, 'agenda.details').data as Json).meetingId,
        } as Json,
        { from: USERS.secretary },
      ),
    );
    expect(textOf(refused.body)).toContain('ingen mødedato endnu');
    const dated = await t.press(preview, 'agenda.details', USERS.secretary, {
      meetingForum: 'Ledelsesforum',
      meetingDate: '2026-03-05',
      meetingTime: '09:00',
      meetingPlace: 'Byrådssalen',
    });
    expect(textOf(dated)).toContain('torsdag d. 5. marts 2026 kl. 09:00');
    expect(JSON.stringify(dated)).toContain('"agenda.publish"');
    await publish(t, dated);
  });
});

describe('work that takes longer than Teams waits for a click', () => {
  const { h, t } = teamsEachTest(MONDAY_BEFORE, setUpForum);
  const toChannel = (r: { kind: string; conversationId: string | null }) => r.kind === 'send' && r.conversationId === TEST_CHANNEL.id;

  it('answers “Udsend nu” before the cards are out, and every card reaches the channel exactly once', async () => {
    const preview = await sendAgendaFile(t, 'dagsorden.md', readFileSync(FIXTURE, 'utf8'));
    const previewId = t.lastId(secretaryChat);
    h.fake.delayNext(3, 700, toChannel);
    const answer = await t.press(preview, 'agenda.publish', USERS.secretary, {}, { replyToId: previewId });
    expect(textOf(answer)).toContain('Publicerer dagsordenen');
    expect(t.posted(TEST_CHANNEL.id).length).toBeLessThan(7); // the overview and six items are not all out yet
    await t.until(previewId, 'Dagsordenen er offentliggjort');
    const cards = t.posted(TEST_CHANNEL.id).map(textOf);
    expect(cards).toHaveLength(7);
    const itemCards = cards.filter((c) => !c.includes('"Dagsorden: '));
    for (const n of [1, 2, 3, 4, 5, 6]) expect(itemCards.filter((c) => c.includes(`"Punkt ${n}: `))).toHaveLength(1);
    expect(textOf(h.fake.activity(previewId))).not.toContain('agenda.publish');
  });

  it('answers “Afslut møde” before the summary is out, then posts it and each chief’s card exactly once', async () => {
    const { overview } = await publish(t, await sendAgendaFile(t, 'dagsorden.md', readFileSync(FIXTURE, 'utf8')));
    const forum = (await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value;
    const [meeting] = await h.store.meetings.listByForum(forum.id);
    const overviewId = (await h.store.meetings.get(forum.id, meeting.id))!.value.publication!.overviewActivityId!;
    const secretaryView = await t.press(overview, 'refresh', USERS.secretary, {}, { channel: true });
    h.clock.set('2026-03-05T11:00:00Z');
    h.fake.delayNext(1, 700, toChannel);
    const answer = await t.press(secretaryView, 'meeting.close', USERS.secretary, {}, { channel: true, replyToId: overviewId });
    expect(textOf(answer)).toContain('Opsummeringen lægges i kanalen');
    const summaries = () => h.fake.sent().filter((s) => s.kind !== 'update' && textOf(s.activity).includes('har bekræftet'));
    expect(summaries()).toHaveLength(0);
    await t.until(overviewId, 'Opsummeringen er lagt i kanalen, og 3 chefer');
    expect(summaries()).toHaveLength(1);
    for (const chief of [USERS.chiefCulture, USERS.chiefTech, USERS.chiefFinance]) {
      expect(t.posted(t.personalWith(chief)).filter((c) => textOf(c).includes('Videregivet til afdelingen'))).toHaveLength(1);
    }
  });

  it('sends the minutes’ Word file in 1:1 chat through Teams’ file consent, uploading it when allowed', async () => {
    await publish(t, await sendAgendaFile(t, 'dagsorden.md', readFileSync(FIXTURE, 'utf8')));
    await t.say('referat', USERS.secretary);
    const consent = (h.fake.sent().at(-1)!.activity.attachments as { contentType: string; name: string; content: Json }[])[0];
    expect(consent.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(consent.name).toBe('Referat-Ledelsesforum-2026-03-05.docx');
    const { sizeInBytes, acceptContext, declineContext } = consent.content as { sizeInBytes: number; acceptContext: Json; declineContext: Json };
    expect(sizeInBytes).toBeGreaterThan(1000);
    expect(textOf(h.fake.sent())).not.toContain('base64');

    const uploadUrl = h.fake.uploadUrl(consent.name);
    const uploadInfo = {
      name: consent.name,
      uploadUrl,
      contentUrl: 'https://testrup-my.sharepoint.example/personal/sune/Documents/Referat.docx',
      uniqueId: 'drive-1',
      fileType: 'docx',
    };
    const accept = {
      ...h.anInvoke('none', {}, { from: USERS.secretary }),
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'accept', context: acceptContext, uploadInfo },
    };
    expect((await h.post(accept)).status).toBe(200);
    const [put] = h.fake.uploads();
    expect(put.method).toBe('PUT');
    expect(put.headers['content-range']).toBe(`bytes 0-${put.bytes.length - 1}/${put.bytes.length}`);
    expect(put.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Math.abs(put.bytes.length - sizeInBytes)).toBeLessThan(200); // made again from the meeting
    const info = (h.fake.sent().at(-1)!.activity.attachments as { contentType: string; contentUrl: string; name: string; content: Json }[])[0];
    expect(info).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      contentUrl: uploadInfo.contentUrl,
      name: consent.name,
      content: { uniqueId: 'drive-1', fileType: 'docx' },
    });

    const decline = {
      ...h.anInvoke('none', {}, { from: USERS.secretary }),
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'decline', context: declineContext },
    };
    expect((await h.post(decline)).status).toBe(200);
    expect(h.fake.texts(secretaryChat).at(-1)).toContain('jeg lægger ikke Word-filen i din OneDrive');
    const noLink = { ...accept, value: { ...accept.value, uploadInfo: undefined } };
    expect((await h.post(noLink)).status).toBe(200);
    expect(textOf(h.fake.sent().at(-1))).toContain('AdaptiveCard');
    expect(h.fake.uploads()).toHaveLength(1);
  });
});

const withSeed = describeIf(!!seed001, `no 001_*.txt in ${SEEDS} (the forum's real minutes are not beside this checkout)`);

withSeed('the forum’s real minutes (seed 001) as the agenda, end to end over HTTP', () => {
  // Monday 21 June 2021, three days before the meeting of Thursday 24 June 2021.
  const { h, t } = teamsEachTest('2021-06-21T07:00:00Z');

  it('publishes, decides with confirmed suggestions, closes, cascades and writes the minutes', async () => {
    await setUpForum(t);
    const preview = await sendAgendaFile(t, seed001!, readFileSync(path.join(SEEDS, seed001!), 'utf8'));
    expect(textOf(preview)).toContain('torsdag d. 24. juni 2021 kl. 09:00');
    expect(textOf(preview)).toContain('Punkter (12)');

    const { overview, items } = await publish(t, preview);
    expect(items).toHaveLength(12);
    expect(textOf(overview)).toContain('Ny hjemmeside – ansvar og løft i fremtiden');
    expect(textOf(items[5])).toContain('Lukket punkt');
    expect(textOf(items[5])).not.toContain('item.comment');

    await t.press(items[1], 'item.comment', USERS.chiefCulture, { comment: 'Kultur & Fritid stiller med en webredaktør.' }, { channel: true });
    await t.press(items[6], 'item.discuss', USERS.chiefTech, {}, { channel: true });

    // Item 2: the minutes' own decision text is offered with its follow-ups; two are kept, two dropped.
    const view2 = await t.press(items[1], 'refresh', USERS.secretary, {}, { channel: true });
    expect(textOf(view2)).toContain('Kultur & Fritid stiller med en webredaktør.');
    const form2 = await t.press(view2, 'item.decide', USERS.secretary, {}, { channel: true });
    const rows = inputsOf(form2);
    expect(String(rows.decisionText)).toContain('Udviklingskonsulent Pernille Frandsen præsenterede');
    const keep = (i: number) => String(rows[`fu_${i}_text`]).startsWith('Cheferne') || String(rows[`fu_${i}_text`]).includes('efter sommeren');
    const choices: Json = {};
    for (let i = 0; rows[`fu_${i}_text`] !== undefined; i++) choices[`fu_${i}_keep`] = keep(i) ? 'true' : 'false';
    await t.press(form2, 'decision.save', USERS.secretary, choices, { channel: true });

    // Item 7: everything suggested is confirmed as offered.
    const view7 = await t.press(items[6], 'refresh', USERS.secretary, {}, { channel: true });
    await t.press(await t.press(view7, 'item.decide', USERS.secretary, {}, { channel: true }), 'decision.save', USERS.secretary, {}, { channel: true });

    const forumId = (await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value.id;
    const followUps = await h.store.followUps.listByForum(forumId);
    const chiefs = [USERS.chiefCulture.id, USERS.chiefTech.id, USERS.chiefFinance.id].sort();
    expect(followUps.find((f) => f.text.startsWith('Cheferne'))?.assignees.sort()).toEqual(chiefs);
    expect(
      followUps
        .filter((f) => f.kind === 'return-to-forum')
        .map((f) => f.itemNumber)
        .sort(),
    ).toEqual([2, 7]);
    expect(followUps.some((f) => f.text.startsWith('Pernille Frandsen'))).toBe(false);

    h.clock.set('2021-06-24T12:00:00Z');
    await closeByCommand(t, USERS.director);
    const summary = textOf(t.last(TEST_CHANNEL.id));
    expect(summary).toContain('Udviklingskonsulent Pernille Frandsen præsenterede');
    expect(summary).toContain('0 af 3 har bekræftet');
    expect(t.channelText()).not.toMatch(/Punkt 6: (?!Lukket punkt)/);

    for (const chief of [USERS.chiefCulture, USERS.chiefTech, USERS.chiefFinance]) {
      const cascade = t.last(t.personalWith(chief));
      expect(textOf(cascade)).toContain('Videregivet til afdelingen');
      expect(textOf(cascade)).toContain('Cheferne');
    }
    await t.press(
      t.last(t.personalWith(USERS.chiefFinance)),
      'cascade.confirm',
      USERS.chiefFinance,
      {},
      { conversationId: t.personalWith(USERS.chiefFinance) },
    );
    await h.app.deps.cardUpdates!.idle(); // the summary's update follows the answer
    const summaryId = h.fake.sent().find((s) => s.kind !== 'update' && textOf(s.activity).includes('har bekræftet'))!.activityId;
    expect(textOf(h.fake.activity(summaryId))).toContain('1 af 3 har bekræftet');

    const before = h.fake.sent().length;
    await t.say('referat', USERS.chiefCulture, CHANNEL);
    const markdown = h.fake
      .sent()
      .slice(before)
      .map((s) => String(s.activity.text ?? ''))
      .join('\n');
    expect(markdown).toContain('# REFERAT Chefforum d. 24-06-2021');
    expect(markdown).toContain('Punkt 6: Lukket');
    expect(markdown).toContain('Chefforum aftaler at forpligtige sig');
  });
});
