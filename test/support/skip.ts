/**
 * Skipping that says why: the reason goes into the skipped test's title as "[skipped: ...]", which
 * test/support/skipped-reporter.js lists at the end of every run, and onto stderr while the file loads.
 */
const titled = (title: string, reason: string): string => `${title} [skipped: ${reason}]`;

function announce(reason: string): void {
  console.warn(`Skipping: ${reason}`);
}

/** `describe` when `run`, else a skipped describe whose title carries `reason`. */
export function describeIf(run: boolean, reason: string): (title: string, body: () => void) => void {
  if (run) return describe;
  announce(reason);
  return (title, body) => describe.skip(titled(title, reason), body);
}

/** `it` when `run`, else a skipped test whose title carries `reason`. */
export function itIf(run: boolean, reason: string): (title: string, body: jest.ProvidesCallback, timeout?: number) => void {
  if (run) return it;
  announce(reason);
  return (title, body, timeout) => it.skip(titled(title, reason), body, timeout);
}
