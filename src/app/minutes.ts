/** The minutes ("referat") of a meeting: the agenda with the recorded decisions and messages merged in. */

import { outcomeLabel } from '../cards/common';
import type { AgendaItem, Decision, Locale, Meeting } from '../domain';
import { isCommunicationItem } from '../minutes/communications';
import { type MinutesDocument, renderDocx, renderMarkdown } from '../minutes/export';
import { loadForum, loadMeeting } from './access';
import type { AppDeps } from './deps';
import { messagesText } from './summary-cards';

export interface MinutesFiles {
  markdown: string;
  docx: Buffer;
  /** e.g. "Referat-Chefforum-2021-06-24.docx" */
  fileName: string;
}

/** The decision as the minutes write it: the typed text, or the outcome when nothing was typed. */
function decisionText(decision: Decision, locale: Locale): string {
  if (decision.text.trim()) return decision.text.trim();
  return `${outcomeLabel(decision, locale)}.`;
}

function merged(item: AgendaItem, decision: Decision | undefined, locale: Locale): AgendaItem {
  return decision ? { ...item, decision: decisionText(decision, locale) } : item;
}

/** The standing communication item's decision is its messages, one paragraph each, or "Intet". */
function withMessages(meeting: Meeting, item: AgendaItem, decision: Decision | undefined, locale: Locale): AgendaItem {
  if (decision || item.closed || !isCommunicationItem(item)) return item;
  return { ...item, decision: messagesText(meeting, locale, '\n\n') };
}

function safeFileName(s: string): string {
  return s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'Referat';
}

export async function minutesFor(deps: AppDeps, input: { forumId: string; meetingId: string }): Promise<MinutesFiles> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  const decisions = new Map((await deps.store.decisions.listByMeeting(meeting.id)).map((d) => [d.itemNumber, d]));
  const doc: MinutesDocument = {
    kind: 'minutes',
    forumName: meeting.forumName,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    items: meeting.items.map((i) => withMessages(meeting, merged(i, decisions.get(i.number), forum.locale), decisions.get(i.number), forum.locale)),
    communications: meeting.communications,
  };
  return {
    markdown: renderMarkdown(doc),
    docx: await renderDocx(doc),
    fileName: `${safeFileName(`Referat-${meeting.forumName}-${meeting.date}`)}.docx`,
  };
}
