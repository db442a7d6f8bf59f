/**
 * What a decision clause asks for: a return to the forum, a message to the departments, a task, an
 * event, or nothing. Precision over recall: a clause needs a clear signal (or a future date with an
 * event word) to count.
 */
import type { DueDate, FollowUpKind } from '../domain';

const RETURN_FIXED =
  /tilbage\s+til\s+(?:behandling|drøftelse|beslutning)|(?:sendes|kommer|vender|tages|bringes)\s+tilbage|genoptages|tages\s+op\s+igen|på\s+dagsordenen\s+igen/iu;
const FORUM_WORD = '[\\p{L}]*forum(?:met|s)?';
const RETURN_FORUM = new RegExp(
  `(?:på|til|i)\\s+(?:et|næste|et\\s+kommende|et\\s+senere|det\\s+kommende|et\\s+nyt|et\\s+fremtidigt)\\s+${FORUM_WORD}(?![\\p{L}-])`,
  'iu',
);
const COMMUNICATION =
  /(?:informer|orienter|kommuniker|videreformidl|formidl|fortæl)\p{L}*\s.{0,60}?(?:afdeling|medarbejder|organisation|MED-?udvalg|ledere)|melde[rs]?\s+ud|kommunikeres\s+ud/iu;
const STRONG_TASK = /deadline|frist|tovholder|opfordres\s+til|har\s+(?:en\s+(?:\p{L}+\s+)?|til\s+)?opgave|har\s+ansvar|forpligte|bedes/iu;
const TASK =
  /(?<![\p{L}])(?:skal|bør|laver|udarbejder|udsender|sender|undersøger|følger\s+op|sørger\s+for|tager\s+kontakt|kontakter|taler\s+nærmere|fremlægger|forelægger|indkalder|inviterer|planlægger|koordinerer|opdaterer|finder|udpeger|påtager\s+sig|går\s+sammen|står\s+for|forsøger|aftaler)(?![\p{L}])/iu;
/** "der skal udarbejdes", "det skal undersøges": something is to be done, even if nobody is named. */
const PASSIVE_AFTER_MODAL = /(?<![\p{L}])(?:skal|bør)(?:\s+[\p{L}\d&/-]+){0,6}?\s+\p{L}{3,}es(?![\p{L}])/iu;
const FUTURE_MEETING = /(?:på|til)\s+(?:det\s+kommende|næste|et\s+kommende)\s+[\p{L}-]*møde/iu;
const EVENT =
  /afholdes|afholder|markering|markeres|fejring|fejres|arrangement|besøger|konference|seminar|øvelse|lancer|i\s+luften|træder\s+i\s+kraft|idriftsæt|kommer\s+(?:nyt|nye|ny)|åbner|starter|begynder/iu;
const REPORTING = /(?<![\p{L}])(?:orienterede|præsenterede|fortalte|redegjorde|gennemgik|drøftede|informerede|blev\s+(?:godkendt|taget|drøftet))(?![\p{L}])/iu;

const SENEST = /(?<![\p{L}])senest(?![\p{L}])/iu;

/** "Der skal udarbejdes ...": a modal followed by a passive verb asks for something to be done. */
export function asksForAction(text: string): boolean {
  return PASSIVE_AFTER_MODAL.test(text);
}

export interface ClauseSignals {
  kind: FollowUpKind | null;
  /** Deadline words, a named coordinator, an explicit request: worth more confidence. */
  strong: boolean;
  /** Only a modal verb ("skal", "bør") made it a task. */
  weak: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isReturnToForum(text: string, forumName?: string): boolean {
  if (RETURN_FIXED.test(text) || RETURN_FORUM.test(text)) return true;
  if (!forumName) return false;
  return ownForumReturn(forumName).test(text);
}

const OWN_FORUM_RETURN = new Map<string, RegExp>();

/** "på et kommende <forum>", compiled once per forum name (it is asked for every clause). */
function ownForumReturn(forumName: string): RegExp {
  let re = OWN_FORUM_RETURN.get(forumName);
  if (!re) {
    if (OWN_FORUM_RETURN.size > 100) OWN_FORUM_RETURN.clear();
    re = new RegExp(`(?:på|til)\\s+(?:et|næste|et\\s+kommende|et\\s+senere|det\\s+kommende|et\\s+nyt)\\s+${escapeRegExp(forumName)}`, 'iu');
    OWN_FORUM_RETURN.set(forumName, re);
  }
  return re;
}

/** The text mentions the forum itself ("evaluering i Chefforum", "på Ledermødet"). */
export function mentionsForum(text: string, forumName?: string): boolean {
  if (/(?:^|\s)(?:i|på|til)\s+\p{L}*forum/iu.test(text)) return true;
  return forumName !== undefined && forumName !== '' && text.toLowerCase().includes(forumName.toLowerCase());
}

/** The kind of follow-up a clause calls for; `due` is the first future date in it. */
export function clauseSignals(text: string, due: DueDate | null, forumName?: string): ClauseSignals {
  const hasDate = due !== null;
  const strong = STRONG_TASK.test(text);
  if (isReturnToForum(text, forumName)) return { kind: 'return-to-forum', strong: true, weak: false };
  if (COMMUNICATION.test(text) && !REPORTING.test(text)) return { kind: 'communication', strong, weak: false };
  const deadline = /deadline|frist|senest/i.test(text);
  // "Sekretariatet retter referatet senest fredag": a deadline on a date asks for something to be done.
  if (hasDate && SENEST.test(text) && !REPORTING.test(text)) return { kind: 'task', strong: true, weak: false };
  if (hasDate && EVENT.test(text) && !deadline && !REPORTING.test(text)) return { kind: 'event', strong, weak: false };
  const task = TASK.exec(text);
  if (strong || task || FUTURE_MEETING.test(text)) {
    const weak = !strong && task !== null && /^(?:skal|bør)$/i.test(task[0]) && !FUTURE_MEETING.test(text);
    return { kind: 'task', strong, weak };
  }
  if (due?.precision === 'day' && !REPORTING.test(text)) return { kind: 'event', strong: false, weak: true };
  return { kind: null, strong: false, weak: false };
}
