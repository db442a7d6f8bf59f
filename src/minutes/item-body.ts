/**
 * One item's lines after its heading become the item: case number, older minutes' attachment list
 * before the repeated title, sections, proposals, this meeting's decision, attachments.
 */
import type { AgendaItem, DocumentKind, ParseWarning, Section } from '../domain';
import { type ItemHeading, isWrittenBriefing, standingKind } from './item-heading';
import { type Line, joinBody, normalize } from './lines';
import { mentionsRecommendation, parseRecommendation, type Recommendation, recommendationStart } from './proposals';
import { type HeadingContext, sectionStart } from './sections';
import type { WarningCode } from './warnings';

export interface ItemContext extends HeadingContext {
  kind: DocumentKind;
}

const KLE = /^\d{2}\.\d{2}(?:\.\d{2})?-?[A-ZÆØÅ]\d{2}(?:-\d{1,6}){1,3}$/;
const OLD_STYLE = /^\d{2,4}\/\d{1,7}(?:-\d{1,4})?$/;
const CASE_LABEL = /^(?:sagsnr|sagsnummer|journalnr|journalnummer|j\.\s?nr|sag)\.?\s*:?\s*/i;
/**
 * A labelled case number anywhere on a line, alone or among other fields: "Sagsnr.: 00.00.00-P19-560-06
 * Sagsbehandler: L. Hansen", "Sagsid.: 11/565", "Acadre sagsnr. 18/1234", "Sags nr. 330-2018-3619", "J.nr. 2019-12".
 */
const CASE_FIELD =
  /(?<![\p{L}])(?:acadre[\s-]*sagsnr|sags\s?nr|sagsnummer|sags-?id|journalnr|journalnummer|j\.\s?nr)\.?\s*:?\s*([\p{L}\d][\p{L}\d./-]{0,38}\d[\p{L}\d/-]*)/iu;
/** Lines under an item's heading searched for a labelled case number. */
const CASE_FIELD_LINES = 6;

export function caseNumberOf(text: string): string | null {
  const t = text.replace(CASE_LABEL, '').trim();
  return KLE.test(t) || OLD_STYLE.test(t) ? t : null;
}

/** A labelled case number in the first lines under the heading (before any section), and its line. */
function labelledCaseNumber(lines: Line[], from: number, ctx: HeadingContext): { value: string; index: number } | null {
  let seen = 0;
  for (let i = from; i < lines.length && seen < CASE_FIELD_LINES; i++) {
    const { text } = lines[i];
    if (text === '') continue;
    seen++;
    const m = text.length < 400 ? CASE_FIELD.exec(text) : null;
    if (m) return { value: m[1], index: i };
    if (sectionStart(text, ctx)) return null;
  }
  return null;
}

interface Draft {
  kind: Section['kind'];
  heading: string;
  lines: string[];
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function bulletless(line: string): string {
  return line.replace(/^(?:[-•*–]|\d{1,2}[.)])\s+/, '').trim();
}

class SectionCollector {
  readonly sections: Draft[] = [];
  /** Lines before the first heading; they become attachments if the title is repeated after them. */
  private loose: string[] = [];
  /** True until a known section (other than an early Bilag list) or the repeated title is seen. */
  private preamble = true;
  /** The titles' first characters: a line starting otherwise is no repeated title (no need to normalize it). */
  private readonly titleStarts: Set<string>;

  constructor(
    private readonly titles: Set<string>,
    private readonly ctx: HeadingContext,
    private readonly warn: (code: WarningCode, text: string) => void,
  ) {
    this.titleStarts = new Set([...titles].map((t) => t.charAt(0)));
  }

  private get current(): Draft | undefined {
    return this.sections[this.sections.length - 1];
  }

  private open(kind: Section['kind'], heading: string): Draft {
    this.flushLoose(false);
    const d: Draft = { kind, heading, lines: [] };
    this.sections.push(d);
    return d;
  }

  /** Loose lines: the old-style attachment list (title repeated after it) or text without a heading. */
  private flushLoose(asAttachments: boolean): void {
    if (!this.loose.some((l) => l !== '')) {
      this.loose = [];
      return;
    }
    if (!asAttachments) this.warn('text-without-heading', this.loose.find((l) => l !== '')!);
    this.sections.push({ kind: asAttachments ? 'attachments' : 'other', heading: asAttachments ? 'Bilag' : '', lines: this.loose });
    this.loose = [];
  }

  add(line: Line): void {
    const { text } = line;
    if (this.preamble && text !== '' && (this.titleStarts.has(text[0].toLowerCase()) || this.titleStarts.has('')) && this.titles.has(normalize(text))) {
      this.preamble = false;
      this.flushLoose(true);
      this.sections.push({ kind: 'other', heading: '', lines: [] });
      return;
    }
    const start = sectionStart(text, this.ctx);
    if (start) {
      if (start.kind !== 'attachments') this.preamble = false;
      if (start.futureDate) this.warn('decision-heading-after-meeting', start.heading);
      const d = this.open(start.kind, start.heading);
      if (start.inline) d.lines.push(start.inline);
      return;
    }
    const cur = this.current;
    if (line.headingLike && (!cur || (cur.kind === 'other' && cur.heading === '' && cur.lines.every((l) => l === '')))) {
      this.sections.pop();
      this.warn('unknown-section', text);
      this.open('other', text);
      return;
    }
    if (cur) cur.lines.push(text);
    else this.loose.push(text);
  }

  finish(): Section[] {
    this.flushLoose(false);
    return this.sections.map((d) => ({ kind: d.kind, heading: d.heading, body: joinBody(d.lines) })).filter((s) => s.heading !== '' || s.body !== '');
  }
}

function decisionOf(sections: Section[], ctx: ItemContext, warn: (code: WarningCode, text: string) => void): string | null {
  const bodies = sections.filter((s) => s.kind === 'decision').map((s) => s.body.trim());
  if (bodies.length > 1) warn('several-decisions', `${bodies.length}`);
  const text = bodies.filter((b) => b !== '' && b !== '.').join('\n\n');
  if (text === '') return null;
  if (ctx.kind === 'agenda') warn('decision-in-agenda', text);
  return text;
}

/**
 * The Indstilling section; else an unknown section holding "X indstiller" (renamed, with a warning);
 * else, in older minutes, an "X indstiller, at ..." paragraph inside the case text.
 */
function recommendationOf(sections: Section[], warn: (code: WarningCode, text: string) => void): Recommendation {
  const rec = sections.find((s) => s.kind === 'recommendation');
  if (rec) return parseRecommendation(rec.body);
  const other = sections.find((s) => s.kind === 'other' && mentionsRecommendation(s.body));
  if (other) {
    other.kind = 'recommendation';
    warn('recommendation-under-other-heading', other.heading);
    return parseRecommendation(other.body);
  }
  for (const s of sections) {
    if (s.kind !== 'case' && s.kind !== 'supplementaryCase' && s.kind !== 'occasion') continue;
    const at = recommendationStart(s.body);
    if (at >= 0) return parseRecommendation(s.body.slice(at));
  }
  return { recommendedBy: null, proposals: [] };
}

/** "Pkt. 42" or "42." alone under the heading of item 42 (web pages repeat it): not body text. */
function repeatsNumber(text: string, number: number): boolean {
  const m = /^(?:(?:punkt|pkt)\.?\s*)?(\d{1,4})\.?$/i.exec(text);
  return m !== null && Number(m[1]) === number;
}

type ItemContent = Pick<AgendaItem, 'sections' | 'recommendedBy' | 'proposals' | 'decision' | 'attachments'>;

/** One literal, not a spread of a shared base: the spread was a tenth of the import's time (profiled). */
function item(h: ItemHeading, caseNumber: string | null, c: ItemContent): AgendaItem {
  return {
    number: h.number,
    title: h.title,
    prefix: h.prefix,
    caseNumber,
    timeSlot: h.timeSlot,
    closed: h.closed,
    writtenBriefing: isWrittenBriefing(h.title),
    standing: h.closed ? null : standingKind(h.title),
    sections: c.sections,
    recommendedBy: c.recommendedBy,
    proposals: c.proposals,
    decision: c.decision,
    attachments: c.attachments,
  };
}

/** Builds the item; warnings for closed items never carry their content. */
export function buildItem(h: ItemHeading, lines: Line[], ctx: ItemContext, warnings: ParseWarning[]): AgendaItem {
  const warn = (code: WarningCode, text: string) => warnings.push({ code, item: h.number, text: h.closed ? '' : shorten(text) });
  let i = 0;
  while (i < lines.length && (lines[i].text === '' || repeatsNumber(lines[i].text, h.number))) i++;
  let caseNumber = i < lines.length ? caseNumberOf(lines[i].text) : null;
  if (caseNumber) i++;
  else {
    const labelled = labelledCaseNumber(lines, i, ctx);
    if (labelled) {
      caseNumber = labelled.value;
      lines = lines.filter((_, k) => k !== labelled.index);
    } else warn('missing-case-number', h.title);
  }
  if (h.duration) warn('duration-removed', h.duration);
  if (h.title === '') warn('missing-title', `Punkt ${h.number}`);
  if (h.closed) {
    if (lines.slice(i).some((l) => l.text !== '')) warn('closed-content-dropped', '');
    return item(h, caseNumber, { sections: [], recommendedBy: null, proposals: [], decision: null, attachments: [] });
  }
  const titles = new Set([normalize(h.title), normalize(h.prefix ? `${h.prefix} - ${h.title}` : h.title)]);
  const collector = new SectionCollector(titles, ctx, warn);
  for (; i < lines.length; i++) collector.add(lines[i]);
  const sections = collector.finish();
  const { recommendedBy, proposals } = recommendationOf(sections, warn);
  const attachments = sections
    .filter((s) => s.kind === 'attachments')
    .flatMap((s) => s.body.split('\n'))
    .map(bulletless)
    .filter((l) => l !== '');
  return item(h, caseNumber, { sections, recommendedBy, proposals, decision: decisionOf(sections, ctx, warn), attachments });
}
