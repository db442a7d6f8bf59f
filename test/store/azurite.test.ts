import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedAzurite } from '../../src/store/azurite';
import { createTableStore } from '../../src/store/tables';
import { aForum } from './builders';

describe('embedded Azurite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data in its folder across a restart', async () => {
    const first = await startEmbeddedAzurite({ dataDir: dir });
    await (await createTableStore({ connectionString: first.connectionString })).forums.create(aForum());
    await first.stop();
    expect(readdirSync(dir).length).toBeGreaterThan(0);

    const second = await startEmbeddedAzurite({ dataDir: dir });
    try {
      const store = await createTableStore({ connectionString: second.connectionString });
      expect((await store.forums.get('forum-1'))?.value).toEqual(aForum());
    } finally {
      await second.stop();
    }
  });

  it('in memory, writes no file into the current folder and forgets everything when stopped', async () => {
    const before = readdirSync(process.cwd());
    const first = await startEmbeddedAzurite({ dataDir: null });
    await (await createTableStore({ connectionString: first.connectionString })).forums.create(aForum());
    await first.stop();
    expect(readdirSync(process.cwd())).toEqual(before);
    expect(existsSync(path.join(process.cwd(), '__azurite_db_table__.json'))).toBe(false);

    const second = await startEmbeddedAzurite({ dataDir: null, port: first.port });
    try {
      expect(await (await createTableStore({ connectionString: second.connectionString })).forums.get('forum-1')).toBeNull();
    } finally {
      await second.stop();
    }
  });

  it('listens on a free port of its own each time', async () => {
    const [a, b] = await Promise.all([startEmbeddedAzurite(), startEmbeddedAzurite()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(a.url).toBe(`http://127.0.0.1:${a.port}/devstoreaccount1`);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
