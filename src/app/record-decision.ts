/**
 * Recording an item's decision (secretary or chair): ETag-conditional, so two secretaries editing at
 * once get a conflict instead of a silent overwrite, and a Teams retry of the same submit changes nothing.
 * The follow-ups follow the form (src/app/decision-follow-ups.ts): kept, edited, added or dismissed.
 */
import type { AuditEntry, Decision, FollowUp, Outcome, ProposalDecision } from '../domain';
import { AppError } from '../domain';
import type { Versioned } from '../store/ports';
import { type ActorRef, findItem, loadForum, loadMeeting, requireManager } from './access';
import { refreshItemCards } from './agenda-cards';
import { applyFollowUps, type ConfirmedFollowUp, type FollowUpChanges, followUpsKey, hasChanges, planFollowUps } from './decision-follow-ups';
import type { AppDeps } from './deps';

export type { ConfirmedFollowUp } from './decision-follow-ups';

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
  /** The decision's follow-ups after this submit (created, kept or edited now, or by an earlier identical submit). */
  followUps: FollowUp[];
  /** True when an identical decision was already recorded (a retried submit). */
  unchanged: boolean;
  /** The decision this submit replaced (the current one for a retry), or null. */
  previous: Decision | null;
}

function conflictError(decision: Decision): AppError {
  return new AppError('conflict', 'The decision was changed by someone else since the form was opened', {
    meetingId: decision.meetingId,
    itemNumber: decision.itemNumber,
  });
}

function sameDecision(a: Decision, b: Decision): boolean {
  const pick = (d: Decision) => [d.outcome, d.outcomeText, d.text.trim(), d.proposals, d.recordedBy];
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

/**
 * True when `stored` already records this submit: the same decision with the same follow-ups. A
 * decision stored before decisions carried `followUpsKey` counts when the follow-ups need no change.
 */
function recordsThis(stored: Decision, decision: Decision, key: string, plan: FollowUpChanges): boolean {
  if (!sameDecision(stored, decision)) return false;
  return stored.followUpsKey === undefined ? !hasChanges(plan) : stored.followUpsKey === key;
}

/**
 * Commits the decision (ETag-conditional on the form's version) unless it already records this
 * submit (a Teams retry, the same click after a crash, or saving an unchanged form). A decision whose
 * follow-ups changed is saved again too, so its version moves and a form built on the old version
 * gets a conflict instead of undoing those follow-ups.
 */
async function commitOrDetectRetry(
  deps: AppDeps,
  decision: Decision,
  version: string | null,
  plan: FollowUpChanges,
): Promise<{ saved: Versioned<Decision>; unchanged: boolean; before: Decision | null }> {
  const current = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
  const key = decision.followUpsKey ?? '';
  if (current && recordsThis(current.value, decision, key, plan)) return { saved: current, unchanged: true, before: current.value };
  const conflict = () => conflictError(decision);
  if ((current?.etag ?? null) !== version) throw conflict();
  try {
    return { saved: await deps.store.decisions.save(decision, version), unchanged: false, before: current?.value ?? null };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    const now = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
    if (now && recordsThis(now.value, decision, key, plan)) return { saved: now, unchanged: true, before: now.value };
    throw conflict();
  }
}

interface AuditContext {
  forumId: string;
  meetingId: string;
  itemNumber: number;
  closed: boolean;
  actorUserId: string;
}

function decisionAudit(c: AuditContext, saved: Decision, before: Decision | null, plan: FollowUpChanges): AuditEntry {
  const ids = {
    itemNumber: c.itemNumber,
    followUpIds: plan.created.map((f) => f.id),
    updatedFollowUpIds: plan.updated.map((f) => f.id),
    dismissedFollowUpIds: plan.dismissed.map((f) => f.id),
  };
  const { itemNumber: _n, ...followUpIds } = ids;
  return {
    forumId: c.forumId,
    at: saved.recordedAt,
    actorUserId: c.actorUserId,
    action: 'decision.record',
    target: `meeting:${c.meetingId}/item:${c.itemNumber}/decision`,
    // Closed items: ids only, never their content.
    before: c.closed ? (before ? { itemNumber: c.itemNumber } : null) : before,
    after: c.closed ? ids : { ...saved, ...followUpIds },
  };
}

/**
 * The repair of a save cut off after its commit: the decision.record entry is written right after the
 * commit, before any follow-up, so when it is missing the plan is still the one the save had.
 */
async function ensureDecisionAudit(deps: AppDeps, c: AuditContext, saved: Decision, plan: FollowUpChanges): Promise<void> {
  const target = `meeting:${c.meetingId}/item:${c.itemNumber}/decision`;
  const since = await deps.store.audit.listByForum(c.forumId, { since: saved.recordedAt, limit: 100 });
  if (since.some((a) => a.action === 'decision.record' && a.target === target && a.at === saved.recordedAt)) return;
  const before = (await deps.store.decisions.history(c.meetingId, c.itemNumber)).at(-1) ?? null;
  await deps.store.audit.append(decisionAudit({ ...c, actorUserId: saved.recordedBy }, saved, before, plan));
}

/**
 * Order of writes (docs/storage.md, "Multi-row writes converge"): the decision row (the commit; it
 * names its follow-ups by `followUpsKey`) → its audit entry → the follow-ups and their reminder jobs →
 * dismissals → the cards. A crash before the commit leaves nothing; after it, the same click again
 * finds the decision recording this submit and completes the rest.
 */
export async function recordDecision(deps: AppDeps, input: DecisionInput): Promise<RecordedDecision> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const manager = requireManager(forum, input.actor);
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  const item = findItem(meeting, input.itemNumber);
  if (input.outcome === 'other' && !input.outcomeText?.trim()) {
    throw new AppError('invalid-input', 'an outcome of "other" needs its own wording');
  }
  const ref = { forumId: input.forumId, meetingId: input.meetingId, itemNumber: input.itemNumber };
  const plan = await planFollowUps(deps, forum, ref, input.followUps);
  const decision: Decision = {
    meetingId: input.meetingId,
    itemNumber: input.itemNumber,
    outcome: input.outcome,
    outcomeText: input.outcome === 'other' ? (input.outcomeText?.trim() ?? null) : null,
    proposals: input.proposals,
    text: input.text.trim(),
    recordedBy: manager.userId,
    recordedAt: deps.clock.now().toISOString(),
    followUpsKey: followUpsKey(plan.wanted),
  };
  const { saved, unchanged, before } = await commitOrDetectRetry(deps, decision, input.version, plan);
  const audit: AuditContext = { ...ref, closed: item.closed, actorUserId: manager.userId };
  // The audit entry comes before the follow-ups (its repair plans from them); the reminders need not wait.
  const audited = unchanged ? ensureDecisionAudit(deps, audit, saved.value, plan) : deps.store.audit.append(decisionAudit(audit, saved.value, before, plan));
  audited.catch(() => undefined);
  // A retry completes what a cut-off save left: follow-ups changed by someone else since the decision
  // was recorded (a postponement, say) are theirs, not leftovers, and stay as they are.
  const leftover = unchanged ? withoutLaterChanges(plan, saved.value.recordedAt) : plan;
  const changes = await applyFollowUps(deps, leftover, {
    remindAll: unchanged,
    createAfter: audited,
    beforeDismiss: (f) =>
      deps.store.audit.append({
        forumId: input.forumId,
        at: saved.value.recordedAt,
        actorUserId: saved.value.recordedBy,
        action: 'followup.dismiss',
        target: `meeting:${input.meetingId}/item:${input.itemNumber}/followup:${f.id}`,
        before: { status: 'open' },
        after: { status: 'dismissed', reason: 'removed from the decision' },
      }),
  });
  await audited;
  await refreshItemCards(deps, forum, meeting, input.itemNumber);
  return { decision: saved, followUps: changes.wanted, unchanged, previous: before };
}

function withoutLaterChanges(plan: FollowUpChanges, recordedAt: string): FollowUpChanges {
  const untouched = (f: FollowUp) => f.updatedAt <= recordedAt;
  return { ...plan, updated: plan.updated.filter(untouched), dismissed: plan.dismissed.filter(untouched) };
}
