/**
 * Jest reporter: after the run, one line per skipped test, "skipped: <file> › <test> — <reason>", so
 * that a green run says what did not run and why (.ci/run repeats these lines at the very end).
 * The reason is the "[skipped: ...]" a test's title carries (test/support/skip.ts); a test skipped
 * without one is listed as "no reason given".
 */
const path = require('node:path');

const REASON = /\s*\[skipped: (.+?)\]/;

class SkippedReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const lines = [];
    for (const file of results.testResults) {
      const rel = path.relative(this.rootDir, file.testFilePath).split(path.sep).join('/');
      for (const t of file.testResults) {
        if (t.status !== 'pending' && t.status !== 'skipped' && t.status !== 'todo') continue;
        const name = [...t.ancestorTitles, t.title].join(' › ');
        const reason = REASON.exec(name);
        lines.push(`skipped: ${rel} › ${name.replace(REASON, '')} — ${reason ? reason[1] : 'no reason given'}`);
      }
    }
    if (lines.length === 0) return;
    process.stdout.write(`\nSkipped tests (${lines.length}):\n${lines.join('\n')}\n`);
  }
}

module.exports = SkippedReporter;
