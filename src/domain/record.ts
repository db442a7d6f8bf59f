/**
 * A meeting's record: what every output after the meeting renders (summary card, minutes in Markdown
 * and Word, side panel, digest), so they all show the same per-proposal outcomes, follow-ups and
 * messages. Pure: the words are added by each renderer.
 */
import type { Decision, ProposalOutcome } from './decision';
import type { Communication, FollowUp } from './followup';
import type { AgendaItem, Meeting } from './meeting';

export interface RecordedProposal {
  number: number;
  outcome: ProposalOutcome;
  note: string | null;
}

export interface RecordItem {
  item: AgendaItem;
  decision: Decision | null;
  /** The recorded outcome of each proposal, in proposal order (empty when none was recorded). */
  proposals: RecordedProposal[];
}

export interface MeetingRecord {
  items: RecordItem[];
  /** Confirmed follow-ups (open or done), ordered by item, then due date (undated last). */
  followUps: FollowUp[];
  communications: Communication[];
}

/** Follow-ups in the record's order: by item, then due date (undated last), then as entered. */
export function orderFollowUps<T extends Pick<FollowUp, 'itemNumber' | 'due'>>(followUps: readonly T[]): T[] {
  const dueKey = (f: T) => f.due?.due ?? '9999-99-99';
  return followUps
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.itemNumber - b.f.itemNumber || dueKey(a.f).localeCompare(dueKey(b.f)) || a.i - b.i)
    .map(({ f }) => f);
}

function recordedProposals(decision: Decision | null): RecordedProposal[] {
  return [...(decision?.proposals ?? [])]
    .sort((a, b) => a.proposalNumber - b.proposalNumber)
    .map((p) => ({ number: p.proposalNumber, outcome: p.outcome, note: p.note?.trim() || null }));
}

export function meetingRecord(
  meeting: Pick<Meeting, 'items' | 'communications'>,
  decisions: readonly Decision[],
  followUps: readonly FollowUp[],
): MeetingRecord {
  const byItem = new Map(decisions.map((d) => [d.itemNumber, d]));
  return {
    items: meeting.items.map((item) => {
      const decision = byItem.get(item.number) ?? null;
      return { item, decision, proposals: recordedProposals(decision) };
    }),
    followUps: orderFollowUps(followUps.filter((f) => f.status === 'open' || f.status === 'done')),
    communications: meeting.communications,
  };
}
