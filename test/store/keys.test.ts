import { key, keyPart } from '../../src/store/tables/keys';

describe('table keys', () => {
  it('never contains a character Azure forbids in keys, whatever the id', () => {
    const nasty = `a/b\\c#d?e\u0000f\u001fg\u007fh\u0090i'j"k|l~m%n æøå ÆØÅ`;
    const k = keyPart(nasty);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none remain
    expect(k).not.toMatch(/[/\\#?\u0000-\u001f\u007f-\u009f|']/);
    expect(k).toContain('æøå');
  });

  it('keeps different ids apart', () => {
    const ids = ['a/b', 'a~002fb', 'a_b', 'a|b', 'a b', 'A/B'];
    expect(new Set(ids.map(keyPart)).size).toBe(ids.length);
    expect(key('m', 'a|b')).not.toBe(key('m|a', 'b'));
  });

  it('keeps a very long id within the key size limit and unique', () => {
    const long = 'a:'.repeat(600);
    expect(keyPart(long).length).toBeLessThanOrEqual(200);
    expect(keyPart(long)).not.toBe(keyPart(`${long}x`));
  });
});
