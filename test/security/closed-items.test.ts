/**
 * A closed item's content (title, sections, proposals, its decision, its follow-ups, chiefs'
 * comments on it) carries a unique marker through a whole meeting over HTTP: publish, comments,
 * per-user refreshes, the decision with a follow-up, a conflict, invalid input, messages, "afslut
 * møde", the cascade, "referat" (Markdown in the channel; the .docx uploaded after file consent in 1:1), the list commands asked in the channel,
 * the reminder sweep, and finally storage failing in the middle of saving it. The marker must never
 * appear in anything posted to the channel, in any answer shown in the channel, in any log line
 * (captured pino output at trace level) or in any error text. It does reach the members 1:1, which
 * proves it was there to leak.
 */
import { randomBytes } from 'node:crypto';
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import { sweepOnce } from '../../src/scheduler/sweep';
import { readZip } from '../appPackage/read-zip';
import { TEST_CHANNEL, type TestUser, USERS } from '../support/activities';
import { type Harness, type HttpAnswer, startHarness } from '../support/harness';
import {
  aDraftMeeting,
  botChatWith,
  CHANNEL,
  cardOf,
  closeMeeting,
  decisionForm,
  decisionInputs,
  inputsOf,
  press,
  publish,
  textOf,
} from '../resilience/support';

const SECRET = `HEMMELIG${randomBytes(6).toString('hex').toUpperCase()}`;
const COMMENT_SECRET = `${SECRET}KOMMENTAR`;

describe('a closed item’s content never reaches the channel, a log line or an error', () => {
  let h: Harness;
  let forum: Forum;
  /** Answers to actions taken in the channel (Teams shows them in the channel), minus what the user typed. */
  const channelAnswers: string[] = [];
  const errorTexts: string[] = [];
  /** The minutes' Word file as uploaded to the secretary's OneDrive after "referat" in 1:1 chat. */
  let minutesDocx: Buffer | undefined;

  beforeAll(async () => {
    h = await startHarness({ logLevel: 'trace' });
    forum = await h.seedForum();
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1', { secret: SECRET }));
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** An answer without what the user typed (an error card hands that back to them, and only to them). */
  function untyped(res: HttpAnswer, typed: Record<string, unknown>): string {
    let text = textOf(res.body);
    for (const v of Object.values(typed)) if (typeof v === 'string' && v) text = text.split(JSON.stringify(v).slice(1, -1)).join('');
    if (text.includes(t('da', 'card.error.title'))) errorTexts.push(text);
    return text;
  }

  /** Records an answer given in the channel (Teams shows it there). */
  function inChannel(res: HttpAnswer, typed: Record<string, unknown> = {}): HttpAnswer {
    channelAnswers.push(untyped(res, typed));
    return res;
  }

  /** "referat" in the user's 1:1 chat, "Tillad" on the file consent card: the Word file's bytes as uploaded. */
  async function minutesWordFile(from: TestUser): Promise<Buffer> {
    expect((await h.post(h.aMessage('referat', { from }))).status).toBe(200);
    const attachments = h.fake
      .sent()
      .flatMap((s) => (s.activity.attachments ?? []) as { contentType: string; name: string; content: { acceptContext: unknown } }[]);
    const consent = attachments.filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent').at(-1);
    if (!consent) throw new Error('no file consent card after "referat" in 1:1 chat');
    const uploadInfo = {
      name: consent.name,
      uploadUrl: h.fake.uploadUrl(consent.name),
      contentUrl: 'https://fjordby-my.sharepoint.example/Referat.docx',
      uniqueId: 'drive-1',
      fileType: 'docx',
    };
    const value = { type: 'fileUpload', action: 'accept', context: consent.content.acceptContext, uploadInfo };
    expect((await h.post({ ...h.anInvoke('none', {}, { from }), name: 'fileConsent/invoke', value })).status).toBe(200);
    const upload = h.fake.uploads().at(-1);
    if (!upload) throw new Error('the Word file was not uploaded');
    return upload.bytes;
  }

  async function say(text: string, from: TestUser): Promise<void> {
    expect((await h.post(h.aMessage(text, { from, ...CHANNEL }))).status).toBe(200);
  }

  test('the meeting runs from publication to reminders with the closed item decided', async () => {
    expect((await publish(h, forum, 'm-1')).status).toBe(200);

    // Chiefs get the closed item 1:1 and comment there; in the channel they only refresh.
    const chiefChat = (await botChatWith(h, USERS.chiefCulture))!;
    const chiefCopy = h.fake.sent().find((s) => s.conversationId === chiefChat && textOf(s.activity).includes(SECRET));
    expect(chiefCopy).toBeDefined();
    const copyCard = (chiefCopy!.activity.attachments as { content: Record<string, unknown> }[])[0].content;
    cardOf(await press(h, copyCard, 'item.comment', USERS.chiefCulture, { comment: COMMENT_SECRET }, { conversationId: chiefChat }));
    expect(textOf(await h.store.responses.listByMeeting('m-1'))).toContain(COMMENT_SECRET);
    for (const who of [USERS.chiefCulture, USERS.secretary, USERS.director]) {
      inChannel(await h.post(h.anInvoke('refresh', { view: 'item', forumId: forum.id, meetingId: 'm-1', itemNumber: 3 }, { from: who, ...CHANNEL })));
      inChannel(await h.post(h.anInvoke('refresh', { view: 'overview', forumId: forum.id, meetingId: 'm-1' }, { from: who, ...CHANNEL })));
    }
    inChannel(
      await h.post(h.anInvoke('item.read', { forumId: forum.id, meetingId: 'm-1', itemNumber: 3, read: 'true' }, { from: USERS.chiefTech, ...CHANNEL })),
    );
    inChannel(await h.post(h.anInvoke('item.decide', { forumId: forum.id, meetingId: 'm-1', itemNumber: 3 }, { from: USERS.secretary, ...CHANNEL })));

    // The decision on the closed item, in the secretary's 1:1 chat, with a follow-up.
    const secretaryChat = { conversationId: (await botChatWith(h, USERS.secretary))! };
    const form = await decisionForm(h, forum, 'm-1', 3, USERS.secretary, secretaryChat);
    const typed = decisionInputs(form, `Indstillingen om ${SECRET} blev godkendt.`, {
      text: `Kultur & Fritid afslutter ${SECRET}`,
      owner: USERS.chiefCulture,
      due: '2026-03-20',
    });
    cardOf(await press(h, form, 'decision.save', USERS.secretary, typed, secretaryChat));
    expect((await h.store.decisions.get('m-1', 3))?.value.text).toContain(SECRET);

    // A stale form (conflict) and invalid input: error cards.
    const stale = { ...typed, decisionText: `Ændret: ${SECRET} blev afvist.` };
    untyped(await press(h, form, 'decision.save', USERS.director, stale, secretaryChat), stale);
    const invalid = { ...typed, outcome: 'other', outcomeText: '', decisionText: `Uklart om ${SECRET}.` };
    untyped(await press(h, form, 'decision.save', USERS.secretary, invalid, secretaryChat), invalid);
    expect(errorTexts.length).toBeGreaterThanOrEqual(2);
    // Pressing the channel's refresh again after the decision.
    inChannel(await h.post(h.anInvoke('refresh', { view: 'item', forumId: forum.id, meetingId: 'm-1', itemNumber: 3 }, { from: USERS.secretary, ...CHANNEL })));

    // The open items and the messages.
    const form1 = await decisionForm(h, forum, 'm-1', 1);
    cardOf(await press(h, form1, 'decision.save', USERS.secretary, { decisionText: 'Modellen blev godkendt.' }, { channel: true }));
    const messages = cardOf(
      await h.post(h.anInvoke('item.decide', { forumId: forum.id, meetingId: 'm-1', itemNumber: 4 }, { from: USERS.secretary, ...CHANNEL })),
    );
    cardOf(await press(h, messages, 'communications.save', USERS.secretary, { lines: 'Borgerservice får én indgang.' }, { channel: true }));

    // After the meeting: summary, cascade, the minutes, and every list command asked in the channel.
    h.clock.set('2026-03-05T11:00:00Z');
    await closeMeeting(h, forum);
    const cascade = h.fake
      .sent()
      .filter((s) => s.conversationId === chiefChat)
      .map((s) => textOf(s.activity))
      .join('\n');
    expect(cascade).toContain(SECRET); // the chief's own follow-up, 1:1
    await say('referat', USERS.chiefTech);
    minutesDocx = await minutesWordFile(USERS.secretary);
    for (const command of ['frister', 'dagsorden', 'tilbage', 'mine opgaver', 'hjælp']) await say(command, USERS.chiefCulture);
    await say('mine opgaver', USERS.secretary);

    // Reminders: the follow-up is due; the reminder goes 1:1.
    h.clock.set('2026-03-20T07:30:00Z');
    await sweepOnce(h.app.deps, { owner: 'test', now: new Date('2026-03-20T09:00:00Z') });
    const reminders = h.fake.sent().filter((s) => s.conversationId !== TEST_CHANNEL.id && textOf(s.activity).includes(`afslutter ${SECRET}`));
    expect(reminders.length).toBeGreaterThan(0);
  });

  test('nothing posted to or updated in the channel carries it', () => {
    const channel = h.fake.sent().filter((s) => s.conversationId.split(';')[0] === TEST_CHANNEL.id);
    expect(channel.length).toBeGreaterThan(8);
    for (const s of channel) expect(textOf(s.activity)).not.toContain(SECRET);
    expect(channel.some((s) => textOf(s.activity).includes('Lukket'))).toBe(true);
    // In the channel "referat" answers with the Markdown and a pointer to 1:1 chat, never a file.
    expect(channel.some((s) => textOf(s.activity).includes(JSON.stringify(t('da', 'meeting.minutes.in-channel')).slice(1, -1)))).toBe(true);
  });

  test('the minutes’ Word file (uploaded after file consent in 1:1 chat) shows the item as "Lukket" only', () => {
    const files = readZip(minutesDocx ?? Buffer.alloc(0));
    const document = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(document).toContain('Lukket');
    expect(document).toContain('Modellen blev godkendt.'); // an open item's decision: the real minutes
    for (const [name, body] of files) expect([name, body.toString('utf8').includes(SECRET)]).toEqual([name, false]);
  });

  test('no answer shown in the channel carries it, beyond what the user typed themselves', () => {
    expect(channelAnswers.length).toBeGreaterThan(8);
    for (const a of channelAnswers) expect(a).not.toContain(SECRET);
  });

  test('error cards name the problem without the content', () => {
    expect(errorTexts.length).toBeGreaterThanOrEqual(2); // the conflict and the invalid input
    for (const e of errorTexts) expect(e).not.toContain(SECRET);
  });

  test('no log line carries it, even at trace level', () => {
    const logs = h.logText();
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).not.toContain(SECRET);
    expect(h.logs().some((l) => l.level === 10 || l.level === 20 || l.msg === 'decision recorded')).toBe(true);
  });

  test('storage failing while the closed item’s decision is saved logs and answers without it', async () => {
    const secretaryChat = { conversationId: (await botChatWith(h, USERS.secretary))! };
    const form = await decisionForm(h, forum, 'm-1', 3, USERS.secretary, secretaryChat);
    const typed = { ...inputsOf(form), decisionText: `Sidste ændring: ${SECRET} er lukket.` };
    const before = h.logText().length;
    await h.stopStorage();
    const res = await press(h, form, 'decision.save', USERS.secretary, typed, secretaryChat);
    expect(textOf(res.body)).toContain(JSON.stringify(t('da', 'error.storage-unavailable')).slice(1, -1));
    expect(untyped(res, typed)).not.toContain(SECRET);
    const newLogs = h.logText().slice(before);
    expect(newLogs).toMatch(/storage/i);
    expect(newLogs).not.toContain(SECRET);
  });
});
