/**
 * `followup export <meeting.json> --format md|docx -o <file>`: draws a meeting (the import JSON or a
 * stored Meeting) as Markdown or Word in the forum's layout. Markdown without -o goes to stdout.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli';
import { usageError as cliUsageError } from './usage';
import { AppError } from '../domain/errors';
import { t } from '../i18n';
import { renderDocx, renderMarkdown } from '../minutes/export';
import { meetingFromJson } from '../minutes/import-json';
import { readUserFile } from './import';

type Format = 'md' | 'docx';

const usageError = (io: CliIo, message: string): number => cliUsageError(io, message, exportCommand.usage);

function parseJson(source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('invalid-input', `${source} is not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

interface ExportArgs {
  input: string;
  format: Format;
  output: string | null;
}

function parseArgs(args: string[]): ExportArgs | string {
  let input: string | undefined;
  let format: string | undefined;
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a === '-f') format = args[++i];
    else if (a === '-o' || a === '--output') output = args[++i] ?? '';
    else if (a.startsWith('-')) return `Unknown option: ${a}`;
    else if (input === undefined) input = a;
    else return `Only one meeting file, got also: ${a}`;
  }
  if (!input) return 'Missing the meeting JSON to export';
  if (output === '') return '-o needs a file name';
  format ??= output?.toLowerCase().endsWith('.docx') ? 'docx' : 'md';
  if (format !== 'md' && format !== 'docx') return `--format takes md or docx, not ${format}`;
  if (format === 'docx' && !output) return 'A .docx needs -o <file>';
  return { input, format, output };
}

export const exportCommand: CliCommand = {
  summary: "Write a meeting (import JSON or stored meeting) as Markdown or .docx in the forum's layout",
  usage: 'export <meeting.json> --format md|docx -o <file>',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') return usageError(io, parsed);
    const source = path.basename(parsed.input);
    const doc = meetingFromJson(source, parseJson(source, (await readUserFile(parsed.input)).toString('utf8')));
    const bytes = parsed.format === 'docx' ? await renderDocx(doc) : Buffer.from(renderMarkdown(doc), 'utf8');
    if (!parsed.output) {
      io.stdout(bytes.toString('utf8'));
      return 0;
    }
    await fs.writeFile(parsed.output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new AppError('invalid-input', `${parsed.output}: cannot be written (${e.code ?? e.message})`);
    });
    io.stdout(`${t('da', 'cli.export.wrote', { file: parsed.output, bytes: bytes.length })}\n`);
    return 0;
  },
};
