import { describe, expect, it } from 'vitest';
import { projectFormatOptions, takesAlembicCommand } from '../../../../src-renderer/features/connections/profileDraft';
import { formatLabel, projectFormats } from '../../../../src-shared/model/revision';

describe('the connection form’s migration project', () => {
  it('offers detection first, then every format Switchyard reads, by the name its users know', () => {
    expect(projectFormatOptions[0]).toEqual({ value: 'auto', label: 'Detect' });
    expect(projectFormatOptions.slice(1)).toEqual(projectFormats.map((format) => ({ value: format, label: formatLabel(format) })));
    expect(projectFormatOptions).toContainEqual({ value: 'native', label: 'Native SQL' });
    expect(projectFormatOptions.map((option) => option.value)).toContain('dbmate');
  });

  it('asks for an Alembic command only where the project is, or may turn out to be, Alembic', () => {
    expect(takesAlembicCommand('alembic')).toBe(true);
    expect(takesAlembicCommand('auto')).toBe(true);
    expect(takesAlembicCommand('native')).toBe(false);
    expect(takesAlembicCommand('dbmate')).toBe(false);
  });
});
