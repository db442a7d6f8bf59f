/**
 * A card's input that failed its schema, as the user can act on it: which field (by the label the
 * card shows it with) and what is wrong with it. Zod's own problem text is English and names input
 * ids; src/app/errors.ts turns these into the user's language.
 */
import type { z } from 'zod';

export type FieldProblemKind = 'date' | 'time' | 'too-long' | 'required' | 'choice' | 'invalid';

export interface FieldProblem {
  /** The input id on the card (`fu_0_due`). */
  field: string;
  /** The i18n key of the field's label on the card, and its params. */
  label: { key: string; params?: Record<string, number> };
  /** The i18n key and params of the row the field is in (a follow-up row), if any. */
  row?: { key: string; params: Record<string, number> };
  kind: FieldProblemKind;
  /** For 'too-long': the most characters allowed. */
  max?: number;
}

type FieldType = 'date' | 'time' | 'text' | 'choice';

interface FieldInfo {
  label: FieldProblem['label'];
  row?: FieldProblem['row'];
  type: FieldType;
}

const FIXED: Record<string, FieldInfo> = {
  outcome: { label: { key: 'card.decision.outcome' }, type: 'choice' },
  outcomeText: { label: { key: 'card.decision.outcomeText' }, type: 'text' },
  decisionText: { label: { key: 'card.decision.text' }, type: 'text' },
  comment: { label: { key: 'card.item.commentLabel' }, type: 'text' },
  lines: { label: { key: 'card.comms.lines' }, type: 'text' },
  publishDate: { label: { key: 'card.preview.scheduleDate' }, type: 'date' },
  publishTime: { label: { key: 'card.preview.scheduleTime' }, type: 'time' },
  newDate: { label: { key: 'reminder.action.newDate' }, type: 'date' },
  reason: { label: { key: 'reminder.action.reason' }, type: 'text' },
  forumName: { label: { key: 'card.setup.forumName' }, type: 'text' },
  secretary: { label: { key: 'card.setup.secretary' }, type: 'choice' },
  chair: { label: { key: 'card.setup.chair' }, type: 'choice' },
  members: { label: { key: 'card.setup.members' }, type: 'choice' },
};

const ROW_FIELDS: Record<string, FieldInfo> = {
  text: { label: { key: 'card.decision.fuText' }, type: 'text' },
  owner: { label: { key: 'card.decision.owner' }, type: 'choice' },
  due: { label: { key: 'card.decision.due' }, type: 'date' },
};

/** What the card calls an input id, or null for data the card carries unseen (ids, versions). */
export function fieldInfo(field: string): FieldInfo | null {
  if (FIXED[field]) return FIXED[field];
  const row = /^(fu|new)_(\d+)_(text|owner|due)$/.exec(field);
  if (row) {
    const n = Number(row[2]) + 1;
    return { ...ROW_FIELDS[row[3]], row: { key: row[1] === 'new' ? 'card.decision.newFollowUp' : 'error.field.row', params: { n } } };
  }
  const proposal = /^proposal_(\d+)$/.exec(field);
  if (proposal) return { label: { key: 'card.decision.proposal', params: { number: Number(proposal[1]) } }, type: 'choice' };
  const suffixed = /^(newDate|reason)_\d+$/.exec(field);
  return suffixed ? FIXED[suffixed[1]] : null;
}

function kindOf(issue: z.core.$ZodIssue, type: FieldType): { kind: FieldProblemKind; max?: number } {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { kind: 'too-long', max: issue.maximum };
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined)) return { kind: 'required' };
  if (type === 'text') return { kind: 'invalid' };
  return { kind: type };
}

/**
 * The problems of inputs the user can see and fix, one per field; null when any problem is in data
 * the user did not type (then the error is ours or the card's, not theirs to fix).
 */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] | null {
  const byField = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    const info = fieldInfo(field);
    if (!info) return null;
    if (!byField.has(field)) byField.set(field, { field, label: info.label, ...(info.row ? { row: info.row } : {}), ...kindOf(issue, info.type) });
  }
  return byField.size ? [...byField.values()] : null;
}
