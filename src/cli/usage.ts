/** What every CLI command shares about usage: the one-line usage error and the exit codes. */
import type { CliIo } from '../cli';

export const USAGE = 'npm run -s followup -- <command> [options]';

/** Exit codes of every command. */
export const EXIT_CODES = { ok: 0, badInput: 1, usage: 2, failed: 3 } as const;

export const EXIT_HELP = [
  `  ${EXIT_CODES.ok}  done`,
  `  ${EXIT_CODES.badInput}  bad input or refused (the reason on stderr)`,
  `  ${EXIT_CODES.usage}  usage: unknown command, option or missing argument`,
  `  ${EXIT_CODES.failed}  unexpected failure`,
];

/** A usage error: one line on stderr naming the problem and the command's usage. */
export function usageError(io: CliIo, message: string, usage = USAGE): number {
  io.stderr(`${message.replace(/\.$/, '')}. Usage: ${usage}\n`);
  return EXIT_CODES.usage;
}
