/**
 * `npm audit --omit=dev --audit-level=high`: no high or critical advisory in what production
 * installs. It needs the registry's audit endpoint; where that cannot be reached (offline CI, a
 * registry mirror without the endpoint) the test is skipped and says so plainly.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeIf } from '../support/skip';

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  statusCode?: number;
  message?: string;
  error?: unknown;
}

function runAudit(): { report: AuditReport | null; unreachable: string | null } {
  const res = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: path.resolve(__dirname, '..', '..'),
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (res.error) return { report: null, unreachable: res.error.message };
  let report: AuditReport;
  try {
    report = JSON.parse(res.stdout) as AuditReport;
  } catch {
    return { report: null, unreachable: `npm audit printed no report (${(res.stderr || res.stdout).trim().split('\n').pop() ?? ''})` };
  }
  if (!report.metadata) return { report: null, unreachable: report.message ?? 'the audit endpoint returned an error' };
  return { report, unreachable: null };
}

const { report, unreachable } = runAudit();
const withAudit = describeIf(!unreachable, `the registry's audit endpoint cannot be reached here (${unreachable})`);

withAudit('production dependencies (npm audit --omit=dev)', () => {
  test('have no high or critical advisory', () => {
    const serious = Object.entries(report?.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity})`);
    expect(serious).toEqual([]);
    expect((report?.metadata?.vulnerabilities?.high ?? 0) + (report?.metadata?.vulnerabilities?.critical ?? 0)).toBe(0);
  });
});
