/** `npm run -s followup -- sweep --now <ISO time>` against Azurite, sending to the fake connector. */
import { runCli } from '../../src/cli';
import { createTableStore } from '../../src/store/tables';
import { reminderJob } from '../../src/app/reminders';
import { useAzurite } from '../support/azurite';
import { useFakeConnector } from '../support/use-fake-connector';
import { aFollowUp, aForum, chief, personalChat, personalId } from './support';

const az = useAzurite();
const fake = useFakeConnector();

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const env = { AZURE_STORAGE_CONNECTION_STRING: az.connectionString, LOG_LEVEL: 'error' };
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

describe('the sweep command', () => {
  it('runs the jobs due at --now once and prints what it did as JSON', async () => {
    const store = await createTableStore({ connectionString: az.connectionString });
    const user = chief(1).userId;
    await store.forums.create(aForum('forum-cli'));
    await store.conversations.save(personalChat(fake, user));
    await store.followUps.createMany([aFollowUp('forum-cli', 'cli-1', user, '2026-03-10')]);
    await store.jobs.schedule(reminderJob(user, '2026-03-10', new Date('2026-03-10T07:00:00Z'), 'forum-cli'));

    const early = await cli(['sweep', '--now', '2026-03-10T07:59:00+01:00']);
    expect(early.code).toBe(0);
    expect(JSON.parse(early.out)).toMatchObject({ claimed: 0, sent: 0 });

    const due = await cli(['sweep', '--now', '2026-03-10T08:00:00+01:00']);
    expect(JSON.parse(due.out)).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(fake.cards(personalId(user))).toHaveLength(1);

    const again = await cli(['sweep', '--now', '2026-03-10T08:01:00+01:00']);
    expect(JSON.parse(again.out)).toMatchObject({ sent: 0 });
    expect(fake.cards(personalId(user))).toHaveLength(1);
  });

  it('refuses a --now that is not a time', async () => {
    const res = await cli(['sweep', '--now', 'tomorrow']);
    expect(res.code).toBe(1);
    expect(res.err).toContain('--now must be an ISO time');
  });
});
