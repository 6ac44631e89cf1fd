import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLines } from '../../../../src-shared/text/lineDiff';
import { unifiedDiff } from '../../../../src-shared/text/unifiedDiff';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GNU diff's own unified diff of the two texts, with our names on the header lines. */
function gnuDiff(before: string, after: string): string {
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), after);
  try {
    execFileSync('diff', ['-u', '--label', 'a/f', '--label', 'b/f', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

/** The text GNU patch makes of `before` with the diff. */
function patched(before: string, unified: string): string {
  writeFileSync(join(dir, 'p'), before);
  execFileSync('patch', ['--quiet', '--force', 'p'], { cwd: dir, input: unified });
  return readFileSync(join(dir, 'p'), 'utf8');
}

function changedLines(unified: string): number {
  return unified.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;
}

function diff(before: string | null, after: string | null): string {
  return unifiedDiff({ name: 'a/f', text: before }, { name: 'b/f', text: after });
}

/** A small deterministic generator, so a failure names a case that can be run again. */
function randomText(seed: number, lines: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const words = ['alpha', 'beta', 'gamma', 'delta', 'revision', 'down_revision', ''];
  return Array.from({ length: lines }, () => words[next() % words.length]).join('\n') + (next() % 4 === 0 ? '' : '\n');
}

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    expect(diff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows the one changed header line with three lines of context, as diff -u does', () => {
    const before = [
      '"""Add tenant id',
      '',
      'Revision ID: 001',
      '',
      '"""',
      "revision = '001'",
      'down_revision = None',
      'branch_labels = None',
      'depends_on = None',
      '',
      '',
    ].join('\n');
    const after = before.replace('down_revision = None', "down_revision = 'add_business_logic_001'");
    expect(diff(before, after)).toBe(
      [
        '--- a/f',
        '+++ b/f',
        '@@ -4,7 +4,7 @@',
        ' ',
        ' """',
        " revision = '001'",
        '-down_revision = None',
        "+down_revision = 'add_business_logic_001'",
        ' branch_labels = None',
        ' depends_on = None',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('shows a new file against /dev/null and a deleted one the other way', () => {
    expect(diff(null, 'one\ntwo\n')).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+one\n+two\n');
    expect(diff('one\n', null)).toBe('--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-one\n');
  });

  it('says when a side has no newline at its end', () => {
    expect(diff('a\nb', 'a\nb\n')).toBe(gnuDiff('a\nb', 'a\nb\n'));
    expect(diff('a\nb\n', 'a\nc')).toBe(gnuDiff('a\nb\n', 'a\nc'));
  });

  it('makes patches GNU patch applies, never longer than GNU diff -u makes them', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const before = randomText(seed, 5 + (seed % 30));
      const after = randomText(seed * 7 + 3, 5 + ((seed * 3) % 30));
      const ours = diff(before, after);
      expect(patched(before, ours), `seed ${seed}`).toBe(after);
      expect(changedLines(ours), `seed ${seed}`).toBeLessThanOrEqual(changedLines(gnuDiff(before, after)));
    }
  });

  it('finds the fewest removed and added lines', () => {
    const edits = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
    expect(edits.filter((e) => e.op !== 'same')).toHaveLength(5);
    expect(edits.filter((e) => e.op !== 'added').map((e) => e.line)).toEqual(['a', 'b', 'c', 'a', 'b', 'b', 'a']);
    expect(edits.filter((e) => e.op !== 'removed').map((e) => e.line)).toEqual(['c', 'b', 'a', 'b', 'a', 'c']);
  });
});
