/**
 * `npm run -s followup -- <command> ...`: one table of commands, each in its own file under src/cli/.
 * Every error is one line on stderr; the exit codes are EXIT_CODES (also in `help`).
 */
import { errorLogFields } from './app/errors';
import { EXIT_CODES, EXIT_HELP, USAGE, usageError } from './cli/usage';

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

async function help(io: CliIo): Promise<void> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  io.stdout(`Usage: ${USAGE}\n\nCommands:\n`);
  for (const c of loaded) io.stdout(`  ${c.usage.padEnd(58)} ${c.summary}\n`);
  io.stdout(`  ${'help'.padEnd(58)} This text\n\nExit codes:\n${EXIT_HELP.join('\n')}\n`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return EXIT_CODES.ok;
  }
  // Own properties only: "toString" and friends are not commands.
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) return usageError(io, `Unknown command: ${name.slice(0, 60)} (see "help")`);
  try {
    const command = await load();
    return await command.run(args, io);
  } catch (e) {
    const { code, reason } = errorLogFields(e);
    io.stderr(`${code === 'internal' ? 'Error' : code}: ${reason}\n`);
    return code === 'internal' ? EXIT_CODES.failed : EXIT_CODES.badInput;
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
