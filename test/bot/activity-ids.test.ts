/**
 * Ids the bot keys storage and replies on are checked at the edge: a control character (a NUL) in a
 * conversation, user or activity id is a 400 naming the field, with a precise log line, not a
 * failed turn; the service keeps serving.
 */
import { useHarness } from '../support/use-harness';

describe('an activity whose ids carry control characters', () => {
  const h = useHarness({ seedForum: true });

  test.each([
    ['conversation.id', (a: Record<string, unknown>) => ({ ...a, conversation: { ...(a.conversation as object), id: 'a:1\u0000x' } })],
    ['from.id', (a: Record<string, unknown>) => ({ ...a, from: { ...(a.from as object), id: '29:chief\u0000' } })],
    ['recipient.id', (a: Record<string, unknown>) => ({ ...a, recipient: { ...(a.recipient as object), id: '28:bot\u0007' } })],
    ['id', (a: Record<string, unknown>) => ({ ...a, id: 'act\u0000ivity' })],
  ])('a control character in %s is refused with 400 naming it, logged, and nothing runs', async (field, spoil) => {
    const res = await h.postRaw(JSON.stringify(spoil(h.aMessage('hjælp'))));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid-activity' });
    expect(JSON.stringify(res.body)).toContain(`${field}: must not contain control characters`);
    expect(h.fake.requests()).toHaveLength(0);
    expect(h.logText()).toMatch(
      new RegExp(`"problems":\\["${field.replace('.', '\\.')}: must not contain control characters[^"]*"\\],"msg":"refused a malformed activity"`),
    );
    expect(h.logText()).not.toMatch(/turn failed/);
  });

  test('the same activity without the control character is served', async () => {
    const res = await h.post(h.aMessage('hjælp'));
    expect(res.status).toBe(200);
    expect(h.fake.cards()).toHaveLength(1);
  });
});
