/** Append-only record of who changed what. Closed-item content is never written here. */
export interface AuditEntry {
  forumId: string;
  /** ISO instant. */
  at: string;
  actorUserId: string;
  action: string;
  /** What was changed, e.g. "meeting:<id>/item:3/decision". */
  target: string;
  before: unknown;
  after: unknown;
}
