/**
 * The chat commands and the words that call them (Danish first, English aliases), as pure data:
 * the command table, the help card and the app manifest's command menu read it.
 * Matching ignores case, the bot's @mention, surrounding punctuation, a leading "/" and invisible
 * marks (bidi and zero-width characters a client or a paste can leave in the text).
 */
export const COMMAND_NAMES = [
  'help',
  'agenda',
  'myTasks',
  'deadlines',
  'minutes',
  'setup',
  'publish',
  'closeMeeting',
  'returns',
  'followUpStatus',
  'language',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_WORDS: Record<CommandName, { da: string[]; en: string[] }> = {
  help: { da: ['hjælp', 'hjaelp', '?'], en: ['help'] },
  agenda: { da: ['dagsorden', 'næste møde'], en: ['agenda', 'next meeting'] },
  myTasks: { da: ['mine opgaver', 'opgaver'], en: ['my tasks', 'tasks'] },
  deadlines: { da: ['frister', 'frist'], en: ['deadlines'] },
  minutes: { da: ['referat'], en: ['minutes'] },
  setup: { da: ['opsæt', 'opsaet', 'opsætning'], en: ['setup', 'set up'] },
  publish: { da: ['publicér', 'publicer', 'udsend dagsorden'], en: ['publish'] },
  closeMeeting: { da: ['afslut møde', 'afslut mødet'], en: ['close meeting', 'end meeting'] },
  returns: { da: ['tilbage', 'tilbage til forum'], en: ['returns', 'returning items'] },
  followUpStatus: { da: ['opfølgning', 'opfoelgning', 'opfølgningsstatus'], en: ['follow-up status', 'follow-up'] },
  language: { da: ['sprog'], en: ['language'] },
};

/**
 * Commands only the secretary or chair can use, checked before the handler. "opsæt" has its own
 * rule (anyone while the channel has no forum), checked by its handler.
 */
export const MANAGER_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>(['publish', 'closeMeeting', 'followUpStatus']);

/** Zero-width and bidi marks: U+200B-U+200F, U+202A-U+202E, U+2060-U+2064, U+2066-U+2069, U+FEFF. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Mentions, markup, invisible marks and extra whitespace removed; case kept. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/<at>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokens(s: string): string[] {
  return s.toLowerCase().split(' ').filter(Boolean);
}

// Longest word first, so "afslut møde" wins over "afslut" and "mine opgaver" over nothing.
const INDEX: { name: CommandName; words: string[] }[] = COMMAND_NAMES.flatMap((name) =>
  [...COMMAND_WORDS[name].da, ...COMMAND_WORDS[name].en].map((w) => ({ name, words: tokens(w) })),
).sort((a, b) => b.words.length - a.words.length);

/** The command the text starts with and the rest of the text, or null. */
export function matchCommand(text: string): { name: CommandName; args: string } | null {
  const cleaned = cleanText(text).replace(/^\//, '');
  const original = cleaned.split(' ').filter(Boolean);
  const lower = original.map((t) => t.toLowerCase());
  if (lower.length > 0) lower[0] = lower[0].replace(/^[^\p{L}?]+/u, '');
  for (const { name, words } of INDEX) {
    if (lower.length < words.length) continue;
    const head = lower.slice(0, words.length);
    const last = head.length - 1;
    head[last] = words[last] === '?' ? head[last] : head[last].replace(/[.!?:,;]+$/u, '');
    if (head.every((t, i) => t === words[i])) return { name, args: original.slice(words.length).join(' ') };
  }
  return null;
}
