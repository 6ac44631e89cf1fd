// Lint findings for a revision's SQL from squawk (the squawk-cli package ships its binary in a
// platform package). Without it the panel says lint is unavailable instead of showing nothing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { LintFinding, LintReport, SqlSection } from '../../src-shared/model/graphView';
import { findAboveCode } from '../codeLocation';

interface SquawkViolation {
  line: number;
  message: string;
  help: string | null;
  rule_name: string;
  level: string;
}

export function squawkBinary(): string | undefined {
  const name = process.platform === 'win32' ? 'squawk.exe' : 'squawk';
  return findAboveCode(join('node_modules', '@squawk-cli', `${process.platform}-${process.arch}`, 'bin', name));
}

export function lintSql(section: SqlSection): Promise<LintReport> {
  const binary = squawkBinary();
  if (!binary) return Promise.resolve({ available: false, reason: 'lint unavailable (squawk not installed)' });
  return new Promise((done) => {
    const child = execFile(binary, ['--reporter', 'json'], { timeout: 15_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
      // squawk exits 1 when it has findings; only output that is not JSON is a failure.
      try {
        const violations = JSON.parse(stdout) as SquawkViolation[];
        const findings: LintFinding[] = violations.map((v) => ({
          rule: v.rule_name,
          message: v.message,
          help: v.help,
          line: section.line + v.line,
          level: v.level,
        }));
        done({ available: true, findings });
      } catch {
        done({ available: false, reason: `squawk failed: ${error?.message ?? 'unreadable output'}` });
      }
    });
    child.stdin?.end(section.sql);
  });
}
