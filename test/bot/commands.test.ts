/** Chat commands end to end: Teams → /api/messages → command table → handler → fake connector. */
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../../src/bot/command-words';
import { t } from '../../src/i18n';
import { TEST_CHANNEL, USERS } from '../support/activities';
import type { SentActivity } from '../support/fake-connector';
import type { Harness } from '../support/harness';
import { useHarness } from '../support/use-harness';

/** The text blocks of a card, in order (containers included). */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: string; text?: unknown; items?: unknown; body?: unknown };
  if (n.type === 'TextBlock' && typeof n.text === 'string') return [n.text];
  return [...textsOf(n.body), ...textsOf(n.items)];
}

/** What the user saw: texts, and each card's title (its first text; for error cards also the message). */
function seen(sent: SentActivity[]): string[] {
  return sent.flatMap((s) => {
    const a = s.activity as { text?: string; attachments?: { content?: unknown }[] };
    const cards = (a.attachments ?? []).map((x) => {
      const texts = textsOf(x.content);
      return texts[0] === t('da', 'card.error.title') ? texts.slice(0, 2).join(': ') : (texts[0] ?? '(no text)');
    });
    return [...(a.text ? [a.text] : []), ...cards];
  });
}

describe('chat commands', () => {
  const h = useHarness({ seedForum: true });

  async function answerTo(text: string, opts: Parameters<Harness['aMessage']>[1] = {}): Promise<string[]> {
    h.fake.reset();
    const res = await h.post(h.aMessage(text, opts));
    expect(res.status).toBe(200);
    return seen(h.fake.sent());
  }

  const unknown = t('da', 'bot.unknown-command');
  const answers = new Map<CommandName, string>();

  test.each(COMMAND_NAMES.map((n) => [n] as [CommandName]))('%s answers the same to its Danish word and its English alias, and is understood', async (name) => {
    const danish = await answerTo(COMMAND_WORDS[name].da[0]);
    const english = await answerTo(COMMAND_WORDS[name].en[0]);
    expect(danish.length).toBeGreaterThan(0);
    expect(english).toEqual(danish);
    expect(danish).not.toContain(unknown);
    answers.set(name, danish.join(' | '));
  });

  test('each command reaches its own handler: no two commands answer alike', () => {
    expect(answers.size).toBe(COMMAND_NAMES.length);
    expect(new Set(answers.values()).size).toBe(COMMAND_NAMES.length);
  });

  test('"hjælp" answers with the help card listing every command in Danish', async () => {
    const res = await h.post(h.aMessage('hjælp'));
    expect(res.status).toBe(200);
    const [card] = h.fake.cards();
    const json = JSON.stringify(card);
    expect(json).toContain('Det kan jeg hjælpe med');
    for (const name of COMMAND_NAMES) expect(json).toContain(COMMAND_WORDS[name].da[0]);
  });

  test('text the bot does not understand gets the help card, never silence', async () => {
    const answer = await answerTo('hvad laver du?');
    expect(answer[0]).toBe(unknown);
    expect(answer[1]).toBe('Det kan jeg hjælpe med');
  });

  test('a user whose Teams speaks English gets English', async () => {
    expect(await answerTo('help', { locale: 'en-US' })).toEqual(['What I can help with']);
    const unknownEnglish = await answerTo('what is this', { locale: 'en-GB' });
    expect(unknownEnglish).toEqual([t('en', 'bot.unknown-command'), 'What I can help with']);
  });

  test('in the channel the bot answers a mention in the same thread', async () => {
    const thread = `${TEST_CHANNEL.id};messageid=1700000000001`;
    const res = await h.post(h.aMessage('hjælp', { conversation: 'channel', conversationId: thread }));
    expect(res.status).toBe(200);
    const [reply] = h.fake.sent();
    expect(reply.conversationId).toBe(thread);
    expect(seen([reply])).toEqual(['Det kan jeg hjælpe med']);
  });

  test('a pasted agenda goes to the agenda import, not to the help card', async () => {
    const agenda = [
      'DAGSORDEN Ledelsesforum d. 10-03-2026',
      'Mødedato Tirsdag d. 10. marts 2026 kl. 09:00',
      'Mødested Rådhuset, lokale 2',
      '',
      'Punkt 1: Godkendelse af dagsorden',
      '',
      'Punkt 2: Nyt intranet',
      'Sagsfremstilling',
      'Intranettet skal udskiftes.',
    ].join('\n');
    const answer = await answerTo(agenda);
    expect(answer).not.toContain(unknown);
    expect(JSON.stringify(h.fake.cards())).toContain('Nyt intranet');
  });

  test('an agenda file sent in 1:1 chat is fetched from Teams and goes to the agenda import', async () => {
    const text = [
      'DAGSORDEN Ledelsesforum d. 17-03-2026',
      'Mødedato Tirsdag d. 17. marts 2026 kl. 09:00',
      '',
      'Punkt 1: Godkendelse af dagsorden',
      '',
      'Punkt 2: Budget for sommerferien',
    ].join('\n');
    const downloadUrl = h.fake.serveFile('dagsorden.txt', text, 'text/plain');
    const res = await h.post(h.aFileMessage({ name: 'dagsorden.txt', downloadUrl }));
    expect(res.status).toBe(200);
    expect(h.fake.requests().some((r) => r.kind === 'file')).toBe(true);
    expect(JSON.stringify(h.fake.cards())).toContain('Budget for sommerferien');
  });

  test('a chief who asks for a manager command is refused politely and nothing happens', async () => {
    const answer = await answerTo('afslut møde', { from: USERS.chiefCulture });
    expect(JSON.stringify(h.fake.cards())).toContain(t('da', 'error.forbidden'));
    expect(answer).toHaveLength(1);
  });
});
