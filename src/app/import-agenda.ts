/** Agenda in: a document (file or pasted text) becomes a draft meeting, shown to the secretary as a preview. */
import type { Forum, Meeting, ParseWarning } from '../domain';
import { AppError, localDate } from '../domain';
import { PAST_DATE_WARNING } from '../cards/agenda-preview';
import { parseDocument } from '../minutes/parse';
import { readDocument, readPastedText } from '../minutes/readers';
import type { Versioned } from '../store/ports';
import { type ActorRef, requireManager } from './access';
import type { AppDeps } from './deps';

/**
 * Longest agenda text we parse. The forum's real minutes are 10-30 K characters; a text this long is
 * a wrong paste or a wrong file, and is refused before any parsing work.
 */
export const MAX_AGENDA_CHARS = 2_000_000;

export type AgendaDocument = { name: string; bytes: Buffer } | { text: string };

export interface ImportedAgenda {
  meeting: Versioned<Meeting>;
  warnings: ParseWarning[];
}

async function textOf(document: AgendaDocument): Promise<string> {
  const text = 'text' in document ? readPastedText(document.text) : await readDocument(document);
  if (text.length > MAX_AGENDA_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    const max = MAX_AGENDA_CHARS / 1_000_000;
    throw new AppError('too-large', `the text is ${mb} million characters; an agenda must be under ${max} million`, {
      messageKey: 'error.too-large.agenda',
      messageParams: { max },
    });
  }
  if (!text.trim()) throw new AppError('invalid-input', 'the agenda is empty');
  return text;
}

/** An agenda for a day already gone is most likely an old file sent by mistake: said first in the preview. */
function pastDateWarning(date: string, today: string): ParseWarning[] {
  return date < today ? [{ code: PAST_DATE_WARNING, item: null, text: date }] : [];
}

/** Parses and stores the agenda as a draft meeting; nothing is stored when it cannot be read. */
export async function importAgenda(deps: AppDeps, input: { forum: Forum; actor: ActorRef; document: AgendaDocument }): Promise<ImportedAgenda> {
  requireManager(input.forum, input.actor);
  // Reading and parsing fail with AppError('parse-failed' | 'too-large') and a one-line reason.
  const parsed = parseDocument(await textOf(input.document));
  const m = parsed.meeting;
  const meeting: Meeting = {
    id: deps.newId(),
    forumId: input.forum.id,
    kind: m.kind,
    forumName: m.forumName || input.forum.name,
    date: m.date,
    start: m.start,
    location: m.location,
    status: 'draft',
    items: m.items,
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
  };
  const stored = await deps.store.meetings.create(meeting);
  await deps.store.audit.append({
    forumId: input.forum.id,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor.userId,
    action: 'agenda.import',
    target: `meeting:${meeting.id}`,
    before: null,
    after: { date: meeting.date, itemCount: meeting.items.length, warnings: parsed.warnings.length },
  });
  return { meeting: stored, warnings: [...pastDateWarning(meeting.date, localDate(deps.clock.now())), ...parsed.warnings] };
}
