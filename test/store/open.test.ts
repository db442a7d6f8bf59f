import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStore } from '../../src/store/open';
import { aForum } from './builders';

const silent = createLogger('silent');

describe('opening the configured store with the embedded default', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'open-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const config = () => loadConfig({ DATA_DIR: dir }, { instanceId: 'test' });

  it('starts Azurite over DATA_DIR, says where, and lets a second opener (the CLI) use the same one', async () => {
    const service = await openStore(config(), silent);
    try {
      expect(service.describe).toMatch(new RegExp(`^embedded Azurite at http://127\\.0\\.0\\.1:\\d+, data in ${dir}$`));
      const info = JSON.parse(readFileSync(path.join(dir, 'azurite.json'), 'utf8'));
      expect(info).toMatchObject({ pid: process.pid, port: expect.any(Number) });

      const cli = await openStore(config(), silent);
      expect(cli.describe).toContain(`http://127.0.0.1:${info.port}/devstoreaccount1 (run by process ${process.pid})`);
      await cli.store.forums.create(aForum());
      await cli.close();
      expect((await service.store.forums.get('forum-1'))?.value.name).toBe(aForum().name);
    } finally {
      await service.close();
    }
    expect(existsSync(path.join(dir, 'azurite.json'))).toBe(false);
  });

  it('ignores an azurite.json left by a process that is gone, and keeps the data', async () => {
    const first = await openStore(config(), silent);
    await first.store.forums.create(aForum());
    await first.close();
    writeFileSync(path.join(dir, 'azurite.json'), JSON.stringify({ host: '127.0.0.1', port: 1, pid: 2 ** 22 + 17 }));
    const second = await openStore(config(), silent);
    try {
      expect(second.describe).not.toContain('run by process');
      expect((await second.store.forums.get('forum-1'))?.value.id).toBe('forum-1');
    } finally {
      await second.close();
    }
  });
});
