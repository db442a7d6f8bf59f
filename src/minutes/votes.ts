/**
 * Votes and amendments in a decision: an amendment or proposal that fell ("Faldet", "forkastet",
 * "blev ikke vedtaget", "stemte imod ... flertal") decided nothing, so no follow-up may come from it.
 * The decision text itself keeps everything, voting lines ("For stemte: ...") included: it is the record.
 */

const FELL = new RegExp(
  [
    '(?<!\\p{L})(?:faldt|faldet|forkastet|forkastedes|bortfaldt|(?:blev\\s+)?ikke\\s+vedtaget',
    // "stemte imod ... flertal" and "et flertal stemte imod", unless the majority is the one that approved
    '|stemte\\s+imod\\b[^.\\n]{0,200}?flertal(?:et)?(?![^.\\n]{0,60}(?:godkend|vedt|tiltr|anbefal))',
    '|flertal(?:et)?\\s+(?:\\([^)\\n]{0,80}\\)\\s*)?stemte\\s+imod)(?!\\p{L})\\.?',
  ].join(''),
  'iu',
);
/** Where a motion begins: "Ændringsforslag fra C-gruppen:", "Forslag fra V:", "A stillede følgende ændringsforslag". */
const MOTION =
  /(?:^|[.!?:]\s+|\n\s*)((?:ændrings|alternativt\s+|modforslag|forslag)[^\n]{0,40}?(?:fra|:)|(?:\S+\s){1,5}(?:stillede|fremsatte)\s+(?:følgende\s+)?(?:ændrings)?forslag)/giu;
const SENTENCE_END = /[.!?](?=\s+\p{Lu})|\n/gu;

function lastMatchEnd(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    at = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return at;
}

/** Where the motion (or else the sentence) holding the outcome at `at` begins. */
function motionStart(text: string, at: number): number {
  const paragraph = text.lastIndexOf('\n\n', at) + 1;
  const before = text.slice(paragraph, at);
  MOTION.lastIndex = 0;
  let motion = -1;
  for (let m = MOTION.exec(before); m; m = MOTION.exec(before)) motion = m.index + m[0].length - m[1].length;
  if (motion >= 0) return paragraph + motion;
  const sentence = lastMatchEnd(SENTENCE_END, before);
  return paragraph + Math.max(0, sentence);
}

/** An outcome word ends its motion ("... Faldet Borgmesterens forslag ..."); otherwise its sentence does. */
function motionEnd(text: string, after: number): number {
  const rest = text.slice(after);
  if (/^\s*(?:\p{Lu}|$)/u.test(rest)) return after;
  SENTENCE_END.lastIndex = 0;
  const end = SENTENCE_END.exec(rest);
  return end ? after + end.index + 1 : text.length;
}

/** The decision without the motions that fell (and their votes), for finding follow-ups. */
export function withoutFallenMotions(decision: string): string {
  let text = decision;
  for (let guard = 0; guard < 100; guard++) {
    const m = FELL.exec(text);
    if (!m) break;
    const start = motionStart(text, m.index);
    text = `${text.slice(0, start)}${text.slice(motionEnd(text, m.index + m[0].length))}`;
  }
  return text.trim();
}
