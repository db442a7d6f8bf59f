/**
 * How an item's text is laid out on its card: what shows at once, what sits behind "Vis mere", and
 * how it shrinks to fit the size budget. Pure functions over the parsed item.
 */
import type { AgendaItem, Locale, Section } from '../domain';
import { t } from '../i18n';
import { fitText } from './render';

/** Texts shown at once, in characters, before any shrinking for the budget. */
export const VISIBLE_CAPS = { occasion: 1500, caseLead: 600, proposal: 800, decision: 3000, comment: 500, attachment: 200 };
/** Below this a shrunk visible text is not useful any more. */
const MIN_VISIBLE = 60;

/** Kinds shown behind "Vis mere" after the rest of the case text, in document order. */
const MORE_KINDS = new Set<Section['kind']>(['supplementaryCase', 'economy', 'process', 'history', 'other']);

export interface ItemText {
  occasion: string;
  caseLead: string;
  /** Hidden parts, each with its heading ('' for the rest of the case text). */
  more: { heading: string; body: string }[];
}

function bodyOf(item: AgendaItem, kind: Section['kind']): string {
  return item.sections
    .filter((s) => s.kind === kind)
    .map((s) => s.body.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The lead of a long text: whole paragraphs up to `max` characters (at least one, shortened). */
export function splitLead(body: string, max: number): { lead: string; rest: string } {
  if (body.length <= max * 1.3) return { lead: body, rest: '' };
  const paragraphs = body.split(/\n\s*\n/);
  let lead = '';
  let i = 0;
  while (i < paragraphs.length && (lead ? `${lead}\n\n${paragraphs[i]}` : paragraphs[i]).length <= max) {
    lead = lead ? `${lead}\n\n${paragraphs[i]}` : paragraphs[i];
    i++;
  }
  if (!lead) {
    const cut = fitText(paragraphs[0], max).replace(/…$/, '');
    return { lead: `${cut}…`, rest: `…${body.slice(cut.length).trimStart()}` };
  }
  return { lead, rest: paragraphs.slice(i).join('\n\n') };
}

export function itemText(item: AgendaItem, locale: Locale): ItemText {
  const { lead, rest } = splitLead(bodyOf(item, 'case'), VISIBLE_CAPS.caseLead);
  const more: ItemText['more'] = rest ? [{ heading: '', body: rest }] : [];
  for (const s of item.sections) {
    if (MORE_KINDS.has(s.kind) && s.body.trim()) more.push({ heading: s.heading.trim() || t(locale, 'card.item.case'), body: s.body.trim() });
  }
  return { occasion: bodyOf(item, 'occasion'), caseLead: lead, more };
}

/** Keeps at most `chars` characters of the hidden parts, in order. */
export function capMore(more: ItemText['more'], chars: number): ItemText['more'] {
  const out: ItemText['more'] = [];
  let left = chars;
  for (const m of more) {
    const whole = m.body.length + m.heading.length <= left;
    if (!whole && left - m.heading.length < MIN_VISIBLE) break;
    const body = whole ? m.body : fitText(m.body, left - m.heading.length);
    out.push({ heading: m.heading, body });
    left -= body.length + m.heading.length;
  }
  return out;
}

export function moreLength(more: ItemText['more']): number {
  return more.reduce((n, m) => n + m.body.length + m.heading.length, 0);
}

/** A visible text's cap at shrink level `scale` (0..1). */
export function visibleCap(base: number, scale: number): number {
  return Math.max(MIN_VISIBLE, Math.floor(base * scale));
}
