/** The minutes ("referat") of a meeting: the agenda with the meeting's record (src/domain/record.ts) merged in. */

import { communicationMeta, outcomeLabel, ownerName, proposalLine } from '../cards/common';
import { formatDue } from '../cards/format';
import { type AgendaItem, type Communication, type Locale, type Meeting, meetingRecord, type RecordItem } from '../domain';
import { t } from '../i18n';
import { isCommunicationItem } from '../minutes/communications';
import { type MinutesDocument, renderDocx, renderMarkdown } from '../minutes/export';
import { loadForum, loadMeeting } from './access';
import type { AppDeps } from './deps';

export interface MinutesFiles {
  markdown: string;
  docx: Buffer;
  /** e.g. "Referat-Chefforum-2021-06-24.docx" */
  fileName: string;
}

/**
 * The decision as the minutes write it: the typed text (or the outcome when nothing was typed),
 * then each proposal's outcome on a line of its own.
 */
function decisionText({ decision, proposals }: RecordItem, locale: Locale): string | null {
  if (!decision) return null;
  const text = decision.text.trim() || `${outcomeLabel(decision, locale)}.`;
  const lines = proposals.map((p) => proposalLine(p, locale));
  return lines.length > 0 ? `${text}\n\n${lines.join('\n')}` : text;
}

/** One message with its hold date and departments, as the summary shows them. */
function messageLine(c: Communication, locale: Locale): string {
  const meta = communicationMeta(c, locale);
  return meta ? `${c.text.trim()} (${meta})` : c.text.trim();
}

/** The standing communication item's decision: its messages, one paragraph each, or "Intet". */
export function messagesText(meeting: Pick<Meeting, 'communications'>, locale: Locale, separator = '\n\n'): string {
  const lines = meeting.communications.filter((c) => c.text.trim()).map((c) => messageLine(c, locale));
  return lines.length > 0 ? lines.join(separator) : t(locale, 'meeting.summary.noMessages');
}

function merged(meeting: Meeting, entry: RecordItem, locale: Locale): AgendaItem {
  const { item } = entry;
  const decision = decisionText(entry, locale);
  if (decision !== null) return { ...item, decision };
  if (item.closed || !isCommunicationItem(item)) return item;
  return { ...item, decision: messagesText(meeting, locale) };
}

function safeFileName(s: string): string {
  return s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'Referat';
}

export async function minutesFor(deps: AppDeps, input: { forumId: string; meetingId: string }): Promise<MinutesFiles> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  const [decisions, followUps] = await Promise.all([deps.store.decisions.listByMeeting(meeting.id), deps.store.followUps.listByMeeting(forum.id, meeting.id)]);
  const record = meetingRecord(meeting, decisions, followUps);
  const closed = new Set(meeting.items.filter((i) => i.closed).map((i) => i.number));
  const locale = forum.locale;
  const doc: MinutesDocument = {
    kind: 'minutes',
    forumName: meeting.forumName,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    items: record.items.map((entry) => merged(meeting, entry, locale)),
    communications: meeting.communications,
    // A closed item's follow-ups stay out: the minutes show such an item as "Lukket" only.
    followUps: record.followUps
      .filter((f) => !closed.has(f.itemNumber))
      .map((f) => ({ itemNumber: f.itemNumber, text: f.text, owner: f.owner ? ownerName(f.owner, locale) : null, due: formatDue(locale, f.due) || null })),
  };
  return {
    markdown: renderMarkdown(doc),
    docx: await renderDocx(doc),
    fileName: `${safeFileName(`Referat-${meeting.forumName}-${meeting.date}`)}.docx`,
  };
}
