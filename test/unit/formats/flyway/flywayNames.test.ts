import { describe, expect, it } from 'vitest';
import { parseFlywayName } from '../../../../src-main/formats/flyway/flywayNames';
import { compareFlywayVersions, parseFlywayVersion, versionKey, type FlywayVersion } from '../../../../src-main/formats/flyway/flywayVersion';

const naming = { versionedPrefix: 'V', undoPrefix: 'U', repeatablePrefix: 'R', separator: '__', suffixes: ['.sql'] };

const version = (raw: string) => parseFlywayVersion(raw) as FlywayVersion;

describe('Flyway file names', () => {
  it('reads the version with underscores as dots and the description with underscores as spaces', () => {
    expect(parseFlywayName('V1_1__add_users_table.sql', naming)).toMatchObject({ kind: 'versioned', version: { text: '1.1' }, description: 'add users table' });
    expect(parseFlywayName('U2__add_users.SQL', naming)).toMatchObject({ kind: 'undo', version: { text: '2' }, description: 'add users' });
    expect(parseFlywayName('R__refresh_views.sql', naming)).toMatchObject({ kind: 'repeatable', description: 'refresh views', base: 'R__refresh_views' });
  });

  it('tells callbacks, names Flyway refuses and other files apart', () => {
    expect(parseFlywayName('beforeMigrate.sql', naming)).toEqual({ kind: 'callback' });
    expect(parseFlywayName('V1a__bad.sql', naming)).toMatchObject({ kind: 'invalid', why: expect.stringContaining('"1a"') });
    expect(parseFlywayName('R1__views.sql', naming)).toMatchObject({ kind: 'invalid' });
    expect(parseFlywayName('V__no_version.sql', naming)).toMatchObject({ kind: 'invalid' });
    expect(parseFlywayName('schema.sql', naming)).toBeNull();
    expect(parseFlywayName('V1__notes.txt', naming)).toBeNull();
  });

  it('follows configured prefixes, separator and suffixes', () => {
    const custom = { ...naming, versionedPrefix: 'M', separator: '-', suffixes: ['.pgsql'] };
    expect(parseFlywayName('M3-add-index.pgsql', custom)).toMatchObject({ kind: 'versioned', version: { text: '3' }, description: 'add-index' });
    expect(parseFlywayName('V3__add.sql', custom)).toBeNull();
  });
});

describe('Flyway versions', () => {
  it('orders parts as numbers: 1.9 before 1.10, 2 after both', () => {
    const sorted = ['2', '1.10', '1.9', '1_1', '1'].map(version).sort(compareFlywayVersions);
    expect(sorted.map((v) => v.text)).toEqual(['1', '1.1', '1.9', '1.10', '2']);
  });

  it('holds 1, 1.0 and 01 as one version', () => {
    expect(compareFlywayVersions(version('1'), version('1.0'))).toBe(0);
    expect(versionKey(version('01.0.0'))).toBe(versionKey(version('1')));
    expect(version('01').text).toBe('01');
  });

  it('refuses a version that is not numbers and dots', () => {
    expect(parseFlywayVersion('1.x')).toBeNull();
    expect(parseFlywayVersion('2024-01')).toBeNull();
  });
});
