/**
 * Storage outage: the tests' Azurite (file-backed, so a restart keeps the data) is stopped in the
 * middle of decisions and in the middle of a reminder sweep, and started again on the same port
 * after OUTAGE_MS. While it is away users get the Danish "cannot save right now" error (asserted on
 * what the fake connector and the invoke answers carry) and the health check says 503; afterwards
 * the retried work goes through, and no decision, follow-up, reminder job or reminder card is lost
 * or doubled.
 *
 * The outage lasts 10 s, as the issue asks, in CI too. RESILIENCE_OUTAGE_MS shortens it for a quick
 * local run (2500 is still every request failing: the store client gives up after about 1.2 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import { reminderJob } from '../../src/app/reminders';
import { sweepOnce } from '../../src/scheduler/sweep';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../../src/store/azurite';
import { TEST_CHANNEL, type TestUser, USERS } from '../support/activities';
import { type Harness, startHarness } from '../support/harness';
import { aFollowUp } from '../scheduler/support';
import { aDraftMeeting, botChatWith, CHANNEL, cardOf, CHIEFS, decisionForm, decisionInputs, press, publish, textOf } from './support';

const OUTAGE_MS = Number(process.env.RESILIENCE_OUTAGE_MS ?? 10_000);
const STORAGE_DOWN = JSON.stringify(t('da', 'error.storage-unavailable')).slice(1, -1);

jest.setTimeout(60_000 + 3 * OUTAGE_MS);

describe(`storage unreachable for ${OUTAGE_MS} ms`, () => {
  let dataDir: string;
  let azurite: EmbeddedAzurite;
  let h: Harness;
  let forum: Forum;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'outage-'));
    azurite = await startEmbeddedAzurite({ port: 0, dataDir });
    h = await startHarness({ connectionString: azurite.connectionString });
    forum = await h.seedForum();
  });
  afterAll(async () => {
    await h?.stop();
    await azurite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Stops Azurite, runs `during` while it is away, starts it again on the same port with the same data. */
  async function outage(during: () => Promise<void>): Promise<void> {
    const port = azurite.port;
    await azurite.stop();
    const started = Date.now();
    await during();
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - started))));
    azurite = await startEmbeddedAzurite({ port, dataDir });
    expect(azurite.port).toBe(port);
  }

  test('decisions during the outage get a clear Danish error, and once retried are stored exactly once', async () => {
    await h.store.meetings.create(aDraftMeeting(forum, 'm-1'));
    expect((await publish(h, forum, 'm-1')).status).toBe(200);
    const form1 = await decisionForm(h, forum, 'm-1', 1);
    const typed1 = decisionInputs(form1, 'Modellen blev godkendt.', {
      text: 'Kultur & Fritid laver en bemandingsplan',
      owner: USERS.chiefCulture,
      due: '2026-03-20',
    });
    cardOf(await press(h, form1, 'decision.save', USERS.secretary, typed1, { channel: true }));
    const form2 = await decisionForm(h, forum, 'm-1', 2, USERS.director);
    const typed2 = decisionInputs(form2, 'Orienteringen blev taget til efterretning.', {
      text: 'Miljø & Teknik følger op på fraværet',
      owner: USERS.chiefTech,
      due: '2026-04-15',
    });

    const during: { what: string; body: string }[] = [];
    await outage(async () => {
      const save = await press(h, form2, 'decision.save', USERS.director, typed2, { channel: true });
      during.push({ what: 'decision.save', body: textOf(save.body) });
      const retry1 = await press(h, form1, 'decision.save', USERS.secretary, typed1, { channel: true });
      during.push({ what: 'a Teams retry of the first save', body: textOf(retry1.body) });
      const read = await h.post(
        h.anInvoke('item.read', { forumId: forum.id, meetingId: 'm-1', itemNumber: 2, read: 'true' }, { from: USERS.chiefFinance, ...CHANNEL }),
      );
      during.push({ what: 'item.read', body: textOf(read.body) });
      const before = h.fake.sent().length;
      expect((await h.post(h.aMessage('mine opgaver', { from: USERS.chiefCulture }))).status).toBe(200);
      during.push({
        what: 'the command "mine opgaver" (its reply at the connector)',
        body: h.fake
          .sent()
          .slice(before)
          .map((s) => textOf(s.activity))
          .join(''),
      });
      expect((await h.get('/healthz')).status).toBe(503);
    });

    for (const d of during) expect([d.what, d.body.includes(STORAGE_DOWN)]).toEqual([d.what, true]);
    await waitForHealth(h);

    // The director presses "Gem" again; Teams may also repeat the secretary's first submit.
    cardOf(await press(h, form2, 'decision.save', USERS.director, typed2, { channel: true }));
    cardOf(await press(h, form1, 'decision.save', USERS.secretary, typed1, { channel: true }));

    const decisions = await h.store.decisions.listByMeeting('m-1');
    expect(decisions.map((d) => [d.itemNumber, d.text]).sort()).toEqual([
      [1, 'Modellen blev godkendt.'],
      [2, 'Orienteringen blev taget til efterretning.'],
    ]);
    expect(await h.store.decisions.history('m-1', 1)).toEqual([]);
    expect(await h.store.decisions.history('m-1', 2)).toEqual([]);
    const followUps = await h.store.followUps.listByMeeting(forum.id, 'm-1');
    expect(followUps.map((f) => f.text).sort()).toEqual(['Kultur & Fritid laver en bemandingsplan', 'Miljø & Teknik følger op på fraværet']);
    const reminders = (await h.store.jobs.listByForum(forum.id)).filter((j) => j.kind === 'reminder');
    expect(new Set(reminders.map((j) => j.id)).size).toBe(reminders.length);
    expect(reminders.map((j) => j.payload.userId).sort()).toEqual([USERS.chiefCulture.id, USERS.chiefTech.id].sort());
    const audit = (await h.store.audit.listByForum(forum.id)).filter((a) => a.action === 'decision.record');
    expect(audit).toHaveLength(2);
  });

  test('a decision that fails during the outage hands back what the secretary typed', async () => {
    await h.store.meetings.create(aDraftMeeting(forum, 'm-3', { date: '2026-03-26' }));
    expect((await publish(h, forum, 'm-3')).status).toBe(200);
    const form = await decisionForm(h, forum, 'm-3', 1);
    const typed = decisionInputs(form, 'Godkendt med den tilføjelse at evalueringen sker i uge 44.');
    let answer = '';
    await outage(async () => {
      answer = textOf((await press(h, form, 'decision.save', USERS.secretary, typed, { channel: true })).body);
    });
    await waitForHealth(h);
    expect(answer).toContain(STORAGE_DOWN);
    expect(answer).toContain(String(typed.decisionText));
  });

  test('a sweep cut off mid-way sends every reminder exactly once after storage is back', async () => {
    const users: TestUser[] = [USERS.director, USERS.secretary, ...CHIEFS];
    const day = '2026-03-10';
    const at = new Date('2026-03-10T07:00:00Z'); // 08:00 in Copenhagen
    await h.store.followUps.createMany(
      users.map((u, i) => aFollowUp(forum.id, `fu-outage-${i}`, u.id, day, { meetingId: 'm-1', text: `Påmindelsestest ${i}: lav en plan` })),
    );
    for (const u of users) await h.store.jobs.schedule(reminderJob(u.id, day, at, forum.id));
    // Everyone has written to the bot 1:1 before, so the reminders go straight into those chats.
    for (const u of users) expect((await h.post(h.aMessage('hjælp', { from: u }))).status).toBe(200);
    // Teams answers slowly, so the sweep is still sending when storage goes: two sends are on the wire.
    h.fake.delayNext(users.length, 400, (r) => r.kind === 'send');
    const sentBefore = h.fake.sent().length;
    const arrived = h.fake.received();
    const first = sweepOnce(h.app.deps, { owner: 'sweeper-1', now: at }).catch((e: unknown) => e);
    await h.fake.waitFor((f) => f.received() >= arrived + 2, 10_000);
    let duringSweep: unknown = null;
    // The first sweep is not awaited inside the outage: like a live instance, it holds on to the
    // sends it made and records them once storage is back (src/scheduler/job-run.ts recordSend).
    await outage(async () => {
      duringSweep = await sweepOnce(h.app.deps, { owner: 'sweeper-2', now: new Date(at.getTime() + 60_000) }).then(
        () => null,
        (e: unknown) => e,
      );
    });
    expect(textOf(duringSweep)).toMatch(/storage/i);
    await waitForHealth(h);
    await first;

    // Later sweeps (past any lease the first one held) finish the work.
    for (const minutes of [10, 20]) await sweepOnce(h.app.deps, { owner: 'sweeper-3', now: new Date(at.getTime() + minutes * 60_000) });

    const cards = h.fake
      .sent()
      .slice(sentBefore)
      .filter((s) => s.conversationId !== TEST_CHANNEL.id && /Påmindelsestest \d/.test(textOf(s.activity)));
    const chats = new Map<string, string | null>();
    for (const u of users) chats.set(u.id, await botChatWith(h, u));
    const counts = users.map((u) => [u.name, cards.filter((s) => s.conversationId === chats.get(u.id)).length]);
    expect(counts).toEqual(users.map((u) => [u.name, 1]));
    const jobs = (await h.store.jobs.listByForum(forum.id)).filter((j) => j.kind === 'reminder' && j.payload.date === day);
    expect(jobs.map((j) => j.status)).toEqual(users.map(() => 'done'));
  });
});

async function waitForHealth(h: Harness): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await h.get('/healthz')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the service did not report healthy storage again');
    await new Promise((r) => setTimeout(r, 100));
  }
}
