/** What the forum decided on an item, recorded by the secretary or chair. */

export type Outcome = 'approved' | 'noted' | 'discussed' | 'postponed' | 'rejected' | 'other';

export const OUTCOMES: readonly Outcome[] = ['approved', 'noted', 'discussed', 'postponed', 'rejected', 'other'];

export type ProposalOutcome = 'approved' | 'amended' | 'postponed' | 'rejected';

export interface ProposalDecision {
  proposalNumber: number;
  outcome: ProposalOutcome;
  note: string | null;
}

export interface Decision {
  meetingId: string;
  itemNumber: number;
  outcome: Outcome;
  /** Free outcome wording when outcome is 'other'. */
  outcomeText: string | null;
  proposals: ProposalDecision[];
  text: string;
  recordedBy: string;
  /** ISO instant. */
  recordedAt: string;
  /**
   * Digest of the follow-ups this version has (ids and contents), written with the decision: a retried
   * submit whose decision already has them completes what a cut-off save left undone. Absent on
   * decisions recorded before it existed.
   */
  followUpsKey?: string;
}
