import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/domain/errors';
import { assertCardBudget, cardAttachment, cardSize, fitText, renderCard } from '../../src/cards';
import { formatDateTime, formatDue, formatInstant } from '../../src/cards/format';
import { type ClosedItemData, TEMPLATE_NAMES, type TemplateName } from '../../src/cards/templates';

describe('renderCard', () => {
  it('fills a template from cards/ and returns an AdaptiveCard at version 1.5 with $schema', () => {
    const card = renderCard('closed-item', { heading: 'Punkt 5: Lukket punkt', caseNumber: '', note: 'n' });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(JSON.stringify(card)).not.toContain('caseNumber');
  });

  const expression = ['$', '{note} {x}'].join('');

  it('keeps user text that looks like a template expression as plain text', () => {
    const card = renderCard('closed-item', { heading: expression, caseNumber: '', note: 'n' });
    expect(JSON.stringify(card)).toContain(expression);
  });

  it('names the template fields a builder forgot, instead of showing the raw expression to users', () => {
    const partial = { heading: 'x' } as unknown as ClosedItemData; // what a builder bug would pass
    expect(() => renderCard('closed-item', partial)).toThrow(/closed-item has no data for: .*note/);
  });

  it('refuses unknown and path-like template names', () => {
    expect(() => renderCard('no-such-card' as TemplateName, {} as never)).toThrow(AppError);
    expect(() => renderCard('../package' as TemplateName, {} as never)).toThrow(/Bad card template name/);
  });

  it('knows the data type of every template in cards/, and only those', () => {
    const files = readdirSync(join(__dirname, '../../cards'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect([...TEMPLATE_NAMES].sort()).toEqual(files.sort());
  });

  it('types the data of a card by its template (checked by the typecheck in npm test)', () => {
    // @ts-expect-error: an unknown template name does not compile
    expect(() => renderCard('no-such-card', {})).toThrow(AppError);
    // @ts-expect-error: the closed item's data lacks caseNumber and note
    expect(() => renderCard('closed-item', { heading: 'x' })).toThrow(AppError);
  });
});

describe('size helpers', () => {
  it('counts card size as UTF-16 code units times two', () => {
    expect(cardSize({ a: 'æø' })).toBe(JSON.stringify({ a: 'æø' }).length * 2);
  });

  it('assertCardBudget rejects a card over 28 KB with too-large', () => {
    const big = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x'.repeat(15_000) }] };
    expect(() => assertCardBudget(big)).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(() => assertCardBudget({ type: 'AdaptiveCard' })).not.toThrow();
  });

  it('cardAttachment wraps a card with the Adaptive Card content type', () => {
    expect(cardAttachment({ type: 'AdaptiveCard' })).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } });
  });

  it('fitText keeps short text, cuts long text at a word with an ellipsis, never past the limit', () => {
    expect(fitText('kort tekst', 50)).toBe('kort tekst');
    const cut = fitText('det her er en lang sætning med mange ord i', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/…$/);
    expect(cut).not.toMatch(/\s…$/);
    expect(fitText('😀😀😀', 4).length).toBeLessThanOrEqual(4);
    expect(fitText('😀😀😀', 4)).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('dates on cards', () => {
  it('are Danish by default and English for en, in Copenhagen time', () => {
    expect(formatDateTime('da', '2019-10-10', '09:00')).toBe('torsdag d. 10. oktober 2019 kl. 09:00');
    expect(formatDateTime('en', '2019-10-10', '09:00')).toBe('Thursday 10 October 2019 at 09:00');
    expect(formatDateTime('da', '2019-10-10')).toBe('torsdag d. 10. oktober 2019');
    // 07:00 UTC in summer is 09:00 in Copenhagen; in winter 08:00 UTC is 09:00.
    expect(formatInstant('da', '2019-08-27T07:00:00Z')).toBe('tirsdag d. 27. august 2019 kl. 09:00');
    expect(formatInstant('da', '2019-12-03T08:00:00Z')).toBe('tirsdag d. 3. december 2019 kl. 09:00');
  });

  it("show a period due date in the forum's own words with its last day", () => {
    expect(formatDue('da', { due: '2019-11-20', dueFrom: '2019-11-11', precision: 'month-part', text: 'medio november' })).toBe(
      'medio november (20. november 2019)',
    );
    expect(formatDue('da', { due: '2019-05-23', dueFrom: '2019-05-23', precision: 'day', text: 'den 23. maj' })).toBe('23. maj 2019');
  });
});
