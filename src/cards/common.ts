/** Pieces several cards share: meeting facts, item headings (closed-safe), owners, follow-up lines. */
import type { AgendaItem, Communication, Decision, FollowUp, Locale, Meeting, Owner, RecordedProposal } from '../domain';
import { mayShowClosed, type Where } from '../domain/visibility';
import { t } from '../i18n';
import { formatDateTime, formatDue, formatShortDate } from './format';

export type MeetingHeader = Pick<Meeting, 'forumName' | 'date' | 'start' | 'location'>;

export function meetingFacts(meeting: MeetingHeader, locale: Locale) {
  return {
    whenLabel: t(locale, 'card.meeting.when'),
    when: formatDateTime(locale, meeting.date, meeting.start),
    whereLabel: t(locale, 'card.meeting.where'),
    where: meeting.location?.trim() || t(locale, 'card.meeting.noPlace'),
  };
}

/** "Punkt 3: Title", or "Punkt 5: Lukket punkt" for a closed item whatever its title says. */
export function itemHeading(item: Pick<AgendaItem, 'number' | 'title' | 'closed'>, locale: Locale): string {
  const title = item.closed ? t(locale, 'card.item.closedTitle') : item.title;
  return t(locale, 'card.item.heading', { number: item.number, title });
}

/** A follow-up's text as shown `where`: from a closed item outside 1:1, a neutral placeholder. */
export function followUpTextFor(text: string, closedItem: boolean, where: Where, locale: Locale): string {
  return closedItem && !mayShowClosed(where) ? t(locale, 'card.followUp.closedItem') : text;
}

/** "Sagsnr. 00.01.00-A21-9-18 · kl. 9.00-9.20 · Skriftlig orientering" (closed: case number only). */
export function itemMeta(item: AgendaItem, locale: Locale): string {
  const parts: string[] = [];
  if (item.caseNumber) parts.push(t(locale, 'card.item.caseNumber', { caseNumber: item.caseNumber }));
  if (item.closed) return parts.join(' · ');
  if (item.timeSlot) parts.push(t(locale, 'card.item.slot', { start: item.timeSlot.start, end: item.timeSlot.end }));
  if (item.writtenBriefing) parts.push(t(locale, 'card.item.writtenBriefing'));
  return parts.join(' · ');
}

export function outcomeLabel(decision: Pick<Decision, 'outcome' | 'outcomeText'>, locale: Locale): string {
  if (decision.outcome === 'other' && decision.outcomeText?.trim()) return decision.outcomeText.trim();
  return t(locale, `card.outcome.${decision.outcome}`);
}

/** "Forslag 2: Godkendt med ændringer", with the note when one was written. */
export function proposalLine(p: RecordedProposal, locale: Locale): string {
  const line = t(locale, 'card.item.proposalDecision', { number: p.number, outcome: t(locale, `card.proposalOutcome.${p.outcome}`) });
  return p.note ? `${line}: ${p.note}` : line;
}

/** "Kultur & Fritid", or for a person outside the roster "Jonatan Petersen (ansvarlig i forummet: Åse Øster)". */
export function ownerName(owner: Owner | null, locale: Locale): string {
  const name = owner?.name?.trim() || t(locale, 'card.followUp.noOwner');
  return owner?.responsible ? t(locale, 'card.followUp.ownerWithResponsible', { name, responsible: owner.responsible.name }) : name;
}

/** "Ansvarlig: Kultur & Fritid · Frist: medio april (15. april 2020)" */
export function followUpMeta(f: Pick<FollowUp, 'owner' | 'due'>, locale: Locale): string {
  const due = formatDue(locale, f.due) || t(locale, 'card.followUp.noDue');
  return t(locale, 'card.followUp.meta', { owner: ownerName(f.owner, locale), due });
}

/** "Må tidligst gives videre 2. september 2019 · Til: Kultur & Fritid" */
export function communicationMeta(c: Pick<Communication, 'notBefore' | 'departments'>, locale: Locale): string {
  const parts: string[] = [];
  if (c.notBefore) parts.push(t(locale, 'card.comms.notBefore', { date: formatShortDate(locale, c.notBefore) }));
  if (c.departments.length) parts.push(t(locale, 'card.comms.toDepartments', { list: c.departments.join(', ') }));
  return parts.join(' · ');
}

/** The numbers of an agenda's closed items, to hide follow-ups that stem from them. */
export function closedItemNumbers(meeting: Pick<Meeting, 'items'>): Set<number> {
  return new Set(meeting.items.filter((i) => i.closed).map((i) => i.number));
}
