/**
 * Who a follow-up belongs to, from the words of a clause: "som Kultur & Fritid er tovholder på",
 * "Kultur & Fritid laver ...", "Cheferne opfordres til ...", "ØS bør ...", "Direktøren for ... taler nærmere",
 * "Morten Kjær og kommunikationsenheden laver ...". Generic patterns; the forum's own
 * department and member names (when given) are recognised first, abbreviations included.
 */
import type { Owner } from '../domain';
import { trimEnd } from './lines';

export interface OwnerOptions {
  departments?: string[];
  memberNames?: string[];
  forumName?: string;
}

const ALL_CHIEFS = /^(?:alle\s+)?(?:cheferne|chefer|afdelingscheferne|afdelingschefer|chefgruppen|medlemmerne(?:\s+i\s+\S+)?|alle\s+medlemmer)$/i;
const ROLE = /^(?:\p{L}*(?:direktøren|chefen|chef|sekretæren|formanden|borgmesteren|konsulenten|koordinatoren|lederen))(?:\s+for\s+.+)?$/iu;
/** "Sekretariatet" on its own is the forum's secretary ("Økonomisekretariatet" stays a department). */
const SECRETARIAT = /^sekretariatet$/i;
const ROLE_TITLE = /^(?:udviklingskonsulent|konsulent|chefkonsulent|specialkonsulent|sekretær|direktør|kommunaldirektør|afdelingschef|chef|leder)\s+/i;
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
const CAP_WORD = /^\p{Lu}[\p{L}-]*$/u;
const ABBREVIATION = /^(?:\p{Lu}{2,5}|\p{Lu}&\p{Lu})$/u;
const ORG_NOUN = /^[\p{L}-]*(?:afdelingen|enheden|sekretariatet|teamet|staben|centret|centeret)(?:\s+i\s+\S+)?$/iu;
/** Verbs after which the words before them are the one who acts. */
const VERBS = new Set(
  (
    'laver udarbejder sender udsender undersøger tager taler fremlægger forelægger sørger følger informerer orienterer kontakter ' +
    'indkalder inviterer planlægger koordinerer sikrer finder melder går står giver samler afholder arrangerer opdaterer kigger ' +
    'skal bør vil har opfordres bedes forpligter påtager vender bringer deler formidler videreformidler leverer udpeger ' +
    'besøger drøfter forsøger er retter'
  ).split(' '),
);
const ADVERBIALS = new Set(
  'desuden herudover derudover derfor efterfølgende endvidere samtidig dernæst endelig så nu fremover fremadrettet herefter derefter'.split(' '),
);
const SUBJECT_LOWER = /^(?:og|&|,|for|i|alle|cheferne|chefer|direktøren|chefen|kommunaldirektøren|[\p{L}-]*(?:afdelingen|enheden|sekretariatet))$/iu;

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}&./-]*|[,&]/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0].replace(/[./]+$/, '');
    out.push({ word, start: m.index, end: m.index + word.length });
  }
  return out;
}

function initials(name: string): string {
  return name
    .split(/[\s,&]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function isForum(phrase: string, opts: OwnerOptions): boolean {
  const p = phrase.toLowerCase();
  const own = opts.forumName?.toLowerCase();
  return /forum(?:met)?$/.test(p) || (own !== undefined && own !== '' && p.startsWith(own)) || p === 'vi' || p === 'man';
}

function configured(phrase: string, opts: OwnerOptions): Owner | null {
  const p = phrase.toLowerCase();
  for (const d of opts.departments ?? []) {
    const abbr = initials(d);
    if (d.toLowerCase() === p || (abbr.length >= 2 && abbr === phrase.replace('&', ''))) return { kind: 'department', name: d };
  }
  for (const n of opts.memberNames ?? []) {
    if (n.toLowerCase() === p || n.toLowerCase().split(/\s+/)[0] === p) return { kind: 'member', name: n };
  }
  return null;
}

/** What kind of owner a subject phrase names, or null (a common noun, the forum itself). */
export function classifyOwner(phrase: string, opts: OwnerOptions = {}): Owner | null {
  const p = trimEnd(phrase.replace(/^[\s,&]+/, ''), ' \t\n,&')
    .replace(/\s+/g, ' ')
    .replace(/^(?:og|at|hvorefter|som)\s+/i, '');
  if (p === '' || isForum(p, opts)) return null;
  const known = configured(p, opts);
  if (known) return known;
  if (ALL_CHIEFS.test(p)) return { kind: 'all-chiefs', name: p };
  const words = p.split(/\s+/);
  if (ABBREVIATION.test(p)) return { kind: 'department', name: p };
  if (/\s&\s/.test(p) && words.every((w) => CAP_WORD.test(w) || w === '&' || /^\p{Lu}[\p{L}-]*,$/u.test(w))) return { kind: 'department', name: p };
  if (/^\p{Lu}[\p{L}-]*(?:,\s+\p{Lu}[\p{L}-]*)+\s+og\s+\p{Lu}[\p{L}-]*$/u.test(p)) return { kind: 'department', name: p };
  if (ROLE.test(p) || SECRETARIAT.test(p)) return { kind: 'role', name: p };
  const titled = p.replace(ROLE_TITLE, '');
  const nameWords = titled.split(/\s+/);
  if (nameWords.length >= 2 && nameWords.length <= 4 && nameWords.every((w) => NAME_WORD.test(w))) {
    return configured(titled, opts) ?? { kind: 'person', name: titled };
  }
  if (ORG_NOUN.test(p)) return { kind: 'department', name: p };
  const parts = p.split(/\s+og\s+/);
  if (parts.length > 1) {
    for (const part of parts) {
      const o = classifyOwner(part, opts);
      if (o) return o;
    }
  }
  return null;
}

function isSubjectWord(t: Token): boolean {
  return CAP_WORD.test(t.word) || ABBREVIATION.test(t.word) || SUBJECT_LOWER.test(t.word);
}

function phrase(text: string, from: Token, to: Token): string {
  return text.slice(from.start, to.end);
}

const TOVHOLDER = /(?:som|hvor|hvilket)\s+(.{2,70}?)\s+er\s+tovholder|med\s+(.{2,70}?)\s+som\s+tovholder|tovholder(?:\s+er|:)\s+([^.,;]{2,70})/iu;

/** The owner named in a clause, or null. */
export function findOwner(text: string, opts: OwnerOptions = {}): Owner | null {
  const t = TOVHOLDER.exec(text);
  if (t) {
    const o = classifyOwner((t[1] ?? t[2] ?? t[3]).trim(), opts);
    if (o) return o;
  }
  const toks = tokens(text);
  for (let i = 0; i < toks.length; i++) {
    if (!VERBS.has(toks[i].word.toLowerCase()) || /^\p{Lu}/u.test(toks[i].word)) continue;
    let j = i;
    while (j > 0 && i - j < 10 && isSubjectWord(toks[j - 1])) j--;
    if (j < i) {
      const o = classifyOwner(phrase(text, toks[j], toks[i - 1]), opts);
      if (o) return o;
    }
    const inverted = i === 1 ? ADVERBIALS.has(toks[0].word.toLowerCase()) || CAP_WORD.test(toks[0].word) : i > 1 && toks[i - 1].word === ',';
    if (inverted) {
      let k = i + 1;
      while (k < toks.length && k - i <= 8 && isSubjectWord(toks[k]) && !VERBS.has(toks[k].word.toLowerCase())) k++;
      if (k > i + 1) {
        const o = classifyOwner(phrase(text, toks[i + 1], toks[k - 1]), opts);
        if (o) return o;
      }
    }
  }
  return null;
}
