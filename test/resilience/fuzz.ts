/**
 * Shared pieces of the fuzz suites: how many cases (FUZZ_RUNS, default 150 per property; the nightly
 * run sets 10000), arbitraries for hostile values, and the "still up" check.
 */
import fc from 'fast-check';
import type { Harness } from '../support/harness';

/** Cases per property. A test setting like the outage length, read here rather than in src/config.ts. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150) || 150);

/** A jest timeout for `properties` properties of FUZZ_RUNS cases (~40 ms each on a loaded 2-core machine). */
export function fuzzTimeout(properties: number): number {
  return 60_000 + properties * FUZZ_RUNS * 200;
}

/** Short or long strings, with odd Unicode now and then. */
export function text(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '\u0000',
        '\uD800',
        '../../etc/passwd',
        '%00',
        '<at>x</at>',
        '1e309',
        '-1',
        'NaN',
        'true',
        '[object Object]',
        '__proto__',
      ),
    },
  );
}

/** Any JSON value, with the usual suspects (prototype keys, deep nesting, big numbers). */
export function anyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: text() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, [], {}, JSON.parse('{"__proto__":{"polluted":true}}') as unknown, {
        constructor: { prototype: { polluted: 1 } },
      }),
    },
    { weight: 1, arbitrary: fc.constant(JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) as unknown) },
  );
}

/** The service answers its health check, a normal request still works, and nothing was polluted. */
export async function expectHealthy(h: Harness): Promise<void> {
  expect((await h.get('/healthz')).status).toBe(200);
  const before = h.fake.sent().length;
  expect((await h.post(h.aMessage('hjælp'))).status).toBe(200);
  expect(h.fake.sent().length).toBeGreaterThan(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
