import { t } from '../../src/i18n';
import { minutes } from '../../src/i18n/messages/minutes';
import { REFUSAL_REASONS, WARNING_CODES, warningKey } from '../../src/minutes/warnings';

describe("the parser's warnings and refusals as the secretary reads them", () => {
  it.each(['da', 'en'] as const)('has a text in %s for every warning and every refusal reason', (locale) => {
    for (const code of WARNING_CODES) expect(t(locale, warningKey(code), { text: 'x' })).not.toBe(warningKey(code));
    for (const reason of REFUSAL_REASONS) expect(t(locale, `minutes.reason.${reason}`)).not.toBe(`minutes.reason.${reason}`);
  });

  it.each(['da', 'en'] as const)('has no %s text for a refusal the parser no longer makes (a missing header or date is a warning)', (locale) => {
    const reasons = Object.keys(minutes[locale])
      .filter((k) => k.startsWith('minutes.reason.'))
      .map((k) => k.slice('minutes.reason.'.length));
    expect(reasons.sort()).toEqual([...REFUSAL_REASONS].sort());
    expect(REFUSAL_REASONS).not.toContain('no-header');
    expect(REFUSAL_REASONS).not.toContain('no-date');
  });

  it('says it in Danish by default and in English for English', () => {
    expect(t('da', warningKey('missing-case-number'), { text: 'Evt.' })).toBe('Punktet har intet sagsnummer: "Evt."');
    expect(t('en', warningKey('missing-case-number'), { text: 'Evt.' })).toBe('The item has no case number: "Evt."');
  });
});
