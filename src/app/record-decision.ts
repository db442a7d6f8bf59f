/**
 * Recording an item's decision (secretary or chair): ETag-conditional, so two secretaries editing at
 * once get a conflict instead of a silent overwrite, and a Teams retry of the same submit changes nothing.
 * The follow-ups follow the form (src/app/decision-follow-ups.ts): kept, edited, added or dismissed.
 */
import type { Decision, FollowUp, Outcome, ProposalDecision } from '../domain';
import { AppError } from '../domain';
import type { Versioned } from '../store/ports';
import { type ActorRef, findItem, loadForum, loadMeeting, requireManager } from './access';
import { refreshItemCards } from './agenda-cards';
import { applyFollowUps, type ConfirmedFollowUp, hasChanges, planFollowUps } from './decision-follow-ups';
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
 * Saves the decision unless this submit changes nothing (a Teams retry, or saving an unchanged form).
 * A decision whose follow-ups changed is saved again too, so its version moves and a form built on the
 * old version gets a conflict instead of undoing those follow-ups.
 */
async function saveOrDetectRetry(
  deps: AppDeps,
  decision: Decision,
  version: string | null,
  followUpsChange: boolean,
): Promise<{ saved: Versioned<Decision>; unchanged: boolean; before: Decision | null }> {
  const current = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
  const same = (d: Decision | undefined): boolean => !!d && !followUpsChange && sameDecision(d, decision);
  if (current && same(current.value)) return { saved: current, unchanged: true, before: current.value };
  const conflict = () => conflictError(decision);
  if ((current?.etag ?? null) !== version) throw conflict();
  try {
    return { saved: await deps.store.decisions.save(decision, version), unchanged: false, before: current?.value ?? null };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    const now = await deps.store.decisions.get(decision.meetingId, decision.itemNumber);
    if (now && same(now.value)) return { saved: now, unchanged: true, before: now.value };
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
  const ref = { forumId: input.forumId, meetingId: input.meetingId, itemNumber: input.itemNumber };
  const plan = await planFollowUps(deps, forum, ref, input.followUps);
  const { saved, unchanged, before } = await saveOrDetectRetry(deps, decision, input.version, hasChanges(plan));
  const changes = await applyFollowUps(deps, plan);
  if (!unchanged || hasChanges(changes)) {
    const ids = {
      itemNumber: input.itemNumber,
      followUpIds: changes.created.map((f) => f.id),
      updatedFollowUpIds: changes.updated.map((f) => f.id),
      dismissedFollowUpIds: changes.dismissed.map((f) => f.id),
    };
    const { itemNumber: _n, ...followUpIds } = ids;
    await deps.store.audit.append({
      forumId: input.forumId,
      at: decision.recordedAt,
      actorUserId: manager.userId,
      action: 'decision.record',
      target: `meeting:${input.meetingId}/item:${input.itemNumber}/decision`,
      // Closed items: ids only, never their content.
      before: item.closed ? (before ? { itemNumber: input.itemNumber } : null) : before,
      after: item.closed ? ids : { ...saved.value, ...followUpIds },
    });
    for (const f of changes.dismissed) {
      await deps.store.audit.append({
        forumId: input.forumId,
        at: decision.recordedAt,
        actorUserId: manager.userId,
        action: 'followup.dismiss',
        target: `meeting:${input.meetingId}/item:${input.itemNumber}/followup:${f.id}`,
        before: { status: 'open' },
        after: { status: 'dismissed', reason: 'removed from the decision' },
      });
    }
  }
  await refreshItemCards(deps, forum, meeting, input.itemNumber);
  return { decision: saved, followUps: changes.wanted, unchanged, previous: before };
}
