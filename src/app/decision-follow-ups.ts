/**
 * The follow-ups of a decision as the secretary confirmed them in the form, made true in storage:
 * new ones created, kept ones (matched by the id the form carried) updated in place, and those of the
 * previous version that the secretary removed dismissed with their reminders cancelled. A retried
 * submit changes nothing.
 */
import { createHash } from 'node:crypto';
import type { DueDate, FollowUp, FollowUpKind, Forum, Owner } from '../domain';
import { updateFollowUp } from './followups';
import { cancelRemindersFor, scheduleRemindersFor, withPlannedCatchUp } from './reminders';
import { resolveAssignees, resolveOwner } from './assignees';
import type { AppDeps } from './deps';

/** A follow-up the secretary confirmed (a suggestion, possibly edited), typed, or kept from before. */
export interface ConfirmedFollowUp {
  /** The recorded follow-up this row edits (the form carries it); absent for suggestions and new rows. */
  id?: string;
  text: string;
  kind: FollowUpKind;
  owner: Owner | null;
  due: DueDate | null;
  /** The sentence a suggestion was found in; '' for typed ones. */
  evidence?: string;
}

export interface FollowUpChanges {
  /** Every follow-up the decision now has, as stored. */
  wanted: FollowUp[];
  created: FollowUp[];
  updated: FollowUp[];
  dismissed: FollowUp[];
}

interface ItemRef {
  forumId: string;
  meetingId: string;
  itemNumber: number;
}

/** Same content → same id, so a retried submit finds the follow-ups it created the first time. */
function contentId(ref: ItemRef, f: ConfirmedFollowUp): string {
  const h = createHash('sha256')
    .update(JSON.stringify([ref.meetingId, ref.itemNumber, f.text.trim(), f.kind, f.owner, f.due]))
    .digest('hex');
  return `fu-${h.slice(0, 32)}`;
}

const content = (f: FollowUp) => JSON.stringify([f.text, f.kind, f.owner, f.due, [...f.assignees].sort()]);

/** An existing follow-up the form asks for again: a dismissed (or suggested) one is open again. */
function reopened(before: FollowUp, fields: Partial<FollowUp>): FollowUp {
  if (before.status !== 'dismissed' && before.status !== 'suggested') return { ...before, ...fields };
  return { ...before, ...fields, status: 'open', resolvedAt: null };
}

/** The follow-ups the form asks for, each with its id: the edited one's, or one derived from its content. */
function wantedFollowUps(deps: AppDeps, forum: Forum, ref: ItemRef, rows: ConfirmedFollowUp[], existing: Map<string, FollowUp>): FollowUp[] {
  const now = deps.clock.now().toISOString();
  const byId = new Map<string, FollowUp>();
  for (const row of rows) {
    const owner = resolveOwner(forum, row.owner);
    const id = row.id && existing.has(row.id) ? row.id : contentId(ref, row);
    const before = existing.get(id);
    const fields = { text: row.text.trim(), kind: row.kind, owner, due: row.due, assignees: resolveAssignees(forum, owner) };
    byId.set(
      id,
      before
        ? reopened(before, fields)
        : {
            id,
            ...ref,
            ...fields,
            evidence: row.evidence ?? '',
            confidence: 1,
            status: 'open',
            delegateUserId: null,
            postponements: [],
            updatedAt: now,
            createdAt: now,
          },
    );
  }
  return [...byId.values()];
}

/** What saving `rows` would change, without changing anything (for the stale-form check). */
export async function planFollowUps(deps: AppDeps, forum: Forum, ref: ItemRef, rows: ConfirmedFollowUp[]): Promise<FollowUpChanges> {
  const all = await deps.store.followUps.listByMeeting(ref.forumId, ref.meetingId);
  const existing = new Map(all.filter((f) => f.itemNumber === ref.itemNumber).map((f) => [f.id, f]));
  const wanted = wantedFollowUps(deps, forum, ref, rows, existing);
  const wantedIds = new Set(wanted.map((f) => f.id));
  return {
    wanted,
    created: wanted.filter((f) => !existing.has(f.id)),
    updated: wanted.filter((f) => {
      const before = existing.get(f.id);
      return !!before && (content(before) !== content(f) || before.status !== f.status);
    }),
    dismissed: [...existing.values()].filter((f) => (f.status === 'open' || f.status === 'suggested') && !wantedIds.has(f.id)),
  };
}

export function hasChanges(c: FollowUpChanges): boolean {
  return c.created.length + c.updated.length + c.dismissed.length > 0;
}

/**
 * What the decision's follow-ups are, as one digest of their ids and contents. The decision row
 * carries it, so a submit whose decision and follow-ups are already recorded is known as such even
 * when the save that recorded them was cut off before its follow-ups were written.
 */
export function followUpsKey(wanted: FollowUp[]): string {
  const rows = wanted.map((f) => [f.id, f.text, f.kind, f.owner, f.due, [...f.assignees].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
}

export interface ApplyOptions {
  /** Called before a follow-up is dismissed (its audit entry: idempotent, so a cut-off save can write it again). */
  beforeDismiss?: (f: FollowUp) => Promise<void>;
  /** Ensure the reminders of every wanted open follow-up, not only of those created now (the repair of a cut-off save). */
  remindAll?: boolean;
  /** Follow-ups are created only once this has resolved (the decision's audit entry); reminders need not wait. */
  createAfter?: Promise<unknown>;
}

/** New follow-ups carry their planned catch-up (docs/reminders.md) from the start. */
async function withCatchUps(deps: AppDeps, plan: FollowUpChanges): Promise<FollowUpChanges> {
  if (plan.created.length === 0) return plan;
  const created = await Promise.all(plan.created.map((f) => withPlannedCatchUp(deps, f)));
  const byId = new Map(created.map((f) => [f.id, f]));
  return { ...plan, created, wanted: plan.wanted.map((f) => byId.get(f.id) ?? f) };
}

/**
 * Applies a plan: creates, updates (conditional, retried) and dismisses; reminders follow. Every
 * step is idempotent (content ids, deterministic job ids), so applying the same plan again after a
 * crash completes it.
 */
export async function applyFollowUps(deps: AppDeps, planned: FollowUpChanges, opts: ApplyOptions = {}): Promise<FollowUpChanges> {
  const now = deps.clock.now().toISOString();
  const plan = await withCatchUps(deps, planned);
  const createdIds = new Set(plan.created.map((f) => f.id));
  const updatedIds = new Set(plan.updated.map((f) => f.id));
  // A reminder job is only a wake-up call (what it says is worked out when it is sent), so the jobs
  // are written alongside the follow-ups, not after them; each follow-up's independently of the others'.
  const remind = plan.wanted.filter((f) => createdIds.has(f.id) || (opts.remindAll && !updatedIds.has(f.id)));
  const create = async () => {
    if (plan.created.length > 0) await deps.store.followUps.createMany(plan.created, { after: opts.createAfter });
    else await opts.createAfter;
  };
  await Promise.all([create(), ...remind.map((f) => scheduleRemindersFor(deps, f))]);
  const updated: FollowUp[] = [];
  for (const f of plan.updated) {
    const { before, after } = await updateFollowUp(deps, f.forumId, f.id, (cur) => ({
      ...cur,
      text: f.text,
      kind: f.kind,
      owner: f.owner,
      due: f.due,
      assignees: f.assignees,
      status: f.status,
      ...(f.status === 'open' && cur.status !== 'open' ? { resolvedAt: null } : {}),
      updatedAt: now,
    }));
    await cancelRemindersFor(deps, before);
    await scheduleRemindersFor(deps, after);
    updated.push(after);
  }
  const dismissed: FollowUp[] = [];
  for (const f of plan.dismissed) {
    await opts.beforeDismiss?.(f);
    const { after, changed } = await updateFollowUp(deps, f.forumId, f.id, (cur) =>
      cur.status === 'open' || cur.status === 'suggested' ? { ...cur, status: 'dismissed', updatedAt: now, resolvedAt: now } : null,
    );
    if (!changed) continue;
    await cancelRemindersFor(deps, f);
    dismissed.push(after);
  }
  const final = new Map([...updated].map((f) => [f.id, f]));
  return { wanted: plan.wanted.map((f) => final.get(f.id) ?? f), created: plan.created, updated, dismissed };
}
