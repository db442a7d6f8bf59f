import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type CliIo, runCli } from '../../src/cli';
import { renderDocx } from '../../src/minutes/export';
import { parseDocument } from '../../src/minutes/parse';
import { FIXTURE_MINUTES } from './support/fixture-minutes';
import { makePdf } from './support/make-pdf';
import { itIf } from '../support/skip';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const seed000 = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('000_')) : undefined;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'followup-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, content);
  return p;
}

/** Bad input: exit 1 and exactly one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('followup import --json', () => {
  it('prints the JSON contract for a minutes document', async () => {
    const r = await run('import', await file('referat.txt', FIXTURE_MINUTES), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'minutes', forum: 'Ledelsesforum', date: '2023-03-14', start: '13:00', location: 'Byrådssalen' });
    expect(doc.items.map((i: { number: number; title: string }) => [i.number, i.title])).toEqual([
      [1, 'Godkendelse af dagsorden og referat'],
      [2, 'Ny velkomstpakke til nye medarbejdere'],
      [3, 'Lukket'],
      [4, 'Hvad skal kommunikeres ud til afdelingerne efter mødet?'],
    ]);
    expect(doc.items[1]).toMatchObject({
      caseNumber: '81.02.00-P20-2-23',
      timeSlot: { start: '13:10', end: '13:40' },
      closed: false,
      proposals: ['at Ledelsesforum godkender udkastet', 'at afdelingerne melder kontaktpersoner ind'],
      decision: 'Ledelsesforum godkendte udkastet.\n\nAfdelingerne melder kontaktpersoner ind senest den 31. marts 2023.',
      attachments: ['Udkast til velkomstpakke'],
    });
    expect(doc.items[2]).toMatchObject({ closed: true, caseNumber: '00.01.00-S00-1-23', proposals: [], decision: null, attachments: [] });
    expect(doc.communications).toEqual([expect.objectContaining({ text: 'Den nye velkomstpakke tages i brug fra 1. maj.', notBefore: null })]);
    for (const f of doc.followUps) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['item', 'text', 'kind', 'owner', 'due', 'dueText', 'dueFrom', 'precision', 'confidence', 'evidence']),
      );
    }
    expect(doc.followUps).toContainEqual(expect.objectContaining({ item: 2, due: '2023-03-31', dueText: expect.stringContaining('31. marts 2023') }));
  });

  it('gives the same items for the document as Markdown, Word and PDF', async () => {
    const items = async (p: string) => {
      const r = await run('import', p, '--json');
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout).items;
    };
    const expected = await items(await file('referat.md', FIXTURE_MINUTES));
    const docx = await renderDocx(parseDocument(FIXTURE_MINUTES).meeting);
    expect(await items(await file('referat.docx', docx))).toEqual(expected);
    expect(await items(await file('referat.pdf', makePdf(FIXTURE_MINUTES.split('\n'))))).toEqual(expected);
  });

  itIf(!!seed000, `no 000_*.txt in ${SEEDS} (the forum's real minutes are not beside this checkout)`)(
    'finds the jubilee on 1 April 2020 with Kultur & Fritid as owner in the real minutes 000',
    async () => {
      const r = await run('import', path.join(SEEDS, seed000 ?? ''), '--json');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.items).toHaveLength(8);
      expect(doc.followUps).toContainEqual(expect.objectContaining({ item: 2, due: '2020-04-01', owner: 'Kultur & Fritid' }));
    },
  );
});

describe('followup import without --json', () => {
  it('prints a readable outline in Danish', async () => {
    const r = await run('import', await file('referat.txt', FIXTURE_MINUTES));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('REFERAT Ledelsesforum 2023-03-14 kl. 13:00 · Byrådssalen\n4 punkter');
    expect(r.stdout).toContain(
      'Punkt 2: LF - Ny velkomstpakke til nye medarbejdere (13:10-13:40)  [81.02.00-P20-2-23]\n  Forslag: 2 · Bilag: 1\n  Beslutning: Ledelsesforum godkendte udkastet.',
    );
    expect(r.stdout).toContain('Punkt 3: Lukket  [00.01.00-S00-1-23]\nPunkt 4:');
    expect(r.stdout).toContain('Kommunikeres ud til afdelingerne (1):\n  - Den nye velkomstpakke tages i brug fra 1. maj.');
    expect(r.stdout).toMatch(/Opfølgning \(\d+\):/);
  });

  it('prints the outline in English on request', async () => {
    const r = await run('import', await file('referat.txt', FIXTURE_MINUTES), '--lang', 'en');
    expect(r.stdout).toContain('4 items');
    expect(r.stdout).toContain('Item 3: Closed');
  });
});

describe('followup import refuses bad input with one line and exit code 1', () => {
  it('a missing file', async () => {
    expectOneLineError(await run('import', path.join(dir, 'findes-ikke.txt')), /^not-found: .*findes-ikke\.txt: no such file$/m);
  });

  it('a folder', async () => {
    expectOneLineError(await run('import', dir), /is a folder/);
  });

  it('an empty file', async () => {
    expectOneLineError(await run('import', await file('tom.txt', '')), /^parse-failed: tom\.txt is empty$/m);
  });

  it('binary junk', async () => {
    const junk = Buffer.alloc(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + (i >> 3) * 31) & 0xff;
    expectOneLineError(await run('import', await file('junk.txt', junk)), /^parse-failed: .*binary/m);
  });

  it('a 20 MB file, without reading it', async () => {
    const big = path.join(dir, 'stor.txt');
    await fs.writeFile(big, '');
    await fs.truncate(big, 20 * 1024 * 1024);
    expectOneLineError(await run('import', big), /^too-large: stor\.txt is 21\.0 MB; documents must be smaller than 20 MB$/m);
  });

  it('a document with no items', async () => {
    const headerOnly = FIXTURE_MINUTES.slice(0, FIXTURE_MINUTES.indexOf('Punkt 1:'));
    expectOneLineError(await run('import', await file('uden-punkter.txt', headerOnly)), /^parse-failed: .*No agenda items/m);
  });

  it('a document without a header: its items, exit 0, and warnings saying what is missing', async () => {
    const body = FIXTURE_MINUTES.slice(FIXTURE_MINUTES.indexOf('Punkt 1:'));
    const r = await run('import', await file('uden-hoved.txt', body), '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(doc.items.length).toBe(parseDocument(FIXTURE_MINUTES).meeting.items.length);
    expect(doc).toMatchObject({ forum: '', date: '' });
    expect(doc.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['missing-header', 'missing-date', 'missing-forum-name']));
    expect(doc.followUps.filter((f: { due: string | null }) => f.due !== null)).toEqual([]);
  });

  it('a text document cut off in its header', async () => {
    expectOneLineError(await run('import', await file('afbrudt.txt', FIXTURE_MINUTES.slice(0, 22))), /^parse-failed: /m);
  });

  it('a Word document and a PDF cut off in the middle', async () => {
    const docx = await renderDocx(parseDocument(FIXTURE_MINUTES).meeting);
    expectOneLineError(
      await run('import', await file('afbrudt.docx', docx.subarray(0, docx.length >> 1))),
      /^parse-failed: The Word document could not be read/m,
    );
    const pdf = makePdf(FIXTURE_MINUTES.split('\n'));
    expectOneLineError(await run('import', await file('afbrudt.pdf', pdf.subarray(0, pdf.length >> 1))), /^parse-failed: /m);
  });

  it('usage mistakes exit 2 with one line on stderr naming the usage', async () => {
    for (const argv of [['import'], ['import', 'a.txt', '--xml'], ['export'], ['backup'], ['restore']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/Usage: /);
    }
  });
});

describe('followup export', () => {
  it('writes the imported minutes back as Markdown that imports to the same items', async () => {
    const imported = (await run('import', await file('referat.txt', FIXTURE_MINUTES), '--json')).stdout;
    const json = await file('meeting.json', imported);
    const out = path.join(dir, 'referat-ud.md');
    const r = await run('export', json, '--format', 'md', '-o', out);
    expect(r.code).toBe(0);
    const md = await fs.readFile(out, 'utf8');
    expect(md.startsWith('# REFERAT Ledelsesforum d. 14-03-2023\n\n**Mødedato** Tirsdag d. 14. marts 2023 kl. 13:00')).toBe(true);
    const again = JSON.parse((await run('import', out, '--json')).stdout);
    expect(again.items).toEqual(JSON.parse(imported).items);
  });

  it('writes a Word document', async () => {
    const json = await file('meeting.json', (await run('import', await file('referat.txt', FIXTURE_MINUTES), '--json')).stdout);
    const out = path.join(dir, 'referat-ud.docx');
    expect((await run('export', json, '--format', 'docx', '-o', out)).code).toBe(0);
    const again = JSON.parse((await run('import', out, '--json')).stdout);
    expect(again.items.map((i: { title: string }) => i.title)).toContain('Ny velkomstpakke til nye medarbejdere');
  });

  it('accepts a stored meeting (forumName, proposal records, extra fields)', async () => {
    const stored = {
      id: 'm-1',
      forumId: 'f-1',
      status: 'closed',
      kind: 'minutes',
      forumName: 'Ledelsesforum',
      date: '2023-03-14',
      start: null,
      location: null,
      items: [
        {
          number: 1,
          title: 'Evt.',
          prefix: 'LF',
          caseNumber: null,
          timeSlot: null,
          closed: false,
          proposals: [{ number: 1, text: 'at forummet drøfter sagen' }],
          recommendedBy: 'Direktøren',
          decision: 'Intet.',
          sections: [],
          attachments: [],
        },
      ],
      communications: [{ id: 'c1', text: 'Intet nyt.', notBefore: null, notBeforeText: null, departments: [] }],
    };
    const r = await run('export', await file('stored.json', JSON.stringify(stored)), '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '## Punkt 1: LF - Evt.\n\n### Indstilling\n\nDirektøren indstiller,\n\n1. at forummet drøfter sagen\n\n### Beslutning\n\nIntet.',
    );
  });

  it('names the first problems of a file that is not a meeting', async () => {
    const bad = { kind: 'minutes', forum: 'Ledelsesforum', date: '14-03-2023', items: [{ number: 1, title: 'X', timeSlot: { start: '9.00', end: '09:20' } }] };
    expectOneLineError(
      await run('export', await file('bad.json', JSON.stringify(bad)), '--format', 'md'),
      /^invalid-input: bad\.json is not a meeting: date: expected a date YYYY-MM-DD; items\[0\]\.timeSlot\.start: expected a time HH:MM$/m,
    );
    expectOneLineError(
      await run('export', await file('broken.json', '{"kind": "minutes",'), '--format', 'md'),
      /^invalid-input: broken\.json is not valid JSON/m,
    );
  });

  it('needs -o for a Word document and a known format', async () => {
    const json = await file('m.json', '{}');
    expect((await run('export', json, '--format', 'docx')).code).toBe(2);
    expect((await run('export', json, '--format', 'pdf', '-o', 'x.pdf')).code).toBe(2);
  });
});

describe('the real command line', () => {
  const exec = promisify(execFile);
  const npm = (args: string[]) => exec('npm', ['run', '-s', 'followup', '--', ...args], { cwd: ROOT, timeout: 60_000 });

  it('npm run -s followup -- import <file> --json prints the JSON contract', async () => {
    const { stdout } = await npm(['import', await file('referat.txt', FIXTURE_MINUTES), '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'minutes', forum: 'Ledelsesforum', date: '2023-03-14' });
  });

  it('exits non-zero with one line on stderr for a missing file', async () => {
    const err = await npm(['import', path.join(dir, 'findes-ikke.txt')]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^not-found: .*findes-ikke\.txt: no such file$/)]);
  });
});

describe('followup commands', () => {
  it('an unknown command, even one an object has by inheritance, gets one usage line and exit 2', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'nonsense']) {
      const r = await run(name);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`Unknown command: ${name} (see "help"). Usage: npm run -s followup -- <command> [options]\n`);
    }
  });

  it('help lists every command and the exit codes', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    for (const command of ['import', 'export', 'backup', 'restore', 'sweep']) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}done\n {2}1 {2}bad input.*\n {2}2 {2}usage.*\n {2}3 {2}unexpected failure/);
  });
});
