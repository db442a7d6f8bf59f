/**
 * Which lines start a section. Only the known section names do (in any case and markup); a decision
 * heading dated at an earlier meeting, or naming another forum, starts a history section instead.
 */
import type { SectionKind } from '../domain';
import { findAbsoluteDate } from './absolute-date';
import { normalize } from './lines';

export interface SectionStart {
  kind: SectionKind;
  /** The heading as written (markup removed, trailing colon dropped). */
  heading: string;
  /** Text written on the heading's own line after a colon ("Beslutning: Godkendt."). */
  inline: string | null;
  /** A dated decision heading later than the meeting: kept as the decision, worth a warning. */
  futureDate?: boolean;
}

export interface HeadingContext {
  forumName: string;
  meetingDate: string;
}

const KNOWN: [RegExp, SectionKind][] = [
  [/^(?:anledning|baggrund|resume|resumé)$/, 'occasion'],
  [/^supplerende sagsfremstilling$/, 'supplementaryCase'],
  [/^(?:sagsfremstilling|sagsbeskrivelse|sagen|beskrivelse af sagen)$/, 'case'],
  [/^(?:administrativ |forvaltningens |direktionens )?indstilling(?:er)?$/, 'recommendation'],
  [/^(?:historik|sagens historik|tidligere beslutninger?)$/, 'history'],
  [/^(?:bilag|bilagsliste|bilag til punktet)$/, 'attachments'],
  [/^(?:videre proces|den videre proces|proces)$/, 'process'],
  [/^(?:økonomi|økonomiske konsekvenser|økonomi og finansiering)$/, 'economy'],
];

/** The first words of the known headings and of "Beslutning": any other line starts none of them (read before normalizing). */
const START_WORDS = new Set(
  'anledning baggrund resume resumé supplerende sagsfremstilling sagsbeskrivelse sagen beskrivelse administrativ forvaltningens direktionens indstilling indstillinger historik sagens tidligere bilag bilagsliste videre den proces økonomi økonomiske beslutning'.split(
    ' ',
  ),
);
/** The leading letters, lower case (ASCII letters and anything from U+00C0: a cheap superset of \p{L}). */
function firstWord(text: string): string {
  let end = 0;
  for (; end < text.length && end < 20; end++) {
    const c = text.charCodeAt(end) | 0x20;
    if (!((c >= 0x61 && c <= 0x7a) || text.charCodeAt(end) >= 0xc0)) break;
  }
  return text.slice(0, end).toLowerCase();
}

/** Headings that may carry their text on the same line after a colon. */
const INLINE = /^(beslutning|indstilling|bilag|anledning|baggrund)\s*:\s*(\S.*)$/i;

function known(norm: string): SectionKind | null {
  for (const [re, kind] of KNOWN) if (re.test(norm)) return kind;
  return null;
}

function stripColon(text: string): string {
  return text.replace(/\s*:\s*$/, '').trim();
}

/** "Beslutning", "BESLUTNING I CHEFFORUM DEN 14-03-2013", "Beslutning i Chefforum 14.03.2013". */
function decisionHeading(text: string, ctx: HeadingContext, norm = normalize(text)): SectionStart | null {
  if (!norm.startsWith('beslutning')) return null;
  let rest = norm.slice('beslutning'.length);
  if (rest !== '' && !/^[\s,:]/.test(rest)) return null;
  const heading = stripColon(text);
  const dated = findAbsoluteDate(rest);
  if (dated) rest = rest.slice(0, dated.index) + rest.slice(dated.index + dated.length);
  rest = rest
    .replace(/[,:]/g, ' ')
    .replace(/\s(?:den|d\.?)\s*$/, ' ')
    .trim();
  let forum: string | null = null;
  if (rest !== '') {
    const m = /^i\s+(\S+(?:\s\S+){0,3}?)(?:\s+(?:den|d\.?))?$/.exec(rest);
    if (!m) return null;
    forum = m[1];
  }
  const own = normalize(ctx.forumName);
  const otherForum = forum !== null && own !== '' && !forum.startsWith(own) && !own.startsWith(forum) && !/^(?:mødet|dag)$/.test(forum);
  // Without the meeting's date (a document without a header), a dated decision heading is this meeting's.
  const known = ctx.meetingDate !== '';
  if (otherForum || (known && dated && dated.date < ctx.meetingDate)) return { kind: 'history', heading, inline: null };
  return { kind: 'decision', heading, inline: null, futureDate: known && dated !== null && dated.date > ctx.meetingDate };
}

const WEEKDAY = '(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)';
const DATED_HEADING = /^(beslutning|behandling(?=\s+i\s))[\s,:]+(?:i\s+)?(.*)$/;
const FORUM_WORDS = /^[\p{L}\d&./-]+(?:\s[\p{L}\d&./-]+){0,11}$/u;
const AFTER_DATE = /^[\s.]*(?:,?\s*(?:pkt|punkt)\.?\s*\d{1,4}\.?)?\s*$/;
const HAS_DIGIT = /\d/;
const HEADING_WORD = /^(?:beslutning|behandling)|p(?:kt|unkt)\b/i;
const MEETING_REFERENCE = /^([^,]{2,80}),\s*([^,]{6,40}?),?\s*(?:pkt|punkt)\.?\s*\d{1,4}\.?$/;
const BEFORE_DATE = new RegExp(`\\s*(?:${WEEKDAY}\\s*)?(?:den|d\\.)?\\s*$`);

/**
 * The agenda systems' dated decision headings: "Beslutning i Udvalget for Ældre og Sundhed den
 * 04-06-2020", "Beslutning Teknik, Erhverv, Plan og Miljøudvalget 2018-2021 den 06-11-2018", "Behandling
 * i Politisk styregruppe mandag den 13. maj 2019, pkt. 1". The date ends the heading; before it only
 * the forum's words.
 */
function decisionWords(norm: string): { forum: string; date: string } | null {
  const m = DATED_HEADING.exec(norm);
  const dated = m ? findAbsoluteDate(m[2]) : null;
  if (!m || !dated || !AFTER_DATE.test(m[2].slice(dated.index + dated.length))) return null;
  const forum = m[2].slice(0, dated.index).replace(/,/g, ' ').replace(BEFORE_DATE, '').replace(/\s+/g, ' ').trim();
  // "Beslutning fra Direktørforum, 17. maj 2021, pkt. 3:" quotes another body's decision inside a section.
  if (forum !== '' && (!FORUM_WORDS.test(forum) || /^fra\s/.test(forum))) return null;
  return { forum, date: dated.date };
}

/** "Klima- og Miljøudvalget, 05-12-2017 pkt. 188": the meeting that decided, as a heading of its own. */
function meetingReference(norm: string): { forum: string; date: string } | null {
  const m = MEETING_REFERENCE.exec(norm);
  const dated = m ? findAbsoluteDate(m[2]) : null;
  if (!m || !dated || m[2].trim().length - dated.length > 2 || !FORUM_WORDS.test(m[1].trim())) return null;
  // "Beslutning fra Direktørforum, 17. maj 2021, pkt. 3": a quoted decision (decisionWords decides those).
  if (/^(?:beslutning|behandling)\b/.test(m[1])) return null;
  return { forum: m[1].trim(), date: dated.date };
}

function datedDecisionHeading(text: string, ctx: HeadingContext, norm?: string): SectionStart | null {
  // No date or no heading word, no dated heading: most lines stop here, before any normalizing.
  if (!HAS_DIGIT.test(text) || !HEADING_WORD.test(text)) return null;
  norm ??= normalize(text);
  const found = decisionWords(norm) ?? (norm.includes('pkt') || norm.includes('punkt') ? meetingReference(norm) : null);
  if (!found) return null;
  const { forum, date } = found;
  const own = normalize(ctx.forumName);
  const otherForum = forum !== '' && own !== '' && !forum.startsWith(own) && !own.startsWith(forum);
  const known = ctx.meetingDate !== '';
  const heading = stripColon(text);
  if (otherForum || (known && date < ctx.meetingDate)) return { kind: 'history', heading, inline: null };
  return { kind: 'decision', heading, inline: null, futureDate: known && date > ctx.meetingDate };
}

/** The section a line starts, or null when it is body text. */
export function sectionStart(text: string, ctx: HeadingContext): SectionStart | null {
  if (text === '') return null;
  // An item page of the regions' systems heads what was decided "Referat" (the minutes of this item).
  if (text.length < 10 && normalize(text) === 'referat') return { kind: 'decision', heading: stripColon(text), inline: null };
  const inline = INLINE.exec(text);
  if (inline) {
    const k = inline[1].toLowerCase() === 'beslutning' ? 'decision' : known(inline[1].toLowerCase());
    // "BESLUTNING: Kommunalbestyrelsen den 26-05-2011" names the meeting; the decision follows below.
    const dated = k === 'decision' && text.length <= 140 ? datedDecisionHeading(text, ctx) : null;
    if (dated) return dated;
    if (k) return { kind: k, heading: inline[1], inline: inline[2].trim() };
  }
  if (text.length > 140) return null;
  const word = firstWord(text);
  if (text.length > 90 || !START_WORDS.has(word)) return datedDecisionHeading(text, ctx);
  const norm = normalize(text);
  const decision = (word === 'beslutning' ? decisionHeading(text, ctx, norm) : null) ?? datedDecisionHeading(text, ctx, norm);
  if (decision) return decision;
  const kind = known(norm);
  return kind ? { kind, heading: stripColon(text), inline: null } : null;
}
