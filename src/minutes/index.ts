/** The minutes core: parse agendas and minutes, Danish dates, follow-up and communication suggestions. */
export { DocumentError, MAX_DOCUMENT_CHARS, parseDocument } from './parse';
export type { DocumentErrorCode, ParseResult } from './parse';
export { findDueDates, parseDanishDue } from './dates';
export { extractFollowUps, suggestFollowUps } from './followups';
export type { SuggestOptions } from './followups';
export { extractCommunications, isCommunicationItem, parseCommunicationLines } from './communications';
export type { CommunicationDraft } from './communications';
export { REFUSAL_REASONS, WARNING_CODES, warningKey } from './warnings';
export type { RefusalReason, WarningCode } from './warnings';
