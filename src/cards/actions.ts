/**
 * Card action verbs (Action.Execute) and the schema of each verb's `data` as it ARRIVES: the action's
 * own data merged with the card's input values (inputs arrive as strings). Card data is user input:
 * the verb handler calls `parseVerbData` first. Outputs are clean shapes (see each schema).
 *
 * | verb                | data (→ parsed)                                                                  | who |
 * |---------------------|----------------------------------------------------------------------------------|-----|
 * | forum.setup         | roster[], forumName, secretary/chair (roster index), members "0,2", dept_<i>     | anyone while the channel has no forum; then secretary/chair |
 * |                     | → { forumName, secretaryUserId, chairUserId, members: {userId, department}[] }   |     |
 * | agenda.publish      | forumId, meetingId                                                               | secretary/chair |
 * | agenda.schedule     | forumId, meetingId, publishDate YYYY-MM-DD, publishTime HH:MM (Copenhagen)       | secretary/chair |
 * | agenda.discard      | forumId, meetingId                                                               | secretary/chair |
 * | agenda.details      | forumId, meetingId, meetingForum, meetingDate YYYY-MM-DD, meetingTime HH:MM or '', | secretary/chair |
 * |                     | meetingPlace → { forumName, date, start: string or null, location: string or null } |     |
 * | item.comment        | forumId, meetingId, itemNumber, comment ('' removes) → comment: string or null   | roster member |
 * | item.read           | forumId, meetingId, itemNumber, read (target state, default true)                | roster member |
 * | item.discuss        | forumId, meetingId, itemNumber, wantsDiscussion (target state: idempotent toggle)| roster member |
 * | item.decide         | forumId, meetingId, itemNumber (answer: the decision form)                       | secretary/chair |
 * | decision.save       | see form-verbs.ts → { outcome, outcomeText, proposals[], text, followUps[], version } | secretary/chair |
 * | communications.save | forumId, meetingId, itemNumber, version, lines → messages[] (communication-lines.ts) | secretary/chair |
 * | meeting.close       | forumId, meetingId                                                               | secretary/chair |
 * | cascade.confirm     | forumId, meetingId                                                               | the chief the 1:1 card was sent to |
 * | followup.done       | forumId, followUpId                                                              | assignee, delegate, secretary/chair |
 * | followup.postpone   | forumId, followUpId, newDate YYYY-MM-DD, reason? → reason: string or null;       | assignee, delegate, secretary/chair |
 * |                     | with inputSuffix "_3" the inputs are read from newDate_3 / reason_3 (list cards) |     |
 * | followup.snooze     | forumId, followUpId, days? (1-30, default 1)                                     | assignee, delegate |
 * | checkin.answer      | forumId, followUpId, status on-track/late/done, newDate? → newDate or null        | assignee, delegate |
 * | refresh             | view item/overview/summary/cascade, forumId, meetingId, itemNumber (item)        | anyone; the view depends on role and conversation |
 */
import { z } from 'zod';
import { type FieldProblem, fieldProblems } from './field-problems';
import { communicationsSaveSchema, decisionSaveSchema, forumSetupSchema } from './form-verbs';
import { id, isoDate, itemNumber, localTime, optionalIsoDate, optionalLocalTime, requiredText, targetState, text } from './fields';

const meetingRef = { forumId: id, meetingId: id };
const itemRef = { ...meetingRef, itemNumber };
const followUpRef = { forumId: id, followUpId: id };

export const MAX_COMMENT_CHARS = 4000;

/**
 * Cards listing several follow-ups cannot give each row inputs with the same id; such rows name theirs
 * `newDate_3`, `reason_3` and put `inputSuffix: '_3'` in the action data.
 */
function suffixedInputs(keys: readonly string[]) {
  return (raw: unknown): unknown => {
    if (typeof raw !== 'object' || raw === null) return raw;
    const r = raw as Record<string, unknown>;
    const suffix = r.inputSuffix;
    if (typeof suffix !== 'string' || !/^_\d{1,3}$/.test(suffix)) return raw;
    const out: Record<string, unknown> = { ...r };
    for (const k of keys) out[k] = r[`${k}${suffix}`];
    return out;
  };
}

export const REFRESH_VIEWS = ['item', 'overview', 'summary', 'cascade'] as const;
export type RefreshView = (typeof REFRESH_VIEWS)[number];

const refreshSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('item'), ...itemRef }),
  z.object({ view: z.literal('overview'), ...meetingRef }),
  z.object({ view: z.literal('summary'), ...meetingRef }),
  z.object({ view: z.literal('cascade'), ...meetingRef }),
]);

export const verbSchemas = {
  'forum.setup': forumSetupSchema,
  'agenda.publish': z.object(meetingRef),
  'agenda.schedule': z.object({ ...meetingRef, publishDate: isoDate, publishTime: localTime }),
  'agenda.discard': z.object(meetingRef),
  'agenda.details': z
    .object({ ...meetingRef, meetingForum: requiredText(200), meetingDate: isoDate, meetingTime: optionalLocalTime, meetingPlace: text(200) })
    .transform((d) => ({
      forumId: d.forumId,
      meetingId: d.meetingId,
      forumName: d.meetingForum,
      date: d.meetingDate,
      start: d.meetingTime,
      location: d.meetingPlace ? d.meetingPlace : null,
    })),
  'item.comment': z.object({ ...itemRef, comment: text(MAX_COMMENT_CHARS) }).transform((d) => ({ ...d, comment: d.comment ? d.comment : null })),
  'item.read': z.object({ ...itemRef, read: targetState.default(true) }),
  'item.discuss': z.object({ ...itemRef, wantsDiscussion: targetState }),
  'item.decide': z.object(itemRef),
  'decision.save': decisionSaveSchema,
  'communications.save': communicationsSaveSchema,
  'meeting.close': z.object(meetingRef),
  'cascade.confirm': z.object(meetingRef),
  'followup.done': z.object(followUpRef),
  'followup.postpone': z
    .preprocess(suffixedInputs(['newDate', 'reason']), z.object({ ...followUpRef, newDate: isoDate, reason: text(500) }))
    .transform((d) => ({ forumId: d.forumId, followUpId: d.followUpId, newDate: d.newDate, reason: d.reason ? d.reason : null })),
  'followup.snooze': z.object({ ...followUpRef, days: z.coerce.number().int().min(1).max(30).default(1) }),
  'checkin.answer': z.object({ ...followUpRef, status: z.enum(['on-track', 'late', 'done']), newDate: optionalIsoDate }),
  refresh: refreshSchema,
} as const;

export type Verb = keyof typeof verbSchemas;
/** What a handler gets after validation. */
export type VerbData<V extends Verb> = z.output<(typeof verbSchemas)[V]>;
/** What a card carries in an action's `data` (inputs add the rest when the user presses the button). */
export type VerbCardData<V extends Verb> = Partial<z.input<(typeof verbSchemas)[V]>> & Record<string, unknown>;

export const VERBS = Object.keys(verbSchemas) as Verb[];

export function isVerb(verb: string): verb is Verb {
  return Object.hasOwn(verbSchemas, verb);
}

/** Who may use a verb (the handler enforces it; see the table above for the details). */
export type VerbAccess = 'setup' | 'manager' | 'member' | 'recipient' | 'assignee' | 'anyone';

export const VERB_ACCESS: Record<Verb, VerbAccess> = {
  'forum.setup': 'setup',
  'agenda.publish': 'manager',
  'agenda.schedule': 'manager',
  'agenda.discard': 'manager',
  'agenda.details': 'manager',
  'item.comment': 'member',
  'item.read': 'member',
  'item.discuss': 'member',
  'item.decide': 'manager',
  'decision.save': 'manager',
  'communications.save': 'manager',
  'meeting.close': 'manager',
  'cascade.confirm': 'recipient',
  'followup.done': 'assignee',
  'followup.postpone': 'assignee',
  'followup.snooze': 'assignee',
  'checkin.answer': 'assignee',
  refresh: 'anyone',
};

export type ParsedVerb = { [V in Verb]: { ok: true; verb: V; data: VerbData<V> } }[Verb];
export type VerbParseResult = ParsedVerb | { ok: false; error: string; fields: FieldProblem[] | null };

/**
 * Validates an action's data for its verb. The error names the verb, each bad field and what was
 * expected (for logs); `fields` says the same for the user, by the card's labels. Neither contains the
 * submitted values.
 */
export function parseVerbData(verb: string, data: unknown): VerbParseResult {
  if (!isVerb(verb)) return { ok: false, error: `unknown verb "${verb.slice(0, 60)}"`, fields: null };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: `${verb}: data must be an object`, fields: null };
  }
  const r = verbSchemas[verb].safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(data)'}: ${i.message}`);
    return { ok: false, error: `${verb}: ${issues.join('; ')}`, fields: fieldProblems(r.error.issues) };
  }
  return { ok: true, verb, data: r.data } as ParsedVerb;
}
