import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';
import { validateAgainstSchema } from '../../scripts/manifest-schema';
import { matchCommand } from '../../src/bot/command-words';
import { buildAppPackage, fillPlaceholders, PackageError, type PackageValues, readPackageValues } from '../../scripts/package';
import { readPng } from './read-png';
import { readZip } from './read-zip';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'appPackage');
const VALUES: PackageValues = {
  BOT_ID: '0b5e3c1a-7d2f-4e8b-9a61-3f2c8d7e9b10',
  TEAMS_APP_ID: 'c4a1f7e2-5b3d-4c9e-8f20-6a7b1d2e3f40',
  BOT_DOMAIN: 'followup.bolgeby.example',
};

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  manifestVersion: string;
  bots: { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; defaultLanguageFile?: string; additionalLanguages: { languageTag: string; file: string }[] };
}

const filled = (file: string): string => fillPlaceholders(readFileSync(path.join(SOURCE, file), 'utf8'), VALUES, file);
const manifest = JSON.parse(filled('manifest.json')) as Manifest;
const localization = (file: string): Record<string, string> => JSON.parse(filled(file)) as Record<string, string>;
const commandsIn = (scope: string): string[] => manifest.bots[0].commandLists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
const translated = (file: string, scope: string): string[] => {
  const list = manifest.bots[0].commandLists.findIndex((l) => l.scopes.includes(scope));
  return manifest.bots[0].commandLists[list].commands.map((_c, i) => localization(file)[`bots[0].commandLists[${list}].commands[${i}].title`]);
};

describe('the Teams app manifest', () => {
  it('uses manifest schema 1.25 or later and is valid against the official schema shipped by @microsoft/app-manifest', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(125);
    expect(validateAgainstSchema(manifest, manifest.manifestVersion, 'manifest')).toEqual([]);
  });

  it('fails schema validation when the bot id is not a GUID', () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] };
    expect(validateAgainstSchema(broken, manifest.manifestVersion, 'manifest').join('\n')).toMatch(/\/bots\/0\/botId/);
  });

  it('is Danish by default with an English translation, both valid localization files', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('da');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    for (const file of ['da.json', 'en.json']) {
      expect(validateAgainstSchema(localization(file), manifest.manifestVersion, 'localization')).toEqual([]);
    }
  });

  it('offers the bot in personal chat, teams and group chats, accepting files, with one command list per scope', () => {
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(VALUES.BOT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(true);
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it('lists the Danish commands, with setup only where a forum lives (channel, group chat)', () => {
    expect(commandsIn('personal')).toEqual(['hjælp', 'mine opgaver', 'frister', 'dagsorden', 'referat']);
    for (const scope of ['team', 'groupChat']) {
      expect([...commandsIn(scope)].sort()).toEqual(['dagsorden', 'frister', 'hjælp', 'mine opgaver', 'opsæt', 'referat']);
    }
    for (const list of manifest.bots[0].commandLists) for (const c of list.commands) expect(c.description).toBeTruthy();
  });

  it('translates every command to English in the same position and keeps the Danish file identical to the manifest', () => {
    const english: Record<string, string> = {
      hjælp: 'help',
      dagsorden: 'agenda',
      'mine opgaver': 'my tasks',
      frister: 'deadlines',
      referat: 'minutes',
      opsæt: 'setup',
    };
    for (const scope of ['personal', 'team', 'groupChat']) {
      expect(translated('en.json', scope)).toEqual(commandsIn(scope).map((c) => english[c]));
      expect(translated('da.json', scope)).toEqual(commandsIn(scope));
    }
    expect(Object.keys(localization('en.json')).sort()).toEqual(Object.keys(localization('da.json')).sort());
  });

  it('offers only commands the bot understands, the English title calling the same command as the Danish one', () => {
    for (const scope of ['personal', 'team', 'groupChat']) {
      const english = translated('en.json', scope);
      commandsIn(scope).forEach((danish, i) => {
        const called = matchCommand(danish);
        expect({ danish, called: called?.name, args: called?.args }).toEqual({ danish, called: expect.any(String), args: '' });
        expect({ english: english[i], called: matchCommand(english[i])?.name }).toEqual({ english: english[i], called: called?.name });
      });
    }
  });

  it('reserves a configurable meeting tab (side panel, meeting chat, meeting details) under /tab/ on the bot domain', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    const tab = manifest.configurableTabs[0];
    expect(tab.configurationUrl).toBe(`https://${VALUES.BOT_DOMAIN}/tab/config.html`);
    expect([...tab.context].sort()).toEqual(['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']);
    expect([...tab.scopes].sort()).toEqual(['groupChat', 'team']);
    expect(manifest.validDomains).toEqual([VALUES.BOT_DOMAIN]);
  });

  it('asks for the resource-specific permissions that deliver meeting start and end events, with webApplicationInfo', () => {
    const rsc = manifest.authorization.permissions.resourceSpecific;
    expect(rsc).toEqual(
      expect.arrayContaining([
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
      ]),
    );
    expect(manifest.webApplicationInfo).toEqual({ id: VALUES.BOT_ID, resource: `api://${VALUES.BOT_DOMAIN}/${VALUES.BOT_ID}` });
  });
});

describe('the app icons', () => {
  const color = readPng(readFileSync(path.join(SOURCE, 'color.png')));
  const outline = readPng(readFileSync(path.join(SOURCE, 'outline.png')));

  it('are 192x192 (colour) and 32x32 (outline)', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('outline.png is white on a transparent background and nothing else', () => {
    const alphas = new Set<number>();
    const coloured: number[] = [];
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      alphas.add(a);
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) coloured.push(i / 4);
    }
    expect(outline.colorType).toBe(6);
    expect(coloured).toEqual([]);
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });

  it('color.png is opaque', () => {
    const seeThrough = color.rgba.filter((v, i) => i % 4 === 3 && v !== 255);
    expect(seeThrough.length).toBe(0);
  });

  it('are the ones scripts/make-icons.ts draws (regenerate after changing the drawing)', () => {
    expect(Buffer.from(color.rgba).equals(Buffer.from(drawColorIcon()))).toBe(true);
    expect(Buffer.from(outline.rgba).equals(Buffer.from(drawOutlineIcon()))).toBe(true);
  });
});

describe('npm run package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apppackage-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with the filled manifest, both localization files and both icons at its root', () => {
    const outFile = path.join(dir, 'appPackage.zip');
    buildAppPackage({ sourceDir: SOURCE, outFile, values: VALUES });
    const files = readZip(readFileSync(outFile));
    expect([...files.keys()].sort()).toEqual(['color.png', 'da.json', 'en.json', 'manifest.json', 'outline.png']);
    const zipped = files.get('manifest.json')!.toString('utf8');
    expect(zipped).not.toMatch(/\$\{\{/);
    expect(JSON.parse(zipped)).toMatchObject({ id: VALUES.TEAMS_APP_ID, bots: [{ botId: VALUES.BOT_ID }] });
    expect(files.get('outline.png')!.equals(readFileSync(path.join(SOURCE, 'outline.png')))).toBe(true);
    expect(files.get('color.png')!.equals(readFileSync(path.join(SOURCE, 'color.png')))).toBe(true);
  });

  it('refuses a BOT_DOMAIN given as a URL, and ids that are not GUIDs', () => {
    expect(() => readPackageValues({ ...VALUES, BOT_DOMAIN: 'https://followup.bolgeby.example/' })).toThrow(/BOT_DOMAIN .*without scheme/);
    expect(() => readPackageValues({ ...VALUES, BOT_ID: 'my-bot' })).toThrow(/BOT_ID must be a GUID/);
  });

  it('refuses a placeholder it does not fill instead of shipping it', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a toolkit placeholder, not a template
    expect(() => fillPlaceholders('{"x":"${{SSO_APP_ID}}"}', VALUES, 'manifest.json')).toThrow(PackageError);
  });

  it('names a missing variable in one line and exits with 1', async () => {
    const env = { PATH: process.env.PATH, BOT_ID: VALUES.BOT_ID, TEAMS_APP_ID: VALUES.TEAMS_APP_ID };
    const bin = path.join(ROOT, 'node_modules', '.bin', 'ts-node');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(bin, ['--transpile-only', 'scripts/package.ts', '--out', path.join(dir, 'x.zip')], { cwd: ROOT, env }, (_e, _out, stderr) =>
        resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/missing environment variable: BOT_DOMAIN/);
  });
});
