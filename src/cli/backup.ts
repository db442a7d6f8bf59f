/**
 * `followup backup --out <dir> [--forum <id>] [--lang da|en]`: one JSON file per forum.
 * `followup restore <dir|file> [--force] [--lang da|en]`: writes those files back into an empty
 * storage; a storage in use is refused unless --force, which merges (src/store/tables/backup.ts). Storage as configured; with the embedded default, the running service's
 * Azurite is used if there is one (see src/store/open.ts).
 */
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli';
import { usageError } from './usage';
import { loadConfig } from '../config';
import type { Locale } from '../domain';
import { AppError } from '../domain/errors';
import { t } from '../i18n';
import { createLogger } from '../logger';
import { parseForumBackup } from '../store/backup-schema';
import { type OpenedStore, openStore } from '../store/open';
import type { ForumBackup } from '../store/ports';

interface Parsed {
  positional: string[];
  flags: Record<string, string>;
}

function parseArgs(args: string[], valued: string[], switches: string[] = []): Parsed {
  const out: Parsed = { positional: [], flags: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) out.positional.push(a);
    else if (switches.includes(a.slice(2))) out.flags[a.slice(2)] = 'true';
    else if (valued.includes(a.slice(2)) && i + 1 < args.length) out.flags[a.slice(2)] = args[++i];
    else throw new AppError('invalid-input', `Unknown or incomplete option ${a}`);
  }
  return out;
}

const localeOf = (flags: Record<string, string>): Locale => (flags.lang === 'en' ? 'en' : 'da');

/** Opens storage as configured; logs go to stderr so stdout stays readable. */
async function withStore<T>(io: CliIo, locale: Locale, fn: (opened: OpenedStore) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env, { instanceId: `${hostname()}-${process.pid}` });
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { write: (s: string) => io.stderr(s) });
  const opened = await openStore(config, logger);
  io.stderr(`${t(locale, 'cli.store.where', { where: opened.describe })}\n`);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

/** A file name for a forum id that is safe on every file system and unique per id. */
export function backupFileName(forumId: string): string {
  const safe = forumId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  return safe === forumId ? `${safe}.json` : `${safe}-${Buffer.from(forumId).toString('hex').slice(-8)}.json`;
}

const counts = (b: ForumBackup) => ({ name: b.forum.name, id: b.forum.id, meetings: b.meetings.length, followUps: b.followUps.length, jobs: b.jobs.length });

export const backupCommand: CliCommand = {
  summary: 'Save every forum (or one) as JSON files, one per forum',
  usage: 'backup --out <dir> [--forum <id>] [--lang da|en]',
  async run(args, io) {
    const { flags } = parseArgs(args, ['out', 'forum', 'lang']);
    const locale = localeOf(flags);
    if (!flags.out) {
      return usageError(io, 'Missing --out <dir>', backupCommand.usage);
    }
    return withStore(io, locale, async ({ store }) => {
      const ids = flags.forum ? [flags.forum] : (await store.forums.list()).map((f) => f.id);
      if (!ids.length) {
        io.stdout(`${t(locale, 'cli.backup.none')}\n`);
        return 0;
      }
      await fs.mkdir(flags.out, { recursive: true });
      for (const id of ids) {
        const backup = await store.exportForum(id);
        const file = path.join(flags.out, backupFileName(id));
        await fs.writeFile(file, `${JSON.stringify(backup, null, 2)}\n`);
        io.stdout(`${t(locale, 'cli.backup.forum', { ...counts(backup), file })}\n`);
      }
      io.stdout(`${t(locale, 'cli.backup.done', { count: ids.length, dir: flags.out })}\n`);
      return 0;
    });
  },
};

async function backupFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target).catch(() => {
    throw new AppError('not-found', `${target}: no such file or folder`);
  });
  if (!stat.isDirectory()) return [target];
  const names = (await fs.readdir(target)).filter((n) => n.endsWith('.json') && n !== 'azurite.json').sort();
  return names.map((n) => path.join(target, n));
}

async function readBackup(file: string): Promise<ForumBackup> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new AppError('invalid-input', `${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return parseForumBackup(raw, file);
}

export const restoreCommand: CliCommand = {
  summary: 'Write forums back from backup files into an empty storage (--force: merge into one in use)',
  usage: 'restore <dir|file> [--force] [--lang da|en]',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, ['lang'], ['force']);
    const locale = localeOf(flags);
    if (positional.length !== 1) {
      return usageError(io, 'Give one backup folder or file', restoreCommand.usage);
    }
    const files = await backupFiles(positional[0]);
    if (!files.length) {
      io.stderr(`${t(locale, 'cli.restore.none', { dir: positional[0] })}\n`);
      return 1;
    }
    // Read and check every file before writing anything.
    const backups = await Promise.all(files.map(async (file) => ({ file, backup: await readBackup(file) })));
    return withStore(io, locale, async ({ store }) => {
      const inUse = await store.tablesInUse();
      if (inUse.length && !flags.force) {
        io.stderr(`${t(locale, 'cli.restore.in-use', { tables: inUse.join(', ') })}\n`);
        return 1;
      }
      if (inUse.length) io.stderr(`${t(locale, 'cli.restore.merging')}\n`);
      for (const { file, backup } of backups) {
        await store.importForum(backup, { merge: inUse.length > 0 });
        io.stdout(`${t(locale, 'cli.restore.forum', { ...counts(backup), file })}\n`);
      }
      io.stdout(`${t(locale, 'cli.restore.done', { count: backups.length })}\n`);
      return 0;
    });
  },
};
