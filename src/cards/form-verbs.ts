/**
 * Schemas of the verbs whose cards carry many inputs (setup, decision, communications). Input ids are
 * flat (`fu_0_text`), so each schema reads the flat object and returns a clean, typed shape.
 * Error messages name the field and never echo what the user typed.
 */
import { z } from 'zod';
import { OUTCOMES } from '../domain/decision';
import type { FollowUpKind } from '../domain/followup';
import { parseCommunicationLines } from './communication-lines';
import { id, itemNumber, optionalIsoDate, requiredText, text, toggle } from './fields';

export const PROPOSAL_OUTCOMES = ['approved', 'amended', 'postponed', 'rejected'] as const;
const FOLLOW_UP_KINDS = ['task', 'event', 'return-to-forum', 'communication'] as const satisfies readonly FollowUpKind[];

export const MAX_NEW_FOLLOW_UP_ROWS = 3;
export const MAX_SUGGESTED_ROWS = 20;
export const MAX_DECISION_CHARS = 20_000;
export const MAX_FOLLOW_UP_CHARS = 1_000;

type Ctx = z.RefinementCtx;
type Flat = Record<string, unknown>;

function fail(ctx: Ctx, path: string, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', path: [path], message });
  return z.NEVER;
}

/** A dynamic input field, parsed with `schema`; issues get the field name as path. */
function field<T extends z.ZodType>(flat: Flat, key: string, schema: T, ctx: Ctx): z.output<T> | undefined {
  const r = schema.safeParse(flat[key]);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] });
  return undefined;
}

// ---------- forum.setup ----------

const setupBase = z.looseObject({
  /** Team roster user ids in card order; choice values and `dept_<i>` inputs refer to indexes in it. */
  roster: z.array(id).min(1).max(200),
  forumName: requiredText(100),
  secretary: z.string().trim().regex(/^\d+$/, 'choose the secretary'),
  chair: z.string().trim().regex(/^\d+$/, 'choose the chair'),
  /** Multi-select ChoiceSet: comma-separated roster indexes. */
  members: z
    .string()
    .trim()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
});

export const forumSetupSchema = setupBase.transform((d, ctx) => {
  const at = (key: string, index: string): string => {
    const n = Number(index);
    return Number.isInteger(n) && n >= 0 && n < d.roster.length ? d.roster[n] : fail(ctx, key, 'not a person on the roster');
  };
  const secretaryUserId = at('secretary', d.secretary);
  const chairUserId = at('chair', d.chair);
  const members: { userId: string; department: string | null }[] = [];
  for (const index of new Set(d.members)) {
    const userId = at('members', index);
    const dept = field(d, `dept_${index}`, text(100), ctx);
    members.push({ userId, department: dept ? dept : null });
  }
  if (members.length === 0) return fail(ctx, 'members', 'choose at least one member');
  return { forumName: d.forumName, secretaryUserId, chairUserId, members };
});

// ---------- decision.save ----------

const ownerCode = z.string().regex(/^(?:(m|d|p):.+|a:)$/, 'owner code must be m:<userId>, d:<department>, a: or p:<name>');

const decisionBase = z.looseObject({
  forumId: id,
  meetingId: id,
  itemNumber,
  /** Version (etag) of the decision the form was built from; '' when there was none. */
  version: z
    .string()
    .max(500)
    .optional()
    .transform((s) => (s ? s : null)),
  /** Owner choices: `o<i>` in the owner inputs refers to owners[i]. */
  owners: z.array(ownerCode).max(300).default([]),
  /** One entry per suggested follow-up row `fu_<i>_*`. */
  suggested: z
    .array(
      z.object({
        kind: z.enum(FOLLOW_UP_KINDS),
        due: z.string().default(''),
        dueText: z.string().max(200).default(''),
        /** The recorded follow-up the row edits (absent for suggestions from the text). */
        id: z.string().max(100).optional(),
      }),
    )
    .max(MAX_SUGGESTED_ROWS)
    .default([]),
  /** Number of empty rows `new_<j>_*` on the form. */
  newRows: z.coerce.number().int().min(0).max(MAX_NEW_FOLLOW_UP_ROWS).default(0),
  /** Proposal numbers with a `proposal_<n>` input (items with several proposals). */
  proposalNumbers: z.array(z.coerce.number().int().min(1).max(999)).max(100).default([]),
  outcome: z.enum(OUTCOMES as unknown as [string, ...string[]], 'choose an outcome'),
  outcomeText: text(200),
  decisionText: text(MAX_DECISION_CHARS),
});

export type DecisionOwner =
  | { kind: 'member'; userId: string }
  | { kind: 'department'; name: string }
  | { kind: 'all-chiefs' }
  /** A person outside the roster and the member who answers for them (null: the default, the secretary). */
  | { kind: 'person'; name: string; responsibleUserId: string | null };

export interface SavedFollowUp {
  origin: 'suggested' | 'new';
  /** The recorded follow-up this row edits (absent for a suggestion or a new row). */
  id?: string;
  text: string;
  kind: FollowUpKind;
  owner: DecisionOwner | null;
  /** The due date, with the forum's own words kept when the suggested date was not changed. */
  due: { date: string; text: string | null } | null;
}

function ownerCodeOf(d: z.output<typeof decisionBase>, key: string, ctx: Ctx): string | null {
  const v = field(d, key, text(20), ctx);
  if (!v) return null;
  const m = /^o(\d+)$/.exec(v);
  const code = m ? d.owners[Number(m[1])] : undefined;
  if (code) return code;
  fail(ctx, key, 'unknown owner choice');
  return null;
}

function owner(d: z.output<typeof decisionBase>, key: string, ctx: Ctx): DecisionOwner | null {
  const code = ownerCodeOf(d, key, ctx);
  if (!code) return null;
  const name = code.slice(2);
  if (code.startsWith('a:')) return { kind: 'all-chiefs' };
  if (code.startsWith('p:')) {
    const respKey = key.replace(/owner$/, 'resp');
    const resp = ownerCodeOf(d, respKey, ctx);
    if (resp && !resp.startsWith('m:')) return fail(ctx, respKey, 'the responsible must be a forum member');
    return { kind: 'person', name, responsibleUserId: resp ? resp.slice(2) : null };
  }
  return code.startsWith('m:') ? { kind: 'member', userId: name } : { kind: 'department', name };
}

function followUps(d: z.output<typeof decisionBase>, ctx: Ctx): SavedFollowUp[] {
  const out: SavedFollowUp[] = [];
  for (const [i, s] of d.suggested.entries()) {
    const p = `fu_${i}_`;
    if (!field(d, `${p}keep`, toggle.default(true), ctx)) continue;
    const body = field(d, `${p}text`, text(MAX_FOLLOW_UP_CHARS), ctx);
    if (body === '') {
      fail(ctx, `${p}text`, 'empty; untick the row to drop this suggestion');
      continue;
    }
    const date = field(d, `${p}due`, optionalIsoDate, ctx);
    const due = date ? { date, text: date === s.due && s.dueText ? s.dueText : null } : null;
    out.push({ origin: 'suggested', ...(s.id ? { id: s.id } : {}), text: body ?? '', kind: s.kind, owner: owner(d, `${p}owner`, ctx), due });
  }
  for (let j = 0; j < d.newRows; j++) {
    const p = `new_${j}_`;
    const body = field(d, `${p}text`, text(MAX_FOLLOW_UP_CHARS), ctx);
    const who = owner(d, `${p}owner`, ctx);
    const date = field(d, `${p}due`, optionalIsoDate, ctx);
    if (!body) {
      if (who || date) fail(ctx, `${p}text`, 'a new follow-up with owner or due date needs a text');
      continue;
    }
    out.push({ origin: 'new', text: body, kind: 'task', owner: who, due: date ? { date, text: null } : null });
  }
  return out;
}

export const decisionSaveSchema = decisionBase.transform((d, ctx) => {
  if (d.outcome === 'other' && !d.outcomeText) fail(ctx, 'outcomeText', 'required when the outcome is "other"');
  const proposals = [...new Set(d.proposalNumbers)].map((n) => ({
    proposalNumber: n,
    outcome: field(d, `proposal_${n}`, z.enum(PROPOSAL_OUTCOMES, 'choose an outcome for the proposal'), ctx) ?? 'approved',
  }));
  return {
    forumId: d.forumId,
    meetingId: d.meetingId,
    itemNumber: d.itemNumber,
    version: d.version,
    outcome: d.outcome as (typeof OUTCOMES)[number],
    outcomeText: d.outcome === 'other' ? d.outcomeText : null,
    proposals,
    text: d.decisionText,
    followUps: followUps(d, ctx),
  };
});

// ---------- communications.save ----------

export const communicationsSaveSchema = z
  .object({
    forumId: id,
    meetingId: id,
    itemNumber,
    /** Version (etag) of the meeting the form was built from; '' when unknown. */
    version: z
      .string()
      .max(500)
      .optional()
      .transform((s) => (s ? s : null)),
    lines: z.string().max(50_000, 'at most 50000 characters').optional().default(''),
  })
  .transform((d, ctx) => {
    const parsed = parseCommunicationLines(d.lines);
    if (!parsed.ok) return fail(ctx, 'lines', parsed.error);
    return { forumId: d.forumId, meetingId: d.meetingId, itemNumber: d.itemNumber, version: d.version, messages: parsed.lines };
  });
