import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

const dir = `${fixtures}pop-dialects`;

function files(project: ReturnType<typeof loadProject>) {
  return project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.file, f.down?.file ?? null, f.up?.transaction]);
}

function folder(names: Record<string, string>): string {
  const root = tempDir();
  for (const [name, sql] of Object.entries(names)) writeFileSync(join(root, name), sql);
  return root;
}

describe('an ory/pop folder', () => {
  it("runs PostgreSQL's dialect files on PostgreSQL, before the dialect-less ones, and .autocommit outside a transaction", () => {
    const project = loadProject(dir, { engine: 'postgres' });
    expect(project.files.format).toBe('pop');
    expect(project.files.detection).toMatch(/ory\/pop file names with a dialect/);
    expect(files(project)).toEqual([
      ['20240101000001', [], '20240101000001_users.up.sql', '20240101000001_users.down.sql', true],
      ['20240101000002', ['20240101000001'], '20240101000002_events.postgres.up.sql', '20240101000002_events.down.sql', true],
      [
        '20240101000003',
        ['20240101000002'],
        '20240101000003_events_at.postgres.autocommit.up.sql',
        '20240101000003_events_at.postgres.autocommit.down.sql',
        false,
      ],
      ['20240101000005', ['20240101000003'], '20240101000005_tags.up.sql', '20240101000005_tags.down.sql', true],
    ]);
    expect(project.files.files[2]?.down?.transaction).toBe(false);
  });

  it("runs SQLite's sqlite3 files on SQLite, in a transaction", () => {
    const project = loadProject(dir, { engine: 'sqlite' });
    expect(files(project).map((f) => f[2])).toEqual([
      '20240101000001_users.up.sql',
      '20240101000002_events.sqlite3.up.sql',
      '20240101000003_events_at.sqlite3.up.sql',
      '20240101000005_tags.up.sql',
    ]);
    expect(project.files.files.every((f) => f.up?.transaction)).toBe(true);
  });

  it('names every file it does not run: other dialects, the superseded dialect-less file, fizz, a stray name', () => {
    const anomalies = loadProject(dir, { engine: 'postgres' }).anomalies.map((a) => [a.kind, a.file, a.message]);
    expect(anomalies).toEqual(
      expect.arrayContaining([
        ['unusedFile', '20240101000002_events.sqlite3.up.sql', expect.stringContaining("a sqlite3 file, and this connection's pop dialect is postgres")],
        ['unusedFile', '20240101000002_events.mysql.up.sql', expect.stringContaining('a mysql file')],
        ['unusedFile', '20240101000003_events_at.cockroach.up.sql', expect.stringContaining('a cockroach file')],
        ['unusedFile', '20240101000002_events.up.sql', expect.stringContaining('superseded by 20240101000002_events.postgres.up.sql')],
        ['unusedFile', '20240101000004_widgets.up.fizz', expect.stringContaining('fizz is not supported')],
        ['unusedFile', 'notes.sql', expect.stringContaining('not a pop migration name')],
      ]),
    );
    expect(anomalies).toHaveLength(8);
  });

  it('orders versions as strings, as pop does (10 before 9)', () => {
    const root = folder({ '9_a.postgres.up.sql': 'SELECT 9;', '10_b.up.sql': 'SELECT 10;' });
    const project = loadProject(root);
    expect(project.files.files.map((f) => f.revision.id)).toEqual(['10', '9']);
    // Without a down file, a downgrade names the file pop would need.
    expect(project.files.files[0]?.noDowngrade).toContain('Version 10 has no down file for postgres (`10_b.down.sql`)');
  });

  it('reports a second up file of one version as a duplicate and a down file without its up', () => {
    const root = folder({ '1_a.postgres.up.sql': 'SELECT 1;', '1_b.postgres.up.sql': 'SELECT 2;', '2_c.postgres.down.sql': 'SELECT 3;' });
    const project = loadProject(root);
    expect(project.files.files.map((f) => f.revision.file)).toEqual(['1_a.postgres.up.sql']);
    expect(project.anomalies.map((a) => [a.kind, a.file])).toEqual([
      ['duplicateRevision', '1_b.postgres.up.sql'],
      ['unusedFile', '2_c.postgres.down.sql'],
    ]);
  });

  it('reads files in sub-folders too, as pop walks them', () => {
    const root = folder({ '1_a.postgres.up.sql': 'SELECT 1;' });
    mkdirSync(join(root, 'later'));
    writeFileSync(join(root, 'later', '2_b.postgres.up.sql'), 'SELECT 2;');
    expect(files(loadProject(root))).toEqual([
      ['1', [], '1_a.postgres.up.sql', null, true],
      ['2', ['1'], 'later/2_b.postgres.up.sql', null, true],
    ]);
  });

  it('leaves a plain `<version>_x.up.sql` folder to golang-migrate, and reads it as pop when chosen', () => {
    const root = folder({ '1_a.up.sql': 'SELECT 1;', '1_a.down.sql': 'SELECT 2;' });
    expect(loadProject(root).files.format).not.toBe('pop');
    const chosen = loadProject(root, { format: 'pop' });
    expect(chosen.files.detection).toBe('--format pop (chosen, not detected)');
    expect(files(chosen)).toEqual([['1', [], '1_a.up.sql', '1_a.down.sql', true]]);
  });
});
