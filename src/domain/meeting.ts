import type { Communication } from './followup';

/** The forum's documents as the product understands them: a meeting and its agenda items. */

export type DocumentKind = 'agenda' | 'minutes';

/** Where a meeting is in its cycle (PRODUCT.md "The cycle the bot runs"). */
export type MeetingStatus = 'draft' | 'scheduled' | 'published' | 'closed';

/** A time slot written after an item title, e.g. "(9.00-9.20)", as HH:MM strings. */
export interface TimeSlot {
  start: string;
  end: string;
}

/** The known sections of an item; anything else is kept as 'other' with its heading. */
export type SectionKind =
  | 'occasion' // Anledning / Baggrund
  | 'case' // Sagsfremstilling
  | 'supplementaryCase' // Supplerende Sagsfremstilling
  | 'recommendation' // Indstilling
  | 'history' // Historik, and decision headings dated at an earlier meeting
  | 'decision' // Beslutning
  | 'attachments' // Bilag
  | 'process' // Videre proces
  | 'economy' // Økonomi
  | 'other';

export interface Section {
  kind: SectionKind;
  /** The heading as written in the document (without markup). */
  heading: string;
  /** The body text, paragraphs separated by blank lines, markup removed. */
  body: string;
}

/** One numbered "at ..." of an item's recommendation (Indstilling). */
export interface Proposal {
  /** 1-based position within the item. */
  number: number;
  /** The proposal text, usually starting with "at ...". */
  text: string;
}

/** Standing items recur in every meeting and get special treatment. */
export type StandingItemKind = 'approval' | 'communication' | 'any-other-business';

export interface AgendaItem {
  number: number;
  /** Title without forum prefix and time slot. */
  title: string;
  /** The forum prefix as written ("CF", "DIF/CF"), or null. */
  prefix: string | null;
  /** Journal/case number (KLE "00.01.00-A21-9-18" or older "12/4711"), or null. */
  caseNumber: string | null;
  timeSlot: TimeSlot | null;
  /** Closed item ("Lukket"): its content must never reach a channel or a log. */
  closed: boolean;
  /** Written briefing ("Skriftlig orientering"): noted, not discussed. */
  writtenBriefing: boolean;
  standing: StandingItemKind | null;
  sections: Section[];
  /** Who recommends ("Kommunaldirektøren", "Chefen for Miljø & Teknik"), or null. */
  recommendedBy: string | null;
  proposals: Proposal[];
  /** This meeting's decision text as written in the minutes, or null (agenda, or not decided). */
  decision: string | null;
  attachments: string[];
}

export interface Meeting {
  id: string;
  forumId: string;
  kind: DocumentKind;
  /** The forum's name as written in the document header ("Chefforum"). */
  forumName: string;
  /** Meeting date, YYYY-MM-DD (Europe/Copenhagen). */
  date: string;
  /** Start time HH:MM, or null when the document gives none. */
  start: string | null;
  location: string | null;
  status: MeetingStatus;
  items: AgendaItem[];
  /** Messages for the departments, entered with the standing communication item's decision. */
  communications: Communication[];
  /** ISO instant the agenda is scheduled to be posted, or null. */
  publishAt: string | null;
  /** Where and when the agenda cards were posted, or null before publishing. */
  publication: Publication | null;
  /** ISO instant the meeting was closed ("Afslut møde"), or null. */
  closedAt: string | null;
  /** Teams activity id of the summary card in the channel, or null. */
  summaryActivityId: string | null;
}

/** The posted agenda cards, so they can be updated in place. */
export interface Publication {
  conversationId: string;
  /** ISO instant. */
  publishedAt: string;
  overviewActivityId: string | null;
  /** Item number (as string key) → Teams activity id of that item's card. */
  itemActivityIds: Record<string, string>;
  /** Closed items sent 1:1: "<itemNumber>:<userId>" → activity id of that member's copy (absent = none yet). */
  personalActivityIds?: Record<string, string>;
}

/**
 * One card the bot posted for a meeting (publishing, closing), recorded in a small row of its own
 * right after the post, so a run that died half-way posts only what has no record.
 */
export interface PostedCard {
  meetingId: string;
  /** What was posted: `postKey` in src/app/posted.ts ('overview', 'item:3', 'personal:3:<user>', 'summary'). */
  key: string;
  conversationId: string;
  activityId: string;
  /** ISO instant. */
  postedAt: string;
}

/** A parsed document before it belongs to a stored meeting. */
export type ParsedMeeting = Pick<Meeting, 'kind' | 'forumName' | 'date' | 'start' | 'location' | 'items'>;

/** A problem the parser found but could work around; shown to the secretary in the preview. */
export interface ParseWarning {
  /** Machine-readable code, e.g. 'unknown-section', 'missing-case-number', 'unparsed-line'. */
  code: string;
  /** Item number the warning concerns, or null for the header. */
  item: number | null;
  /** The offending text, shortened. */
  text: string;
}
