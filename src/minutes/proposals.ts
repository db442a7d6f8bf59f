/**
 * The recommendation (Indstilling): who recommends, and each proposal as its own record.
 * "Kommunaldirektøren indstiller, 1. at ... 2. at ...", "... indstiller, at: 1. Chefforum godkender ...",
 * or one inline "indstiller, at ...".
 */
import type { Proposal } from '../domain';

export interface Recommendation {
  recommendedBy: string | null;
  proposals: Proposal[];
}

const RECOMMENDS = /^(.{2,120}?)\s+indstiller\b[\s,:;]*(.*)$/i;
const INDSTILLE = /indstille/i;
const IMPERSONAL = /^det\s+indstilles\b[\s,:;]*(.*)$/i;
const NUMBERED = /^(?:\d{1,2}|[a-h])\s*[.)]\s+(\S.*)$/i;
const BULLET_AT = /^[-•*–]\s+(at\s.*)$/i;
const BULLET = /^[-•*–·▪]\s*(\S.*)$/;

/** True when the text holds a recommendation sentence ("X indstiller", "Det indstilles"). */
export function mentionsRecommendation(body: string): boolean {
  return /\bindstille[rs]\b/i.test(body);
}

/** Where a line starting "X indstiller" begins in a body, or -1. */
export function recommendationStart(body: string): number {
  if (!INDSTILLE.test(body)) return -1; // most bodies: no line to test
  let offset = 0;
  for (const line of body.split('\n')) {
    if (RECOMMENDS.test(line.trim()) || IMPERSONAL.test(line.trim())) return offset;
    offset += line.length + 1;
  }
  return -1;
}

export function parseRecommendation(body: string): Recommendation {
  let recommendedBy: string | null = null;
  const texts: string[] = [];
  let open = false;
  let listAfterAt = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      open = false;
      continue;
    }
    const who: RegExpExecArray | null = recommendedBy === null && texts.length === 0 ? RECOMMENDS.exec(line) : null;
    const impersonal = texts.length === 0 ? IMPERSONAL.exec(line) : null;
    if (who || impersonal) {
      if (who) recommendedBy = who[1].replace(/^[-•*\s]+/, '').trim();
      const tail = (who ? who[2] : impersonal![1]).trim();
      listAfterAt = /^at\s*:?$/i.test(tail);
      if (/^at\s+\S/i.test(tail)) {
        texts.push(tail);
        open = true;
      }
      continue;
    }
    // "... indstiller, at" and then a bulleted list: each bullet is a proposal, "at" written once.
    const bullet = listAfterAt ? BULLET.exec(line) : null;
    const numbered = NUMBERED.exec(line) ?? BULLET_AT.exec(line) ?? bullet;
    if (!numbered) listAfterAt = false;
    if (numbered) {
      texts.push(numbered[1].trim());
      open = true;
    } else if (/^at\s+\S/i.test(line)) {
      texts.push(line);
      open = true;
    } else if (open) {
      texts[texts.length - 1] += ` ${line}`;
    }
  }
  return { recommendedBy, proposals: texts.map((text, i) => ({ number: i + 1, text })) };
}
