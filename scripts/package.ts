/**
 * `npm run package`: builds the Teams app package.
 *
 *   BOT_ID=<guid> TEAMS_APP_ID=<guid> BOT_DOMAIN=<host> npm run package [-- --out <file.zip>]
 *
 * Fills `${{BOT_ID}}`, `${{TEAMS_APP_ID}}` and `${{BOT_DOMAIN}}` in appPackage/manifest.json and its
 * localization files, validates them offline against the official schema of the manifest's version,
 * and writes build/appPackage.zip (manifest.json, da.json, en.json, color.png, outline.png at the root).
 * This file is an entry point: it reads the environment at the bottom and passes values down.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateAgainstSchema } from './manifest-schema';
import { createZip, type ZipEntry } from './zip';

export const PLACEHOLDERS = ['BOT_ID', 'TEAMS_APP_ID', 'BOT_DOMAIN'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PackageValues = Record<Placeholder, string>;

/** A problem the person running the script can fix; the message is what they see. */
export class PackageError extends Error {}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

const HINTS: Record<Placeholder, string> = {
  BOT_ID: "the bot's Microsoft app id, a GUID",
  TEAMS_APP_ID: 'the Teams app id, a GUID',
  BOT_DOMAIN: 'the public host name of the service, e.g. followup.example.org',
};

/** Picks and checks the three values from an environment; one-line PackageError naming what is wrong. */
export function readPackageValues(env: Record<string, string | undefined>): PackageValues {
  const missing = PLACEHOLDERS.filter((k) => !env[k]?.trim());
  if (missing.length > 0) {
    const what = missing.map((k) => `${k} (${HINTS[k]})`).join('; ');
    throw new PackageError(`missing environment variable${missing.length > 1 ? 's' : ''}: ${what}`);
  }
  const values = Object.fromEntries(PLACEHOLDERS.map((k) => [k, env[k]!.trim()])) as PackageValues;
  for (const k of ['BOT_ID', 'TEAMS_APP_ID'] as const) {
    if (!GUID.test(values[k])) throw new PackageError(`${k} must be a GUID like 00000000-0000-0000-0000-000000000000, got "${values[k]}"`);
  }
  if (!HOST.test(values.BOT_DOMAIN)) {
    throw new PackageError(`BOT_DOMAIN must be a lower-case host name without scheme, port or path (e.g. followup.example.org), got "${values.BOT_DOMAIN}"`);
  }
  return values;
}

/** Replaces every `${{NAME}}`; a placeholder this script does not know is an error, not left behind. */
export function fillPlaceholders(text: string, values: PackageValues, file: string): string {
  return text.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new PackageError(`${file} uses \${{${name}}}, which npm run package does not fill (it fills ${PLACEHOLDERS.join(', ')})`);
    }
    return values[name as Placeholder];
  });
}

interface ManifestShape {
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: { file?: unknown }[] };
}

function readJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PackageError(`${file} is not valid JSON after filling placeholders: ${(e as Error).message}`);
  }
}

function assertValid(errors: string[], file: string): void {
  if (errors.length === 0) return;
  const shown = errors.slice(0, 5).join('; ');
  throw new PackageError(`${file} does not match the Teams schema: ${shown}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`);
}

function packagedFiles(manifest: ManifestShape): { localizations: string[]; icons: string[] } {
  const loc = manifest.localizationInfo;
  const localizations = [loc?.defaultLanguageFile, ...(loc?.additionalLanguages ?? []).map((l) => l.file)].filter((f): f is string => typeof f === 'string');
  const icons = [manifest.icons?.color, manifest.icons?.outline].filter((f): f is string => typeof f === 'string');
  return { localizations, icons };
}

function readSource(sourceDir: string, name: string): Buffer {
  const file = path.join(sourceDir, name);
  if (!existsSync(file)) throw new PackageError(`appPackage/manifest.json refers to ${name}, which is not in ${sourceDir}`);
  return readFileSync(file);
}

export interface BuildOptions {
  /** The folder with manifest.json, localization files and icons (appPackage/). */
  sourceDir: string;
  outFile: string;
  values: PackageValues;
}

/** Fills, validates and zips; returns the names of the files in the zip. */
export function buildAppPackage({ sourceDir, outFile, values }: BuildOptions): string[] {
  const manifestText = fillPlaceholders(readSource(sourceDir, 'manifest.json').toString('utf8'), values, 'manifest.json');
  const manifest = readJson('manifest.json', manifestText) as ManifestShape;
  if (typeof manifest.manifestVersion !== 'string') throw new PackageError('manifest.json has no manifestVersion');
  const version = manifest.manifestVersion;
  assertValid(validateAgainstSchema(manifest, version, 'manifest'), 'manifest.json');

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }];
  const { localizations, icons } = packagedFiles(manifest);
  for (const name of localizations) {
    const text = fillPlaceholders(readSource(sourceDir, name).toString('utf8'), values, name);
    assertValid(validateAgainstSchema(readJson(name, text), version, 'localization'), name);
    entries.push({ name, data: Buffer.from(text, 'utf8') });
  }
  for (const name of icons) entries.push({ name, data: readSource(sourceDir, name) });

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, createZip(entries));
  return entries.map((e) => e.name);
}

function main(env: Record<string, string | undefined>, argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  const outArg = argv.indexOf('--out');
  const outFile = path.resolve(outArg >= 0 && argv[outArg + 1] ? argv[outArg + 1] : path.join(root, 'build', 'appPackage.zip'));
  try {
    const files = buildAppPackage({ sourceDir: path.join(root, 'appPackage'), outFile, values: readPackageValues(env) });
    process.stdout.write(`Wrote ${path.relative(process.cwd(), outFile) || outFile}: ${files.join(', ')}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    process.stderr.write(`npm run package: ${e.message}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.env, process.argv.slice(2));
