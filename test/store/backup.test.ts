import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupCommand, restoreCommand } from '../../src/cli/backup';
import type { CliIo } from '../../src/cli';
import type { Store } from '../../src/store/ports';
import { createTableStore } from '../../src/store/tables';
import { startAzurite, type TestAzurite, useAzurite } from '../support/azurite';
import { aDecision, aFollowUp, aForum, aJob, aMeeting, anAuditEntry, anItem, aReceipt, aResponse, longDanishText } from './builders';

/** A forum with something in every table. */
async function seedForum(store: Store): Promise<void> {
  await store.forums.create(aForum());
  await store.conversations.save({
    conversationId: aForum().conversationId,
    kind: 'channel',
    tenantId: 't',
    userId: null,
    reference: { a: 1 },
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await store.conversations.save({
    conversationId: 'a:dm',
    kind: 'personal',
    tenantId: 't',
    userId: '29:chief-a',
    reference: { b: 2 },
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await store.meetings.create(
    aMeeting({ items: [anItem(1, { sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: longDanishText(120_000) }] }), anItem(2, { closed: true })] }),
  );
  await store.meetings.create(aMeeting({ id: 'meeting-2', date: '2026-04-01', items: Array.from({ length: 150 }, (_, i) => anItem(i + 1)) }));
  const d1 = await store.decisions.save(aDecision({ text: 'Første' }), null);
  await store.decisions.save(aDecision({ text: 'Anden' }), d1.etag);
  await store.decisions.save(aDecision({ itemNumber: 2, text: 'Taget til efterretning', outcome: 'noted' }), null);
  await store.responses.upsert(aResponse());
  await store.followUps.createMany([aFollowUp(), aFollowUp({ id: 'fu-2', status: 'done' })]);
  await store.cascade.save(aReceipt(), null);
  await store.jobs.schedule(aJob());
  await store.audit.append(anAuditEntry());
}

describe('export and import of a whole forum', () => {
  const azurite = useAzurite();

  it('round-trips every record of a forum into an empty store', async () => {
    const source = await azurite.newStore();
    await seedForum(source);
    const backup = await source.exportForum('forum-1');
    expect(backup.meetings).toHaveLength(2);
    expect(backup.decisionHistory.map((d) => d.text)).toEqual(['Første']);

    const target = await azurite.newStore();
    await target.importForum(JSON.parse(JSON.stringify(backup)));
    expect(await target.exportForum('forum-1')).toEqual(backup);
    expect((await target.followUps.listOpenByAssignee('29:chief-a')).map((f) => f.id)).toEqual(['fu-1']);
    expect((await target.forums.findByConversation(aForum().conversationId))?.value.id).toBe('forum-1');
    expect((await target.jobs.claimDue(new Date('2026-05-24T06:00:00.000Z'), { owner: 'x', leaseMs: 1000, limit: 5 })).length).toBe(1);
  });

  it('restoring the same backup twice changes nothing', async () => {
    const source = await azurite.newStore();
    await seedForum(source);
    const backup = await source.exportForum('forum-1');
    await source.importForum(backup);
    await source.importForum(backup);
    expect(await source.exportForum('forum-1')).toEqual(backup);
  });

  it('merging takes from the backup only what is further along: a later change, a job already done', async () => {
    const store = await azurite.newStore();
    await seedForum(store);
    const backup = await store.exportForum('forum-1');
    const later = {
      ...backup,
      followUps: backup.followUps.map((f) => (f.id === 'fu-1' ? { ...f, text: 'Ny tekst', updatedAt: '2026-06-01T00:00:00.000Z' } : f)),
    };
    await store.importForum({ ...later, jobs: [{ ...backup.jobs[0], status: 'done', sentActivityId: 'a-1' }] }, { merge: true });
    expect((await store.followUps.get('forum-1', 'fu-1'))?.value.text).toBe('Ny tekst');
    expect((await store.jobs.get('job-1'))?.value.status).toBe('done');
    await store.importForum(backup, { merge: true });
    expect((await store.followUps.get('forum-1', 'fu-1'))?.value.text).toBe('Ny tekst');
    expect((await store.jobs.get('job-1'))?.value.status).toBe('done');
  });

  it('says plainly that an unknown forum cannot be exported', async () => {
    const store = await azurite.newStore();
    await expect(store.exportForum('nope')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('backup and restore commands', () => {
  let source: TestAzurite;
  let target: TestAzurite;
  let dir: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([startAzurite(), startAzurite()]);
  });
  afterAll(async () => {
    await Promise.all([source.stop(), target.stop()]);
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'backup-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const io = (connectionString: string): CliIo & { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      env: { AZURE_STORAGE_CONNECTION_STRING: connectionString, LOG_LEVEL: 'silent' },
    };
  };

  it('writes one file per forum and restores them into another storage account', async () => {
    const store = await createTableStore({ connectionString: source.connectionString });
    await seedForum(store);
    await store.forums.create(aForum({ id: 'forum/2', name: 'Andet forum', conversationId: '19:other' }));
    const backupIo = io(source.connectionString);
    expect(await backupCommand.run(['--out', dir], backupIo)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['forum-1.json', expect.stringMatching(/^forum_2-[0-9a-f]+\.json$/)]);
    expect(backupIo.out.join('')).toMatch(/Forum Ledelsesforum Nordby \(forum-1\): 2 møder, 2 opfølgninger, 1 planlagte job/);

    const restoreIo = io(target.connectionString);
    expect(await restoreCommand.run([dir, '--lang', 'en'], restoreIo)).toBe(0);
    expect(restoreIo.out.join('')).toMatch(/2 forums restored/);
    const restored = await createTableStore({ connectionString: target.connectionString });
    expect(await restored.exportForum('forum-1')).toEqual(await store.exportForum('forum-1'));
    expect((await restored.forums.get('forum/2'))?.value.name).toBe('Andet forum');
  });

  describe('into a storage in use', () => {
    let connection = '';
    const afterThis: (() => Promise<void>)[] = [];
    afterEach(async () => {
      await Promise.all(afterThis.splice(0).map((stop) => stop()));
    });

    /** A storage in use whose backup is in `dir`, that moved on since: the reminder sent, the follow-up done, the forum renamed, a meeting deleted. */
    async function backupThenMoveOn(): Promise<Store> {
      const own = await startAzurite();
      afterThis.push(() => own.stop());
      const store = await createTableStore({ connectionString: own.connectionString });
      connection = own.connectionString;
      await seedForum(store);
      const backup = await store.exportForum('forum-1');
      writeFileSync(path.join(dir, 'forum-1.json'), JSON.stringify(backup));
      const job = (await store.jobs.get('job-1'))!;
      await store.jobs.update({ ...job.value, status: 'done', sentActivityId: 'activity-1' }, job.etag);
      const fu = (await store.followUps.get('forum-1', 'fu-1'))!;
      await store.followUps.update({ ...fu.value, status: 'done', updatedAt: '2026-05-25T08:00:00.000Z' }, fu.etag);
      const forum = (await store.forums.get('forum-1'))!;
      await store.forums.update({ ...forum.value, name: 'Ledelsesforum Nordby (nyt navn)' }, forum.etag);
      await store.meetings.delete('forum-1', 'meeting-2');
      return store;
    }

    const restoreInto = (args: string[]) => {
      const restoreIo = io(connection);
      return { restoreIo, run: () => restoreCommand.run([dir, ...args], restoreIo) };
    };

    it('refuses to restore into a storage in use, says why and how, and changes nothing', async () => {
      const store = await backupThenMoveOn();
      const before = await store.exportForum('forum-1');
      const { restoreIo, run } = restoreInto([]);
      expect(await run()).toBe(1);
      expect(restoreIo.err.join('')).toMatch(/Lageret er i brug \(der er allerede data i: forums, meetings, followups, jobs\).*--force/);
      expect(await store.exportForum('forum-1')).toEqual(before);
    });

    it('with --force merges: a sent reminder stays sent, a finished follow-up stays finished, the newer forum stays, the missing meeting returns', async () => {
      const store = await backupThenMoveOn();
      const { restoreIo, run } = restoreInto(['--force', '--lang', 'en']);
      expect(await run()).toBe(0);
      expect(restoreIo.err.join('')).toMatch(/merging \(--force\)/);
      expect((await store.jobs.get('job-1'))?.value).toMatchObject({ status: 'done', sentActivityId: 'activity-1' });
      expect(await store.jobs.claimDue(new Date('2026-05-24T06:00:00.000Z'), { owner: 'x', leaseMs: 1000, limit: 5 })).toEqual([]);
      expect((await store.followUps.get('forum-1', 'fu-1'))?.value.status).toBe('done');
      expect(await store.followUps.listOpenByAssignee('29:chief-a')).toEqual([]);
      expect((await store.forums.get('forum-1'))?.value.name).toBe('Ledelsesforum Nordby (nyt navn)');
      expect((await store.meetings.get('forum-1', 'meeting-2'))?.value.items).toHaveLength(150);
    });
  });

  it('refuses a file that is not a forum backup, before writing anything', async () => {
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ version: 1, forum: { id: 'x' } }));
    const restoreIo = io(target.connectionString);
    await expect(restoreCommand.run([dir], restoreIo)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/not a forum backup/) });
    expect(readFileSync(path.join(dir, 'a.json'), 'utf8')).toContain('"x"');
  });

  it('asks for --out', async () => {
    const backupIo = io(source.connectionString);
    expect(await backupCommand.run([], backupIo)).toBe(2);
    expect(backupIo.err.join('')).toMatch(/--out/);
  });
});
