/**
 * "Gem beskeder" (the messages for the departments on the standing item) cut off after every storage
 * call it makes (test/resilience/crash-points.ts). After the crash the service restarts on the same
 * storage and the secretary presses "Gem beskeder" again on the same form. Then: the answer is the
 * item card, not an error; every line is stored, once, with its date and department; one audit
 * entry records the change.
 */
import type { Forum } from '../../src/domain';
import { t } from '../../src/i18n';
import type { ForumBackup } from '../../src/store/ports';
import { testRoster, USERS } from '../support/activities';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { brokenLines, type CrashScenario, crashEveryPoint, publishedMeetingTemplate } from './crash-points';
import { cardOf, decisionForm, type Json, press, textOf } from './support';

jest.setTimeout(180_000);

const azurite = useAzurite();
const fake = useFakeConnector({ roster: testRoster() });

interface Setup {
  forum: Forum;
  form: Json;
  /** The first message: each crash point its own. */
  first: string;
  lines: string;
}

const MORE = ['[Miljø & Teknik] Kontaktpersoner meldes ind til Borgerservice.', 'fra 2026-03-16: Ny direktør for Kultur & Fritid præsenteres.'];

const scenario: CrashScenario<ForumBackup, Setup> = {
  template: publishedMeetingTemplate,
  async setUp(h, published, label) {
    await h.store.importForum(published);
    const form = await decisionForm(h, published.forum, 'm-1', 4);
    const first = `Borgerhenvendelser får én fælles indgang (${label}).`;
    return { forum: published.forum, form, first, lines: [first, ...MORE].join('\n') };
  },
  operate: (h, s) => press(h, s.form, 'communications.save', USERS.secretary, { lines: s.lines }, { channel: true }),
  next: (h, s) => press(h, s.form, 'communications.save', USERS.secretary, { lines: s.lines }, { channel: true }),
  async check(h, s, next) {
    const answer = textOf(cardOf(next as Parameters<typeof cardOf>[0]));
    expect(answer).not.toContain(t('da', 'error.conflict').slice(0, 30));
    expect(answer).toContain('Punkt 4: Hvad skal kommunikeres ud');
    const stored = (await h.store.meetings.get(s.forum.id, 'm-1'))?.value.communications ?? [];
    expect(stored.map((c) => [c.text, c.notBefore, c.departments])).toEqual([
      [s.first, null, []],
      ['Kontaktpersoner meldes ind til Borgerservice.', null, ['Miljø & Teknik']],
      ['Ny direktør for Kultur & Fritid præsenteres.', '2026-03-16', []],
    ]);
    const audit = (await h.store.audit.listByForum(s.forum.id)).filter((a) => a.action === 'communications.save');
    expect(audit.map((a) => [a.before, (a.after as { text: string }[]).length])).toEqual([[[], 3]]);
  },
};

test('a save of the messages cut off after any storage call is completed by the same click again', async () => {
  const run = await crashEveryPoint({ azurite, fake: () => fake }, scenario);
  console.log(`communications.save: ${run.calls} storage calls, ${run.points} crash points, ${run.broken.length} broken\n${brokenLines(run)}`);
  expect(run.broken).toEqual([]);
});
