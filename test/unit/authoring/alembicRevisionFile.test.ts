import { describe, expect, it } from 'vitest';
import { alembicReparented, pythonNow, wallClock } from '../../../src-main/authoring/alembicRevisionFile';

describe('re-parenting an Alembic revision file', () => {
  it('changes only the down_revision value, in the quotes the file uses', () => {
    const file = 'revision = "001"\ndown_revision = None  # the slip\nbranch_labels = None\n';
    expect(alembicReparented(file, ['add_business_logic_001'], 'f.py')).toBe(
      'revision = "001"\ndown_revision = "add_business_logic_001"  # the slip\nbranch_labels = None\n',
    );
    expect(alembicReparented("revision = '002'\ndown_revision = '001'\n", [], 'f.py')).toBe("revision = '002'\ndown_revision = None\n");
  });

  it('keeps an annotation and replaces a tuple written over several lines', () => {
    const file = "revision: str = 'm'\ndown_revision: Union[str, None] = (\n    'a',\n    'b',\n)\nbranch_labels = None\n";
    expect(alembicReparented(file, ['c'], 'f.py')).toBe("revision: str = 'm'\ndown_revision: Union[str, None] = 'c'\nbranch_labels = None\n");
    expect(alembicReparented("revision = 'x'\ndown_revision = 'a'\n", ['a', 'b'], 'f.py')).toBe("revision = 'x'\ndown_revision = ('a', 'b')\n");
  });

  it('refuses a file without a top-level down_revision', () => {
    expect(() => alembicReparented("revision = 'x'\n", ['a'], 'versions/x.py')).toThrow(expect.objectContaining({ code: 'E_INVALID_PROJECT' }));
  });

  it('prints the create date as str(datetime.now()) does, in alembic.ini’s timezone with its offset when it names one', () => {
    expect(pythonNow(wallClock(new Date(2026, 0, 16, 9, 5, 7, 120)))).toBe('2026-01-16 09:05:07.120000');
    expect(pythonNow(wallClock(new Date(2026, 0, 16, 9, 5, 7, 0)))).toBe('2026-01-16 09:05:07');
    expect(pythonNow(wallClock(new Date(Date.UTC(2026, 0, 16, 23, 30, 0)), 'Asia/Kolkata'))).toBe('2026-01-17 05:00:00+05:30');
    expect(pythonNow(wallClock(new Date(Date.UTC(2026, 6, 1, 12, 0, 0, 5)), 'America/New_York'))).toBe('2026-07-01 08:00:00.005000-04:00');
    expect(() => wallClock(new Date(), 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'E_INVALID_PROJECT' }));
  });
});
