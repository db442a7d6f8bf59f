/**
 * What the parser could not fully understand; shown to the secretary in the preview through
 * `t(locale, warningKey(code), { text })` (src/i18n/messages/minutes.ts).
 */
export const WARNING_CODES = [
  'unparsed-line',
  'missing-header',
  'missing-date',
  'date-mismatch',
  'missing-forum-name',
  'toc-mismatch',
  'item-number-sequence',
  'missing-case-number',
  'missing-title',
  'duration-removed',
  'closed-content-dropped',
  'closed-uncertain-heading',
  'closed-near-heading',
  'closed-by-section',
  'text-without-heading',
  'unknown-section',
  'recommendation-under-other-heading',
  'decision-heading-after-meeting',
  'several-decisions',
  'decision-in-agenda',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

/** Why a document was refused (DocumentError details.reason). */
export const REFUSAL_REASONS = ['empty', 'too-large', 'binary', 'no-items'] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function warningKey(code: string): string {
  return `minutes.warning.${code}`;
}
