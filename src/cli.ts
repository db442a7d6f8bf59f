/**
 * `npm run -s followup -- <command> ...`: one table of commands, each in its own file under src/cli/.
 * Exit codes: 0 ok, 1 bad input (one-line reason on stderr), 2 usage.
 */
import { AppError, asAppError } from './domain/errors';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
}

export type CliCommand = {
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

const commands: Record<string, () => Promise<CliCommand>> = {
  // Each area registers its commands here, e.g. import: async () => (await import('./cli/import')).importCommand,
  backup: async () => (await import('./cli/backup')).backupCommand,
  restore: async () => (await import('./cli/backup')).restoreCommand,
  import: async () => (await import('./cli/import')).importCommand,
  export: async () => (await import('./cli/export')).exportCommand,
  sweep: async () => (await import('./cli/sweep')).sweepCommand,
};

function help(io: CliIo, loaded: [string, CliCommand][]): void {
  io.stdout('Usage: npm run -s followup -- <command> [options]\n\nCommands:\n');
  for (const [, c] of loaded) io.stdout(`  ${c.usage.padEnd(58)} ${c.summary}\n`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h' || !(name in commands)) {
    const loaded = await Promise.all(Object.entries(commands).map(async ([n, load]) => [n, await load()] as [string, CliCommand]));
    help(io, loaded);
    if (name && !['help', '--help', '-h'].includes(name)) {
      io.stderr(`Unknown command: ${name}\n`);
      return 2;
    }
    return 0;
  }
  try {
    const command = await commands[name]();
    return await command.run(args, io);
  } catch (e) {
    const err = asAppError(e);
    io.stderr(`${err.code === 'internal' ? 'Error' : err.code}: ${err.message.split('\n')[0]}\n`);
    return err instanceof AppError && err.code !== 'internal' ? 1 : 3;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
