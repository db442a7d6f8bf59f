/**
 * Sentences and clauses of a decision text. A full stop after an abbreviation ("bl.a.", "ifm.", "d.")
 * or a day number ("den 23. maj") does not end a sentence.
 */

const ABBREVIATIONS = new Set(
  (
    'a bl bla ca d dvs el etc evt f fx f.eks eks ifm ift iht inkl jf kl kr m mfl mht mm mv nr ndr obs osv pga pkt pr resp ' +
    'sek stk tlf ved vedr vha jan feb mar apr jun jul aug sep sept okt nov dec ang afd'
  ).split(' '),
);

const END = /(?<![.!?])[.!?]+(?=\s+["“”'(]?[A-ZÆØÅ0-9])/g;

function endsWithAbbreviation(before: string): boolean {
  const m = /(?:^|[\s(])([\p{L}.]{1,8}|\d{1,2})$/u.exec(before);
  if (!m) return false;
  const word = m[1].toLowerCase();
  return /^\d{1,2}$/.test(word) || ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\./g, '')) || /^\p{L}$/u.test(word);
}

/** Sentences of a text; each line (paragraph, bullet) is split on its own. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const para = line.replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/, '').trim();
    if (para === '') continue;
    let start = 0;
    END.lastIndex = 0;
    for (let m = END.exec(para); m !== null; m = END.exec(para)) {
      if (endsWithAbbreviation(para.slice(Math.max(start, m.index - 12), m.index))) continue;
      out.push(para.slice(start, m.index + m[0].length).trim());
      start = m.index + m[0].length;
    }
    const rest = para.slice(start).trim();
    if (rest !== '') out.push(rest);
  }
  return out;
}

const CLAUSE =
  /,\s+(?=(?:men|hvorefter|hvorpå|herefter|derefter)\s)|,\s+(?=og\s+(?:(?:på|det|der|så|i|herefter|derefter|hvis|når|dermed|derfor)(?![\p{L}])|\p{Lu}))|;\s+|(?<!\s)\s+(?=(?:hvorefter|hvorpå)\s)/gu;

/** Main clauses of a sentence: split before ", men", ", og", "hvorefter" and at semicolons. */
export function clauses(sentence: string): string[] {
  return sentence
    .split(CLAUSE)
    .map((c) => c.replace(/^(?:men|og|hvorefter|hvorpå|herefter|derefter)\s+/i, '').trim())
    .filter((c) => c !== '');
}
