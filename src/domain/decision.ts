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
}
