/** What chiefs do with a published agenda and a closed meeting's messages. */

/** One chief's response to one agenda item before the meeting; an edit replaces the earlier one. */
export interface ItemResponse {
  meetingId: string;
  itemNumber: number;
  userId: string;
  userName: string;
  comment: string | null;
  /** Marked a written briefing as read. */
  read: boolean;
  /** Flagged "ønsker drøftelse" (wants it discussed). */
  wantsDiscussion: boolean;
  /** ISO instant. */
  updatedAt: string;
}

/** A chief's receipt of a meeting's communication list, and whether they passed it on. */
export interface CascadeReceipt {
  meetingId: string;
  userId: string;
  userName: string;
  department: string | null;
  /** ISO instant the 1:1 message was delivered, or null while pending/held. */
  deliveredAt: string | null;
  /** ISO instant the chief last pressed "Videregivet til afdelingen", or null. */
  confirmedAt: string | null;
  /** Delivery failed for good (bot removed, user gone). */
  undeliverable: boolean;
  /**
   * Ids of the messages sent to the chief so far: the first card's, then each held delivery's.
   * Absent on receipts from before it was kept.
   */
  deliveredMessageIds?: string[];
  /** Ids of the messages the chief has confirmed passing on (absent: `confirmedAt` covers all delivered). */
  confirmedMessageIds?: string[];
}
