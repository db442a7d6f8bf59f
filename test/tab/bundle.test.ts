import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultBundlePaths, ensureTabBundle } from '../../src/tab/bundle';

describe('building the side panel page', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tab-bundle-'));
  const paths = { ...defaultBundlePaths(), outDir };
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the page when it is missing, skips an unchanged one, and rebuilds when the output was damaged', async () => {
    expect(await ensureTabBundle(paths)).toBe(true);
    const main = readFileSync(path.join(outDir, 'main.js'), 'utf8');
    // Bundled for the browser: the card renderer, teams-js and the page's Danish text are inside.
    // (Checked with includes: a failing toContain would print the whole 250 KB bundle.)
    expect(main.includes('Denne side virker inde i et Teams-m')).toBe(true);
    expect(main.includes('Action.Execute')).toBe(true);
    expect(/require\("(adaptivecards|@microsoft\/teams-js)"\)/.test(main)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('<!--tab-config-->');

    expect(await ensureTabBundle(paths)).toBe(false);

    rmSync(path.join(outDir, 'config-page.js'));
    expect(await ensureTabBundle(paths)).toBe(true);
    writeFileSync(path.join(outDir, '.inputs.json'), JSON.stringify({ inputs: [], hash: 'stale' }));
    expect(await ensureTabBundle(paths)).toBe(true);
  });
});
