import { describe, expect, it } from 'vitest';
import { nativeReparented, nativeRevisionFile } from '../../../src-main/authoring/nativeRevisionFile';

describe('native revision files', () => {
  it('numbers a new file after the folder’s highest number, padded alike', () => {
    const file = nativeRevisionFile(
      { id: 'abc', parents: ['x', 'y'], label: null, message: 'merge', now: new Date() },
      ['001_x.sql', '009_y.sql', 'README.md'],
      '001_x.sql',
    );
    expect(file.path).toBe('010_abc.sql');
    expect(file.like).toBe('001_x.sql');
    expect(file.after).toContain('-- parents: x, y\n');
  });

  it('rewrites the -- parents: line, or adds one under -- revision:', () => {
    expect(nativeReparented('-- revision: b\n-- parents: none\n-- message: m\n', ['a'], 'b.sql')).toBe('-- revision: b\n-- parents: a\n-- message: m\n');
    expect(nativeReparented('-- revision: b\n-- message: m\n', ['a', 'c'], 'b.sql')).toBe('-- revision: b\n-- parents: a, c\n-- message: m\n');
    expect(nativeReparented('-- revision: b\n-- parents: a\n', [], 'b.sql')).toBe('-- revision: b\n-- parents: none\n');
  });
});
