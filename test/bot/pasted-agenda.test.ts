/**
 * A committee agenda pasted into the channel over real HTTP: routed to the agenda import by the
 * importer's own layout recognisers, and, when Teams sends the message's HTML beside its plain text,
 * read from the HTML (which keeps the list numbers the plain text loses).
 */
import { t } from '../../src/i18n';
import { useHarness } from '../support/use-harness';

const CHANNEL = { conversation: 'channel' as const };

/** The text blocks of the cards the bot sent, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { type?: string; text?: unknown };
  const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : [];
  return [...own, ...Object.values(node).flatMap(texts)];
}

describe('a pasted agenda in the channel', () => {
  const h = useHarness({ seedForum: true });

  async function paste(activity: ReturnType<typeof h.aMessage>): Promise<string[]> {
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    return texts(h.fake.cards());
  }

  test('a "N. Title" committee agenda under a label/value header gets the preview card, not the help card', async () => {
    const agenda = [
      'Udvalg: Teknik- og Miljøudvalget',
      'Mødedato: 7. januar 2027',
      'Mødested: C3.40',
      '',
      '1. Godkendelse af dagsorden',
      'Dagsordenen godkendes.',
      '',
      '2. Orientering om vejbelysning',
      'Sagsnr.: 00.00.00-P19-560-06 Sagsbehandler: L. Hansen',
      'Der orienteres om status for udskiftningen.',
    ].join('\n');
    const seen = await paste(h.aMessage(agenda, CHANNEL));
    expect(seen).toContain(t('da', 'card.preview.title'));
    expect(seen.join('\n')).toContain('Orientering om vejbelysning');
    expect(seen).not.toContain(t('da', 'bot.unknown-command'));
  });

  test('a committee agenda of "N. Title" items without a header gets the preview card', async () => {
    const agenda = ['1. Godkendelse af dagsorden', '', '2. Budget 2027', 'Forslag til budget.', '', '3. Eventuelt'].join('\n');
    const seen = await paste(h.aMessage(agenda, CHANNEL));
    expect(seen).toContain(t('da', 'card.preview.title'));
    expect(seen.join('\n')).toContain('Budget 2027');
  });

  test('a short numbered chat line is not taken for an agenda', async () => {
    const seen = await paste(h.aMessage('1. hjælp\n2. tak', CHANNEL));
    expect(seen).not.toContain(t('da', 'card.preview.title'));
  });

  test("the agenda is read from the message's text/html attachment, where the list numbers are", async () => {
    // Teams' plain text of an ordered list drops the numbers; its HTML keeps the list.
    const plain = ['DAGSORDEN Teknik- og Miljøudvalget', 'Mødedato: 7. januar 2027', 'Godkendelse af dagsorden', 'Orientering om vejbelysning'].join('\n');
    const html =
      '<div><p><at>Opfølgning</at> DAGSORDEN Teknik- og Miljøudvalget</p><p>Mødedato: 7. januar 2027</p>' +
      '<ol><li><p>Godkendelse af dagsorden</p></li><li><p>Orientering om vejbelysning</p></li></ol></div>';
    const message = h.aMessage(plain, CHANNEL);
    const seen = await paste({ ...message, attachments: [{ contentType: 'text/html', content: html }] });
    expect(seen).toContain(t('da', 'card.preview.title'));
    expect(seen.join('\n')).toMatch(/2\D{0,6}Orientering om vejbelysning/);
  });
});
