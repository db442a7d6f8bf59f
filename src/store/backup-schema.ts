/**
 * Shape check for a forum backup read from a file (user input): the fields the store needs for
 * keys and indexes must be there and belong to the backed-up forum; the rest passes through.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors';
import type { ForumBackup } from './ports';

const str = z.string();
const item = z.looseObject({ meetingId: str, itemNumber: z.number().int() });

const schema = z.object({
  version: z.literal(1),
  forum: z.looseObject({ id: str.min(1), conversationId: str, members: z.array(z.looseObject({ userId: str })) }),
  meetings: z.array(z.looseObject({ id: str.min(1), forumId: str, date: str, items: z.array(z.looseObject({ number: z.number().int() })) })),
  decisions: z.array(item),
  decisionHistory: z.array(item),
  responses: z.array(item.extend({ userId: str })),
  followUps: z.array(z.looseObject({ id: str.min(1), forumId: str, meetingId: str, status: str, assignees: z.array(str) })),
  cascade: z.array(z.looseObject({ meetingId: str, userId: str })),
  posted: z.array(z.looseObject({ meetingId: str, key: str.min(1) })).optional(),
  jobs: z.array(z.looseObject({ id: str.min(1), forumId: str, dueAt: str, status: str })),
  audit: z.array(z.looseObject({ forumId: str, at: str })),
  conversations: z.array(z.looseObject({ conversationId: str.min(1), kind: z.enum(['personal', 'channel', 'groupChat']) })),
});

/** Validates parsed JSON as a backup; 'invalid-input' naming the first problem. */
export function parseForumBackup(raw: unknown, source: string): ForumBackup {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid-input', `${source}: not a forum backup (${issue.path.join('.') || 'top'}: ${issue.message})`);
  }
  const b = parsed.data;
  const foreign = [...b.meetings, ...b.followUps, ...b.jobs, ...b.audit].find((r) => r.forumId !== b.forum.id);
  if (foreign) throw new AppError('invalid-input', `${source}: holds a record of forum ${foreign.forumId}, not ${b.forum.id}`);
  // The checked fields are the ones storage relies on; the records are the product's own export.
  return b as unknown as ForumBackup;
}
