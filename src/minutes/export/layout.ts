/**
 * The forum's own layout of an agenda or minutes, as a list of neutral blocks that the Markdown and
 * Word renderers each draw. The words are the document's own (Danish): they are part of the format
 * the parser reads back, not user interface text.
 */
import { DateTime } from 'luxon';
import type { AgendaItem, Communication, ParsedMeeting, Section, SectionKind } from '../../domain';

/** A follow-up as the minutes' closing "Opfølgning" section lists it; owner and due as the forum wrote them. */
export interface MinutesFollowUp {
  itemNumber: number;
  text: string;
  owner: string | null;
  due: string | null;
}

/** What the exporters take: a parsed document, or a stored Meeting (which has all these fields). */
export type MinutesDocument = ParsedMeeting & { communications?: Omit<Communication, 'id'>[]; followUps?: MinutesFollowUp[] };

export type Block =
  | { type: 'title'; text: string }
  | { type: 'field'; label: string; text: string }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'toc'; entries: string[] }
  /** Lines as written; lines starting "- " or numbered "1. ", "2. " may be drawn as lists. */
  | { type: 'paragraph'; text: string };

const WEEKDAYS = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

export const DEFAULT_HEADINGS: Record<SectionKind, string> = {
  occasion: 'Anledning',
  case: 'Sagsfremstilling',
  supplementaryCase: 'Supplerende Sagsfremstilling',
  recommendation: 'Indstilling',
  history: 'Historik',
  decision: 'Beslutning',
  attachments: 'Bilag',
  process: 'Videre proces',
  economy: 'Økonomi',
  other: 'Andet',
};

/** "REFERAT Ledermøde d. 12-03-2024" / "DAGSORDEN ...". */
export function headerTitle(doc: MinutesDocument): string {
  const [y, m, d] = doc.date.split('-');
  return `${doc.kind === 'agenda' ? 'DAGSORDEN' : 'REFERAT'} ${doc.forumName} d. ${d}-${m}-${y}`;
}

/** "Tirsdag d. 27. august 2019 kl. 12:30". */
export function longDate(date: string, start: string | null): string {
  const dt = DateTime.fromISO(date);
  const day = `${WEEKDAYS[dt.weekday - 1]} d. ${dt.day}. ${MONTHS[dt.month - 1]} ${dt.year}`;
  return start ? `${day} kl. ${start}` : day;
}

/** "09:00"-"09:20" → "9.00-9.20", as the forum writes slots. */
export function slotText(item: AgendaItem): string {
  if (!item.timeSlot) return '';
  const f = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1').replace(':', '.');
  return ` (${f(item.timeSlot.start)}-${f(item.timeSlot.end)})`;
}

/** "CF - Ny hjemmeside (9.00-9.20)", or "Lukket" for a closed item (its title never shows). */
export function itemLine(item: AgendaItem): string {
  if (item.closed) return 'Lukket';
  return `${item.prefix ? `${item.prefix} - ` : ''}${item.title}${slotText(item)}`;
}

function paragraphs(body: string): Block[] {
  return body
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((text) => ({ type: 'paragraph', text }));
}

function recommendationBody(item: AgendaItem): string {
  const lines: string[] = [];
  if (item.recommendedBy) lines.push(`${item.recommendedBy} indstiller,`, '');
  lines.push(item.proposals.map((p, i) => `${i + 1}. ${p.text}`).join('\n'));
  return lines.join('\n');
}

/**
 * The body a section is drawn with. The item's fields are the truth for this meeting's decision
 * (the first decision section) and the attachments; other sections are drawn as written, and a blank
 * recommendation is built from the proposals.
 */
function sectionBody(item: AgendaItem, section: Section, first: boolean, communications: string[]): string {
  if (section.kind === 'decision' && first) return item.decision ?? (section.body.trim() ? section.body : communications.join('\n\n'));
  if (section.kind === 'attachments' && first && item.attachments.length > 0) return item.attachments.join('\n\n');
  if (section.kind === 'recommendation' && !section.body.trim() && item.proposals.length > 0) return recommendationBody(item);
  return section.body;
}

/** The item's sections in their order, plus the ones its fields call for that the list lacks. */
export function sectionsOf(item: AgendaItem, communications: string[]): Section[] {
  const sections = [...item.sections];
  const has = (kind: SectionKind) => sections.some((s) => s.kind === kind);
  const add = (kind: SectionKind) => sections.push({ kind, heading: DEFAULT_HEADINGS[kind], body: '' });
  if (!has('recommendation') && (item.proposals.length > 0 || item.recommendedBy)) add('recommendation');
  if (!has('decision') && (item.decision !== null || communications.length > 0)) add('decision');
  if (!has('attachments') && item.attachments.length > 0) add('attachments');
  return sections;
}

function itemBlocks(item: AgendaItem, communications: string[]): Block[] {
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `Punkt ${item.number}: ${itemLine(item)}` }];
  if (item.caseNumber) blocks.push({ type: 'paragraph', text: item.caseNumber });
  if (item.closed) return blocks;
  const seen = new Set<SectionKind>();
  for (const section of sectionsOf(item, communications)) {
    blocks.push({ type: 'heading', level: 3, text: section.heading.trim() || DEFAULT_HEADINGS[section.kind] });
    blocks.push(...paragraphs(sectionBody(item, section, !seen.has(section.kind), communications)));
    seen.add(section.kind);
  }
  return blocks;
}

/** "- Punkt 2: Udpeg en kontaktperson. Ansvarlig: Miljø & Teknik. Frist: medio april (15. april 2026)" */
function followUpLine(f: MinutesFollowUp): string {
  const parts = [
    `Punkt ${f.itemNumber}: ${f.text
      .trim()
      .replace(/\s*\n\s*/g, ' ')
      .replace(/[.]$/, '')}`,
  ];
  if (f.owner) parts.push(`Ansvarlig: ${f.owner}`);
  if (f.due) parts.push(`Frist: ${f.due}`);
  return `- ${parts.join('. ')}`;
}

/** The closing section listing the meeting's follow-ups (none when there are none). */
function followUpBlocks(followUps: readonly MinutesFollowUp[]): Block[] {
  if (followUps.length === 0) return [];
  return [
    { type: 'heading', level: 2, text: 'Opfølgning' },
    { type: 'paragraph', text: followUps.map(followUpLine).join('\n') },
  ];
}

/** The whole document as blocks, in the forum's order: header, table of contents, items, follow-ups. */
export function layout(doc: MinutesDocument): Block[] {
  const blocks: Block[] = [
    { type: 'title', text: headerTitle(doc) },
    { type: 'field', label: 'Mødedato', text: longDate(doc.date, doc.start) },
  ];
  if (doc.location) blocks.push({ type: 'field', label: 'Mødested', text: doc.location });
  blocks.push({ type: 'heading', level: 2, text: 'Indholdsfortegnelse' });
  blocks.push({ type: 'toc', entries: doc.items.map(itemLine) });
  const messages = (doc.communications ?? []).map((c) => c.text);
  for (const item of doc.items) {
    // Messages typed in the app become the standing communication item's decision when it has none.
    const own = item.standing === 'communication' && item.decision === null && doc.kind === 'minutes' ? messages : [];
    blocks.push(...itemBlocks(item, own));
  }
  blocks.push(...followUpBlocks(doc.followUps ?? []));
  return blocks;
}
