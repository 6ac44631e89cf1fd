// The reader's shared buffer never changes what a file says: a file as large as the buffer or larger,
// and a character whose bytes the buffer's end would split, read as readFileSync reads them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileText } from '../../../../src-main/migrations/readers/fileText';
import { tempDir } from '../../../support/tempDir';

const bufferSize = 64 * 1024;

describe('reading a revision file', () => {
  it('reads a small file with a byte-order mark and multi-byte characters as readFileSync does', () => {
    const path = join(tempDir(), 'small.sql');
    writeFileSync(path, '\ufeff-- café ✓\nCREATE TABLE naïve (id int);\n');
    expect(readFileText(path)).toBe(readFileSync(path, 'utf8'));
  });

  it('reads a file exactly the size of its buffer, and one larger with a character across the buffer’s end, whole', () => {
    const dir = tempDir();
    const exact = join(dir, 'exact.sql');
    writeFileSync(exact, 'x'.repeat(bufferSize));
    expect(readFileText(exact)).toHaveLength(bufferSize);
    const larger = join(dir, 'larger.sql');
    // '✓' takes three bytes: its first byte is the buffer's last.
    const text = `${'-'.repeat(bufferSize - 1)}✓\n${'INSERT INTO t VALUES (1);\n'.repeat(4000)}`;
    writeFileSync(larger, text);
    expect(readFileText(larger)).toBe(text);
  });

  it('fails as readFileSync fails on a missing file and on a folder', () => {
    const dir = tempDir();
    expect(() => readFileText(join(dir, 'missing.sql'))).toThrow(/ENOENT: no such file or directory, open/);
    expect(() => readFileText(dir)).toThrow(/EISDIR/);
  });
});
