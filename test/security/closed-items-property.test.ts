/**
 * Closed means closed, whatever the heading looks like and whatever a card's data says.
 *
 * 1. Heading variants, generated (the marker in any case, position and punctuation, a marker line
 *    under the heading, an unsure mention, a "Lukket dagsorden" part): the secretary pastes the agenda
 *    and publishes it; the closed item's title and body never reach the channel, and the preview says
 *    why when the parser was unsure.
 * 2. Crafted actions: every verb of the verb table, as an Action.Execute invoke and as an
 *    Action.Submit message, in the channel and in a group chat, from the secretary, the chair and the
 *    chiefs (the closed item's follow-up owner among them), with data aimed at the closed item, its
 *    follow-up, the cascade and the reminder job. The answer is decided by the conversation, never
 *    by the card's data.
 *
 * A unique secret word sits in the closed item's title, sections, proposals and follow-up. It must
 * never appear in a channel or group-chat post (or update) recorded by the fake connector, in an invoke
 * answer given there, in a log line (pino at trace level) or in the audit table; it does reach the
 * follow-up's owner 1:1, which proves it was there to leak.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { verbs } from '../../src/bot/verbs';
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import { warningKey } from '../../src/minutes/warnings';
import { TEST_CHANNEL, TEST_GROUP_CHAT, type TestUser, USERS } from '../support/activities';
import type { HttpAnswer } from '../support/harness';
import { useHarness } from '../support/use-harness';
import { aDraftMeeting, botChatWith, closeMeeting, decisionForm, decisionInputs, press, publish, settle, textOf } from '../resilience/support';

const SECRET = `HEMMELIG${randomBytes(6).toString('hex').toUpperCase()}`;
const SHARED = new Set([TEST_CHANNEL.id, TEST_GROUP_CHAT]);

type Shared = 'channel' | 'groupChat';

const h = useHarness({ logLevel: 'trace', seedForum: true });
let forum: Forum;
/** Invoke answers given in the channel or a group chat. */
const sharedAnswers: string[] = [];

beforeAll(async () => {
  forum = (await h.store.forums.findByConversation(TEST_CHANNEL.id))!.value;
});

/** Everything shown in the channel or a group chat so far: posts, replies, updates, invoke answers. */
function shownInShared(): string {
  const posts = h.fake
    .sent()
    .filter((s) => SHARED.has(s.conversationId.split(';')[0]))
    .map((s) => textOf(s.activity));
  return [...posts, ...sharedAnswers].join('\n');
}

/** Where the secret shows up, with a little context (null: nowhere). */
function leak(where: string, text: string): string | null {
  const at = text.indexOf(SECRET);
  return at < 0 ? null : `${where}: …${text.slice(Math.max(0, at - 300), at + 40)}…`;
}

async function expectNoLeak(): Promise<void> {
  const found = [
    leak('channel or group chat', shownInShared()),
    leak('log', h.logText()),
    leak('audit', textOf(await h.store.audit.listByForum(forum.id))),
  ].filter(Boolean);
  expect(found).toEqual([]);
}

/** A closed item heading as a secretary might write it, and the warning the preview then shows (if any). */
interface Variant {
  /** Lines replacing item 3's heading (a part heading may come before it). */
  lines: string[];
  warning: string | null;
}

const casedWord = fc
  .constantFrom('lukket', 'lukket punkt')
  .chain((w) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }).map((up) => [...w].map((c, i) => (up[i] ? c.toUpperCase() : c)).join('')));
const start = fc.constantFrom('Punkt 3: ', 'Punkt 3. ', 'Pkt. 3: ', 'PUNKT 3 - ', '## Punkt 3: ', '**Punkt 3: ');
const sep = fc.constantFrom(':', ' -', ' –', '.', ';');
const title = `Personalesag ${SECRET}`;

const variant: fc.Arbitrary<Variant> = fc.oneof(
  fc
    .record({ start, w: casedWord, s: sep, shape: fc.constantFrom('before', 'after', 'paren-before', 'paren-after', 'bracket-after') })
    .map(({ start: st, w, s, shape }) => {
      const rest = {
        before: `${w}${s} ${title}`,
        after: `${title}${s} ${w}`,
        'paren-before': `(${w}) ${title}`,
        'paren-after': `${title} (${w})`,
        'bracket-after': `${title} [${w}]`,
      }[shape];
      return { lines: [`${st}${rest}${st.startsWith('**') ? '**' : ''}`], warning: null };
    }),
  fc.constantFrom<Variant>(
    { lines: [`Punkt 3 (Lukket): ${title}`], warning: null },
    { lines: [`Punkt 3: ${title}`, 'Lukket punkt'], warning: 'closed-near-heading' },
    { lines: [`Punkt 3: ${title}`, 'FORTROLIGT'], warning: 'closed-near-heading' },
    { lines: [`Punkt 3: Sagen om ${SECRET} er fortrolig`], warning: 'closed-uncertain-heading' },
    { lines: ['Lukket dagsorden', '', `Punkt 3: ${title}`], warning: 'closed-by-section' },
    { lines: ['LUKKEDE PUNKTER', '', `Punkt 3: ${title}`], warning: 'closed-by-section' },
    { lines: ['Lukket dagsorden', `Sagen om ${SECRET} uden punktoverskrift`, '', `Punkt 3: ${title}`], warning: 'closed-by-section' },
  ),
);

function agendaText(v: Variant): string {
  const reopen = v.warning === 'closed-by-section' ? ['Åben dagsorden', ''] : [];
  return [
    'DAGSORDEN Ledelsesforum d. 05-03-2026',
    'Mødedato Torsdag d. 5. marts 2026 kl. 09:00',
    'Mødested Byrådssalen',
    '',
    'Punkt 1: LF - Godkendelse af dagsorden',
    '00.01.00-A00-1-26',
    'Anledning',
    'Godkendelse af dagsorden.',
    '',
    'Punkt 2: LF - Lukning af Vestskolen',
    '00.17.00-A00-2-26',
    'Sagsfremstilling',
    'Skolen lukkes efter sommerferien.',
    '',
    ...v.lines,
    '00.30.00-P05-3-26',
    'Sagsfremstilling',
    `Sagen drejer sig om ${SECRET} og en fratrædelse.`,
    'Indstilling',
    `1. at ${SECRET} godkendes`,
    '',
    ...reopen,
    'Punkt 4: LF - Evt.',
    '00.00.00-A00-4-26',
  ].join('\n');
}

describe('every way of marking an item closed keeps it out of the channel', () => {
  test('generated headings: pasted, previewed and published, the closed item shows only as "Lukket punkt"', async () => {
    await fc.assert(
      fc.asyncProperty(variant, async (v) => {
        h.fake.reset();
        const before = new Set((await h.store.meetings.listByForum(forum.id)).map((m) => m.id));
        expect((await h.post(h.aMessage(agendaText(v), { from: USERS.secretary }))).status).toBe(200);
        const preview = h.fake
          .sent()
          .map((s) => textOf(s.activity))
          .join('\n');
        if (v.warning) expect(preview).toContain(JSON.stringify(t('da', warningKey(v.warning))).slice(1, -1));
        const meeting = (await h.store.meetings.listByForum(forum.id)).find((m) => !before.has(m.id));
        expect(meeting).toBeDefined();
        const stored = (await h.store.meetings.get(forum.id, meeting!.id))!.value;
        expect(stored.items.map((i) => i.closed)).toEqual([false, false, true, false]);
        expect((await publish(h, forum, meeting!.id)).status).toBe(200);
        const channel = h.fake.sent().filter((s) => s.conversationId.split(';')[0] === TEST_CHANNEL.id);
        expect(channel.length).toBeGreaterThanOrEqual(5);
        expect(textOf(channel)).toContain('Lukning af Vestskolen'); // "lukning" is a title, not a marker
        await expectNoLeak();
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});

describe('a crafted action in a channel or group chat never shows a closed item’s content', () => {
  let followUpId: string;
  let jobId: string;

  beforeAll(async () => {
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1', { secret: SECRET }));
    expect((await publish(h, forum, 'm-1')).status).toBe(200);
    const secretaryChat = { conversationId: (await botChatWith(h, USERS.secretary))! };
    const form = await decisionForm(h, forum, 'm-1', 3, USERS.secretary, secretaryChat);
    const typed = decisionInputs(form, `Godkendt: ${SECRET}.`, { text: `Kultur & Fritid afslutter ${SECRET}`, owner: USERS.chiefCulture, due: '2026-03-20' });
    expect((await press(h, form, 'decision.save', USERS.secretary, typed, secretaryChat)).status).toBe(200);
    const followUp = (await h.store.followUps.listByMeeting(forum.id, 'm-1')).find((f) => f.itemNumber === 3);
    expect(followUp?.text).toContain(SECRET);
    followUpId = followUp!.id;
    h.clock.set('2026-03-05T11:00:00Z');
    await closeMeeting(h, forum);
    const chiefChat = (await botChatWith(h, USERS.chiefCulture))!;
    // Positive control: the owner has it 1:1 (the cascade card).
    expect(h.fake.sent().some((s) => s.conversationId === chiefChat && textOf(s.activity).includes(SECRET))).toBe(true);
    const jobs = await h.store.jobs.listByForum(forum.id);
    jobId = jobs.find((j) => j.payload.userId === USERS.chiefCulture.id)?.id ?? 'no-such-job';
    h.fake.reset();
  });

  /** The data a forger would put on the card: everything any verb reads, aimed at the closed item. */
  function craftedData(view: string, status: string): Record<string, unknown> {
    return {
      forumId: forum.id,
      meetingId: 'm-1',
      itemNumber: 3,
      followUpId,
      jobId,
      view,
      status,
      days: 1,
      newDate: '2026-04-01',
      newDate_0: '2026-04-01',
      inputSuffix: '_0',
      reason: 'Travlt',
      read: 'true',
      wantsDiscussion: 'true',
      comment: 'Enig',
      version: '',
      outcome: 'noted',
      decisionText: 'Taget til efterretning.',
      lines: 'Alle får besked.',
      publishDate: '2026-03-10',
      publishTime: '08:00',
    };
  }

  /** Puts the follow-up back as it was (open), so every run has the content there to leak. */
  async function reopenFollowUp(): Promise<void> {
    const now = await h.store.followUps.get(forum.id, followUpId);
    if (now && now.value.status !== 'open') await h.store.followUps.update({ ...now.value, status: 'open' }, now.etag);
  }

  async function act(verb: string, mode: 'execute' | 'submit', where: Shared, from: TestUser, data: Record<string, unknown>): Promise<HttpAnswer> {
    const o = { from, conversation: where } as const;
    const res =
      mode === 'execute' ? await h.post(h.anInvoke(verb, data, o)) : await h.post({ ...h.aMessage('', { ...o, mention: false }), value: { verb, ...data } });
    expect(res.status).toBeLessThan(500);
    sharedAnswers.push(textOf(res.body));
    return res;
  }

  const VERBS = Object.keys(verbs);
  const VIEWS = ['item', 'overview', 'summary', 'cascade'];
  const STATUSES = ['on-track', 'late', 'done'];
  const PEOPLE = [USERS.chiefCulture, USERS.secretary, USERS.director, USERS.chiefTech];
  /** Who the verb lets through: the follow-up's owner for the chiefs' verbs, the secretary for the rest. */
  const insider = (verb: string): TestUser =>
    /^(?:followup|checkin|cascade|item\.(?:comment|read|discuss)|refresh)/.test(verb) ? USERS.chiefCulture : USERS.secretary;

  test('every verb, Execute and Submit, in the channel and in a group chat, by whom it lets through', async () => {
    for (const verb of VERBS) {
      for (const mode of ['execute', 'submit'] as const) {
        for (const where of ['channel', 'groupChat'] as const) {
          for (const view of verb === 'refresh' ? VIEWS : ['item']) {
            for (const status of verb === 'checkin.answer' ? STATUSES : ['done']) {
              await act(verb, mode, where, insider(verb), craftedData(view, status));
              await reopenFollowUp();
            }
          }
        }
      }
      await settle(h, forum.id);
      await expectNoLeak();
    }
    expect(sharedAnswers.length).toBeGreaterThan(VERBS.length * 4);
  }, 120_000);

  test('random sequences of crafted actions (property)', async () => {
    const action = fc.record({
      verb: fc.constantFrom(...VERBS),
      mode: fc.constantFrom('execute' as const, 'submit' as const),
      where: fc.constantFrom('channel' as const, 'groupChat' as const),
      from: fc.constantFrom(...PEOPLE),
      view: fc.constantFrom(...VIEWS),
      status: fc.constantFrom(...STATUSES),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 4 }), async (actions) => {
        for (const a of actions) await act(a.verb, a.mode, a.where, a.from, craftedData(a.view, a.status));
        await settle(h, forum.id);
        await expectNoLeak();
        await reopenFollowUp();
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  test('the same card data in the owner’s 1:1 chat does show it (the content was there to leak)', async () => {
    const res = await h.post(h.anInvoke('refresh', craftedData('cascade', 'done'), { from: USERS.chiefCulture }));
    expect(textOf(res.body)).toContain(SECRET);
    const snooze = await h.post(h.anInvoke('followup.snooze', craftedData('item', 'done'), { from: USERS.chiefCulture }));
    expect(textOf(snooze.body)).toContain(SECRET);
  });
});
