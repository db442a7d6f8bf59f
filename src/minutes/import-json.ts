/**
 * The JSON contract of `followup import --json` (issue 2; tools outside the project rely on it), and
 * the reading of a meeting JSON for `followup export`: either that contract or a stored Meeting.
 */
import { z } from 'zod';
import type { AgendaItem, Communication, FollowUpSuggestion, ParsedMeeting, ParseWarning, Section, TimeSlot } from '../domain';
import { AppError } from '../domain/errors';
import type { MinutesDocument } from './export';

export interface ImportItemJson {
  number: number;
  title: string;
  caseNumber: string | null;
  timeSlot: TimeSlot | null;
  closed: boolean;
  proposals: string[];
  decision: string | null;
  attachments: string[];
  prefix: string | null;
  writtenBriefing: boolean;
  standing: AgendaItem['standing'];
  recommendedBy: string | null;
  sections: Section[];
}

export interface ImportJson {
  kind: ParsedMeeting['kind'];
  forum: string;
  date: string;
  start: string | null;
  location: string | null;
  items: ImportItemJson[];
  communications: { text: string; notBefore: string | null; notBeforeText: string | null; departments: string[] }[];
  followUps: {
    item: number;
    text: string;
    kind: FollowUpSuggestion['kind'];
    owner: string | null;
    ownerKind: string | null;
    due: string | null;
    dueFrom: string | null;
    dueText: string | null;
    precision: string | null;
    confidence: number;
    evidence: string;
  }[];
  warnings: ParseWarning[];
}

/** A closed item shows its number, title and case number only, whatever the parser found. */
function itemJson(item: AgendaItem): ImportItemJson {
  const open = !item.closed;
  return {
    number: item.number,
    title: item.title,
    caseNumber: item.caseNumber,
    timeSlot: item.timeSlot,
    closed: item.closed,
    proposals: open ? item.proposals.map((p) => p.text) : [],
    decision: open ? item.decision : null,
    attachments: open ? item.attachments : [],
    prefix: item.prefix,
    writtenBriefing: open && item.writtenBriefing,
    standing: open ? item.standing : null,
    recommendedBy: open ? item.recommendedBy : null,
    sections: open ? item.sections : [],
  };
}

export function toImportJson(
  meeting: ParsedMeeting,
  extra: { communications: Omit<Communication, 'id'>[]; followUps: FollowUpSuggestion[]; warnings: ParseWarning[] },
): ImportJson {
  const closed = new Set(meeting.items.filter((i) => i.closed).map((i) => i.number));
  return {
    kind: meeting.kind,
    forum: meeting.forumName,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    items: meeting.items.map(itemJson),
    communications: extra.communications.map((c) => ({ text: c.text, notBefore: c.notBefore, notBeforeText: c.notBeforeText, departments: c.departments })),
    followUps: extra.followUps
      .filter((f) => !closed.has(f.itemNumber))
      .map((f) => ({
        item: f.itemNumber,
        text: f.text,
        kind: f.kind,
        owner: f.owner?.name ?? null,
        ownerKind: f.owner?.kind ?? null,
        due: f.due?.due ?? null,
        dueFrom: f.due?.dueFrom ?? null,
        dueText: f.due?.text ?? null,
        precision: f.due?.precision ?? null,
        confidence: f.confidence,
        evidence: f.evidence,
      })),
    warnings: extra.warnings.filter((w) => w.item === null || !closed.has(w.item)),
  };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');
const sectionKind = z.enum(['occasion', 'case', 'supplementaryCase', 'recommendation', 'history', 'decision', 'attachments', 'process', 'economy', 'other']);

const itemSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  prefix: z.string().nullable().default(null),
  caseNumber: z.string().nullable().default(null),
  timeSlot: z.object({ start: hhmm, end: hhmm }).nullable().default(null),
  closed: z.boolean().default(false),
  writtenBriefing: z.boolean().default(false),
  standing: z.enum(['approval', 'communication', 'any-other-business']).nullable().default(null),
  sections: z.array(z.object({ kind: sectionKind, heading: z.string(), body: z.string() })).default([]),
  recommendedBy: z.string().nullable().default(null),
  /** Strings in the import contract, `{ number, text }` in a stored Meeting. */
  proposals: z.array(z.union([z.string(), z.object({ number: z.number().int().optional(), text: z.string() })])).default([]),
  decision: z.string().nullable().default(null),
  attachments: z.array(z.string()).default([]),
});

const meetingSchema = z
  .object({
    kind: z.enum(['agenda', 'minutes']),
    /** `forum` in the import contract, `forumName` in a stored Meeting. */
    forum: z.string().min(1).optional(),
    forumName: z.string().min(1).optional(),
    date: isoDate,
    start: hhmm.nullable().default(null),
    location: z.string().nullable().default(null),
    items: z.array(itemSchema).min(1, 'a meeting needs at least one item'),
    communications: z
      .array(
        z.object({
          text: z.string(),
          notBefore: isoDate.nullable().default(null),
          notBeforeText: z.string().nullable().default(null),
          departments: z.array(z.string()).default([]),
        }),
      )
      .default([]),
  })
  .refine((m) => m.forum !== undefined || m.forumName !== undefined, { message: 'missing "forum" (or "forumName")', path: ['forum'] });

function issuePath(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(top level)'
  );
}

/** Reads an import JSON or a stored Meeting JSON; AppError('invalid-input') names the first problems. */
export function meetingFromJson(source: string, value: unknown): MinutesDocument {
  const parsed = meetingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((i) => `${issuePath(i.path)}: ${i.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    throw new AppError('invalid-input', `${source} is not a meeting: ${problems.join('; ')}${more}`);
  }
  const m = parsed.data;
  return {
    kind: m.kind,
    forumName: (m.forum ?? m.forumName)!,
    date: m.date,
    start: m.start,
    location: m.location,
    communications: m.communications,
    items: m.items.map((i) => ({ ...i, proposals: i.proposals.map((p, n) => ({ number: n + 1, text: typeof p === 'string' ? p : p.text })) })),
  };
}
