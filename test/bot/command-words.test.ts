/** Which command a typed message asks for, whatever the language, case, mention or punctuation. */
import { COMMAND_NAMES, COMMAND_WORDS, matchCommand } from '../../src/bot/command-words';

describe('matching a message to a command', () => {
  const everyWord = COMMAND_NAMES.flatMap((name) => [...COMMAND_WORDS[name].da, ...COMMAND_WORDS[name].en].map((word) => [word, name] as const));

  test.each(everyWord)('"%s" asks for %s', (word, name) => {
    expect(matchCommand(word)).toEqual({ name, args: '' });
  });

  test.each(everyWord)('"%s" in upper case, after the bot’s mention and with punctuation still asks for %s', (word, name) => {
    expect(matchCommand(`<at>Opfølgning</at> ${word.toUpperCase()}!`.replace('?!', '?'))?.name).toBe(name);
  });

  test('keeps what follows the command word as its arguments, case and all', () => {
    expect(matchCommand('referat Mødet 3. Marts')).toEqual({ name: 'minutes', args: 'Mødet 3. Marts' });
    expect(matchCommand('/help agenda')).toEqual({ name: 'help', args: 'agenda' });
  });

  test('prefers the longest command: "afslut møde" is not "afslut", "mine opgaver" is not "opgaver"', () => {
    expect(matchCommand('mine opgaver')?.name).toBe('myTasks');
    expect(matchCommand('afslut møde nu')).toEqual({ name: 'closeMeeting', args: 'nu' });
    expect(matchCommand('afslut')).toBeNull();
  });

  test.each([
    ['RIGHT-TO-LEFT MARK', '\u200F'],
    ['LEFT-TO-RIGHT MARK', '\u200E'],
    ['ZERO WIDTH SPACE', '\u200B'],
    ['ZERO WIDTH JOINER', '\u200D'],
    ['RIGHT-TO-LEFT OVERRIDE', '\u202E'],
    ['WORD JOINER', '\u2060'],
    ['BYTE ORDER MARK', '\uFEFF'],
  ])('an invisible %s around or inside the command word does not break matching', (_, mark) => {
    expect(matchCommand(`${mark}hjælp`)).toEqual({ name: 'help', args: '' });
    expect(matchCommand(`frister${mark}`)).toEqual({ name: 'deadlines', args: '' });
    expect(matchCommand(`<at>Opfølgning</at> ${mark}afslut ${mark}møde${mark} nu`)).toEqual({ name: 'closeMeeting', args: 'nu' });
    expect(matchCommand(`refe${mark}rat`)?.name).toBe('minutes');
  });

  test('does not take a word that merely starts like a command', () => {
    expect(matchCommand('dagsordenen er fin')).toBeNull();
    expect(matchCommand('helpful')).toBeNull();
    expect(matchCommand('')).toBeNull();
    expect(matchCommand('<at>Opfølgning</at>')).toBeNull();
  });

  test('every Danish and English word belongs to exactly one command', () => {
    const words = COMMAND_NAMES.flatMap((n) => [...COMMAND_WORDS[n].da, ...COMMAND_WORDS[n].en].map((w) => w.toLowerCase()));
    expect(new Set(words).size).toBe(words.length);
  });
});
