/**
 * Recording an item's decision (secretary or chair): ETag-conditional, so two secretaries editing at
 * once get a conflict instead of a silent overwrite, and a Teams retry of the same submit changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Decision, DueDate, FollowUp, FollowUpKind, Forum, Outcome, Owner, ProposalDecision } from '../domain';
import { AppError } from '../domain';
import { scheduleRemindersFor } from '../scheduler/reminders';
import type { Versioned } from '../store/ports';
import { type ActorRef, findItem, loadForum, loadMeeting, requireManager } from './access';
import { refreshItemCards } from './agenda-cards';
import { resolveAssignees, resolveOwner } from './assignees';
import type { AppDeps } from './deps';

/** A follow-up the secretary confirmed (a suggestion, possibly edited) or typed. */
export interface ConfirmedFollowUp {
  text: string;
  kind: FollowUpKind;
  owner: Owner | null;
  due: DueDate | null;
  /** The sentence a suggestion was found in; '' for typed ones. */
  evidence?: string;
}

export interface DecisionInput {
  forumId: string;
  meetingId: string;
  itemNumber: number;
  actor: ActorRef;
  outcome: Outcome;
  outcomeText: string | null;
  proposals: ProposalDecision[];
  text: string;
  followUps: ConfirmedFollowUp[];
  /** ETag of the decision the form was built from; null when there was none. */
  version: string | null;
}

export interface RecordedDecision {
  decision: Versioned<Decision>;
  /** The follow-ups of this submit (created now or by an earlier identical submit). */
  followUps: FollowUp[];
  /** True when an identical decision was already recorded (a retried submit). */
  unchanged: boolean;
  /** The decision this submit replaced (the current one for a retry), or null. */
  previous: Decision | null;
}

function sameDecision(a: Decision, b: Decision): boolean {
  const pick = (d: Decision) => [d.outcome, d.outcomeText, d.text.trim(), d.proposals, d.recordedBy];
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

/** Same content → same id, so a retried submit finds the follow-ups it created the first time. */
function followUpId(input: DecisionInput, f: ConfirmedFollowUp): string {
  const h = createHash('sha256')
    .update(JSON.stringify([input.meetingId, input.itemNumber, f.text.trim(), f.kind, f.owner, f.due]))
    .digest('hex');
  return `fu-${h.slice(0, 32)}`;
}

function toFollowUps(deps: AppDeps, forum: Forum, input: DecisionInput): FollowUp[] {
  const now = deps.clock.now().toISOString();
  const byId = new Map<string, FollowUp>();
  for (const f of input.followUps) {
    const owner = resolveOwner(forum, f.owner);
    const id = followUpId(input, f);
    byId.set(id, {
      id,
      forumId: input.forumId,
      meetingId: input.meetingId,
      itemNumber: input.itemNumber,
      text: f.text.trim(),
      kind: f.kind,
      owner,
      due: f.due,
      evidence: f.evidence ?? '',
      confidence: 1,
      status: 'open',
      assignees: resolveAssignees(forum, owner),
      delegateUserId: null,
      postponements: [],
      updatedAt: now,
    });
  }
  return [...byId.values()];
}

/** Stores the follow-ups not stored yet; returns those newly created. */
async function storeFollowUps(deps: AppDeps, wanted: FollowUp[]): Promise<FollowUp[]> {
  if (wanted.length === 0) return [];
  const existing = new Set((await deps.store.followUps.listByMeeting(wanted[0].forumId, wanted[0].meetingId)).map((f) => f.id));
  const fresh = wanted.filter((f) => !existing.has(f.id));
  if (fresh.length > 0) await deps.store.followUps.createMany(fresh);
  return fresh;
}

async function saveOrDetectRetry(
  deps: AppDeps,
  decision: Decision,
  version: string | null,
): Promise<{ saved: Versioned<Decision>; unchanged: boolean; before: Decision | null }> {
  const current = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
  if (current && sameDecision(current.value, decision)) return { saved: current, unchanged: true, before: current.value };
  const conflict = () =>
    new AppError('conflict', 'The decision was changed by someone else since the form was opened', {
      meetingId: decision.meetingId,
      itemNumber: decision.itemNumber,
    });
  if ((current?.etag ?? null) !== version) throw conflict();
  try {
    return { saved: await deps.store.decisions.save(decision, version), unchanged: false, before: current?.value ?? null };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    const now = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
    if (now && sameDecision(now.value, decision)) return { saved: now, unchanged: true, before: now.value };
    throw conflict();
  }
}

export async function recordDecision(deps: AppDeps, input: DecisionInput): Promise<RecordedDecision> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const manager = requireManager(forum, input.actor);
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  const item = findItem(meeting, input.itemNumber);
  if (input.outcome === 'other' && !input.outcomeText?.trim()) {
    throw new AppError('invalid-input', 'an outcome of "other" needs its own wording');
  }
  const decision: Decision = {
    meetingId: input.meetingId,
    itemNumber: input.itemNumber,
    outcome: input.outcome,
    outcomeText: input.outcome === 'other' ? (input.outcomeText?.trim() ?? null) : null,
    proposals: input.proposals,
    text: input.text.trim(),
    recordedBy: manager.userId,
    recordedAt: deps.clock.now().toISOString(),
  };
  const { saved, unchanged, before } = await saveOrDetectRetry(deps, decision, input.version);
  const followUps = toFollowUps(deps, forum, input);
  const created = await storeFollowUps(deps, followUps);
  for (const f of created) await scheduleRemindersFor(deps, f);
  if (!unchanged || created.length > 0) {
    const ids = { itemNumber: input.itemNumber, followUpIds: created.map((f) => f.id) };
    await deps.store.audit.append({
      forumId: input.forumId,
      at: decision.recordedAt,
      actorUserId: manager.userId,
      action: 'decision.record',
      target: `meeting:${input.meetingId}/item:${input.itemNumber}/decision`,
      // Closed items: ids only, never their content.
      before: item.closed ? (before ? { itemNumber: input.itemNumber } : null) : before,
      after: item.closed ? ids : { ...saved.value, followUpIds: ids.followUpIds },
    });
  }
  await refreshItemCards(deps, forum, meeting, input.itemNumber);
  return { decision: saved, followUps, unchanged, previous: before };
}
