import { FixedClock, localDate, localInstant } from '../../src/domain';

describe('Copenhagen time', () => {
  it('places 08:00 local time at 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(localInstant('2026-01-15', '08:00').toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(localInstant('2026-06-15', '08:00').toISOString()).toBe('2026-06-15T06:00:00.000Z');
  });

  it('knows that 23:30 UTC on 31 March is already 1 April in Copenhagen', () => {
    expect(localDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('lets tests move the clock', () => {
    const clock = new FixedClock('2026-11-25T12:00:00Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-11-25T12:01:00.000Z');
  });
});
