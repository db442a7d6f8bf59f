/**
 * "Gem beslutning" cut off after every storage call it makes (test/resilience/crash-points.ts): a
 * decision with two follow-ups for two chiefs. After the crash the service restarts on the same
 * storage and the secretary presses "Gem beslutning" again on the same form. Then: the answer is the
 * item card with the decision; the decision is stored once, with both follow-ups open; each
 * follow-up's reminder jobs are exactly those a save without a crash creates; one audit entry
 * records the decision; the channel's item card shows it.
 */
import type { Forum, Job } from '../../src/domain';
import type { ForumBackup } from '../../src/store/ports';
import { t } from '../../src/i18n';
import { testRoster, USERS } from '../support/activities';
import { useAzurite } from '../support/azurite';
import type { Harness } from '../support/harness';
import { useFakeConnector } from '../support/use-fake-connector';
import { brokenLines, crashEveryPoint, type CrashScenario, publishedMeetingTemplate } from './crash-points';
import { actionOf, cardOf, channelItemCard, decisionForm, type Json, press, textOf } from './support';

jest.setTimeout(180_000);

const azurite = useAzurite();
const fake = useFakeConnector({ roster: testRoster() });

const FOLLOW_UPS = ['Kultur & Fritid laver en bemandingsplan', 'Miljø & Teknik melder kontaktpersoner ind'];

interface Setup {
  forum: Forum;
  form: Json;
  typed: Json;
  /** The decision's text: each crash point its own, so a card updated by an earlier one does not count. */
  text: string;
}

/** The form filled in: the outcome, the text and two new follow-ups for two chiefs. */
function typedInto(form: Json, text: string): Json {
  const owners = (actionOf(form, 'decision.save').data as { owners: string[] }).owners;
  const owner = (id: string) => `o${owners.indexOf(`m:${id}`)}`;
  return {
    decisionText: text,
    newRows: '2',
    new_0_text: FOLLOW_UPS[0],
    new_0_owner: owner(USERS.chiefCulture.id),
    new_0_due: '2026-03-20',
    new_1_text: FOLLOW_UPS[1],
    new_1_owner: owner(USERS.chiefTech.id),
    new_1_due: '2026-03-27',
  };
}

const reminderJobs = async (h: Harness, forumId: string) =>
  (await h.store.jobs.listByForum(forumId))
    .filter((j: Job) => j.kind === 'reminder' && j.status === 'pending')
    .map((j) => `${j.id} ${j.dueAt} ${String(j.payload.userId)}`)
    .sort();

let cleanJobs: string[] | null = null;

const scenario: CrashScenario<ForumBackup, Setup> = {
  template: publishedMeetingTemplate,
  async setUp(h, published, label) {
    await h.store.importForum(published);
    const form = await decisionForm(h, published.forum, 'm-1', 1);
    const text = `Modellen blev godkendt med to opfølgninger (${label}).`;
    return { forum: published.forum, form, typed: typedInto(form, text), text };
  },
  operate: (h, s) => press(h, s.form, 'decision.save', USERS.secretary, s.typed, { channel: true }),
  next: (h, s) => press(h, s.form, 'decision.save', USERS.secretary, s.typed, { channel: true }),
  async check(h, s, next) {
    const answer = textOf(cardOf(next as Parameters<typeof cardOf>[0]));
    expect(answer).toContain(s.text);
    expect(answer).not.toContain(t('da', 'error.conflict').slice(0, 30));
    expect((await h.store.decisions.get('m-1', 1))?.value.text).toBe(s.text);
    expect(await h.store.decisions.history('m-1', 1)).toEqual([]);
    const followUps = (await h.store.followUps.listByMeeting(s.forum.id, 'm-1')).filter((f) => f.itemNumber === 1);
    expect(followUps.map((f) => `${f.status} ${f.text}`).sort()).toEqual(FOLLOW_UPS.map((t) => `open ${t}`).sort());
    const jobs = await reminderJobs(h, s.forum.id);
    cleanJobs ??= jobs;
    expect(jobs).toEqual(cleanJobs);
    expect(new Set(jobs.map((j) => j.split(' ')[2]))).toEqual(new Set([USERS.chiefCulture.id, USERS.chiefTech.id]));
    const audit = (await h.store.audit.listByForum(s.forum.id)).filter((a) => a.action === 'decision.record');
    expect(audit).toHaveLength(1);
    expect(textOf(await channelItemCard(h, s.forum, 'm-1', 1))).toContain(s.text);
  },
};

test('a decision save cut off after any storage call is completed by the same click again', async () => {
  const run = await crashEveryPoint({ azurite, fake: () => fake }, scenario);
  console.log(`decision.save: ${run.calls} storage calls, ${run.points} crash points, ${run.broken.length} broken\n${brokenLines(run)}`);
  expect(run.broken).toEqual([]);
});
