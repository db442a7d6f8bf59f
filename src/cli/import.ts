/**
 * `followup import <file> [--json] [--lang da|en]`: reads an agenda or minutes document and prints
 * the JSON contract of issue 2, or a readable outline. Bad input: exit 1 with one line on stderr.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli';
import { usageError as cliUsageError } from './usage';
import type { Locale } from '../domain';
import { AppError } from '../domain/errors';
import { t } from '../i18n';
import { extractCommunications } from '../minutes/communications';
import { extractFollowUps } from '../minutes/followups';
import { type ImportJson, toImportJson } from '../minutes/import-json';
import { DocumentError, parseDocument } from '../minutes/parse';
import { checkSize, readDocument } from '../minutes/readers';

/** Reads a file the user named, with one-line errors for the usual mistakes. */
export async function readUserFile(file: string): Promise<Buffer> {
  const name = path.basename(file);
  const stat = await fs.stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new AppError(
      e.code === 'ENOENT' ? 'not-found' : 'invalid-input',
      e.code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${e.code ?? e.message})`,
    );
  });
  if (stat.isDirectory()) throw new AppError('invalid-input', `${file} is a folder, not a file`);
  checkSize(name, stat.size);
  return fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('invalid-input', `${file}: cannot be read (${e.code ?? e.message})`);
  });
}

/** Document file → the import contract: parse, then suggest follow-ups and communications. */
export async function importFile(file: string): Promise<ImportJson> {
  const bytes = await readUserFile(file);
  const text = await readDocument({ name: path.basename(file), bytes });
  const { meeting, warnings } = parseDocument(text);
  if (meeting.items.length === 0) throw new DocumentError('parse-failed', `${path.basename(file)} holds no agenda items (no "Punkt N:" lines)`);
  return toImportJson(meeting, { communications: extractCommunications(meeting), followUps: extractFollowUps(meeting), warnings });
}

function short(s: string, max = 110): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function outline(doc: ImportJson, locale: Locale): string {
  const out: string[] = [];
  const head = [
    doc.kind === 'agenda' ? 'DAGSORDEN' : 'REFERAT',
    doc.forum,
    doc.date,
    doc.start ? `kl. ${doc.start}` : '',
    doc.location ? `· ${doc.location}` : '',
  ];
  out.push(head.filter(Boolean).join(' '), t(locale, 'cli.import.items', { count: doc.items.length }), '');
  for (const item of doc.items) {
    const slot = item.timeSlot ? ` (${item.timeSlot.start}-${item.timeSlot.end})` : '';
    const title = item.closed ? t(locale, 'cli.import.closed') : `${item.prefix ? `${item.prefix} - ` : ''}${item.title}${slot}`;
    out.push(`${t(locale, 'cli.import.item', { number: item.number })}: ${title}${item.caseNumber ? `  [${item.caseNumber}]` : ''}`);
    if (item.closed) continue;
    const facts = [`${t(locale, 'cli.import.proposals')}: ${item.proposals.length}`];
    if (item.attachments.length) facts.push(`${t(locale, 'cli.import.attachments')}: ${item.attachments.length}`);
    out.push(`  ${facts.join(' · ')}`);
    if (doc.kind === 'minutes') out.push(`  ${t(locale, 'cli.import.decision')}: ${item.decision ? short(item.decision) : t(locale, 'cli.import.noDecision')}`);
  }
  out.push(
    '',
    `${t(locale, 'cli.import.communications')} (${doc.communications.length}):${doc.communications.length ? '' : ` ${t(locale, 'cli.import.none')}`}`,
  );
  for (const c of doc.communications) out.push(`  - ${short(c.text)}${c.notBefore ? ` (${t(locale, 'cli.import.notBefore', { date: c.notBefore })})` : ''}`);
  out.push('', `${t(locale, 'cli.import.followUps')} (${doc.followUps.length}):`);
  for (const f of doc.followUps) {
    const bits = [
      f.owner ? t(locale, 'cli.import.owner', { owner: f.owner }) : '',
      f.due ? t(locale, 'cli.import.due', { due: `${f.due}${f.dueText ? ` "${f.dueText}"` : ''}` }) : '',
    ];
    out.push(
      `  ${t(locale, 'cli.import.item', { number: f.item })} [${f.kind}]: ${short(f.text, 90)}${bits
        .filter(Boolean)
        .map((b) => ` – ${b}`)
        .join('')}`,
    );
  }
  if (doc.warnings.length) {
    out.push('', `${t(locale, 'cli.import.warnings')} (${doc.warnings.length}):`);
    for (const w of doc.warnings)
      out.push(`  ${w.item === null ? '' : `${t(locale, 'cli.import.item', { number: w.item })}: `}${w.code}: ${short(w.text, 80)}`);
  }
  return `${out.join('\n')}\n`;
}

const usageError = (io: CliIo, message: string): number => cliUsageError(io, message, importCommand.usage);

export const importCommand: CliCommand = {
  summary: 'Read an agenda or minutes (.txt, .md, .docx, .pdf); print its items and follow-ups',
  usage: 'import <file> [--json] [--lang da|en]',
  async run(args, io) {
    let file: string | undefined;
    let json = false;
    let locale: Locale = 'da';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--json') json = true;
      else if (a === '--lang') {
        const v = args[++i];
        if (v !== 'da' && v !== 'en') return usageError(io, '--lang takes da or en');
        locale = v;
      } else if (a.startsWith('-') && a !== '-') return usageError(io, `Unknown option: ${a}`);
      else if (file === undefined) file = a;
      else return usageError(io, `Only one file, got also: ${a}`);
    }
    if (!file) return usageError(io, 'Missing the document to import');
    const doc = await importFile(file);
    io.stdout(json ? `${JSON.stringify(doc, null, 2)}\n` : outline(doc, locale));
    return 0;
  },
};
