import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dieselVersion, migrationsDirFromToml, runsInTransaction } from '../../../../src-main/formats/diesel/dieselReader';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

const crate = `${fixtures}diesel-crate`;

function migrations(folders: Record<string, Record<string, string>>): string {
  const root = tempDir();
  for (const [folder, files] of Object.entries(folders)) {
    mkdirSync(join(root, folder));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, folder, name), text);
  }
  return root;
}

describe('diesel migration names and settings', () => {
  it('takes the version as diesel derives it: the folder name up to its first `_`, without dashes', () => {
    expect(dieselVersion('2024-01-02-030405_create_users')).toBe('20240102030405');
    expect(dieselVersion('00000000000000_diesel_initial_setup')).toBe('00000000000000');
    expect(dieselVersion('20240102030405_a_b')).toBe('20240102030405');
  });

  it("reads metadata.toml's run_in_transaction as diesel's serde does: no file is true, a file without the key is false", () => {
    expect(runsInTransaction(null)).toBe(true);
    expect(runsInTransaction('run_in_transaction = false\n')).toBe(false);
    expect(runsInTransaction('run_in_transaction = true # the default\n')).toBe(true);
    expect(runsInTransaction('# nothing set\n')).toBe(false);
  });

  it("finds diesel.toml's [migrations_directory] dir, and nothing in another section", () => {
    expect(migrationsDirFromToml('[print_schema]\nfile = "src/schema.rs"\n\n[migrations_directory]\ndir = "db/migrations"\n')).toBe('db/migrations');
    expect(migrationsDirFromToml('[print_schema]\ndir = "elsewhere"\n')).toBeNull();
  });
});

describe('a diesel project', () => {
  it('reads one revision per folder, up.sql up and down.sql down, in version order; never down.sql as a revision of its own', () => {
    const project = loadProject(crate);
    expect(project.files.format).toBe('diesel');
    expect(project.files.detection).toBe('diesel.toml in the folder: a diesel crate');
    expect(project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.file, f.down?.file, f.up?.transaction])).toEqual([
      ['00000000000000', [], 'migrations/00000000000000_diesel_initial_setup/up.sql', 'migrations/00000000000000_diesel_initial_setup/down.sql', true],
      ['20240102030405', ['00000000000000'], 'migrations/2024-01-02-030405_create_users/up.sql', 'migrations/2024-01-02-030405_create_users/down.sql', true],
      [
        '20240103000000',
        ['20240102030405'],
        'migrations/2024-01-03-000000_users_email_idx/up.sql',
        'migrations/2024-01-03-000000_users_email_idx/down.sql',
        false,
      ],
      ['20240105120000', ['20240103000000'], 'migrations/2024-01-05-120000_create_posts/up.sql', 'migrations/2024-01-05-120000_create_posts/down.sql', true],
    ]);
    expect(project.graph.revisions.some((r) => r.file.endsWith('down.sql'))).toBe(false);
  });

  it('reads the migrations folder itself the same way, with paths relative to it', () => {
    const project = loadProject(`${crate}/migrations`);
    expect(project.files.format).toBe('diesel');
    expect(project.files.files.map((f) => f.revision.id)).toEqual(loadProject(crate).files.files.map((f) => f.revision.id));
    expect(project.files.files[0]?.revision.file).toBe('00000000000000_diesel_initial_setup/up.sql');
  });

  it('names a folder with a down.sql and no up.sql, which diesel refuses, instead of running it as an upgrade', () => {
    expect(loadProject(crate).anomalies).toEqual([
      expect.objectContaining({
        kind: 'unusedFile',
        file: 'migrations/2024-01-04-000000_dropped_feature/down.sql',
        message: expect.stringContaining('a down.sql without its up.sql'),
      }),
    ]);
  });

  it("finds the crate's migrations/ without a diesel.toml, and the folder diesel.toml names, absolute or relative", () => {
    const crateRoot = tempDir();
    mkdirSync(join(crateRoot, 'migrations', '2024-01-01-000000_a'), { recursive: true });
    writeFileSync(join(crateRoot, 'migrations', '2024-01-01-000000_a', 'up.sql'), 'SELECT 1;');
    const bare = loadProject(crateRoot);
    expect(bare.files.detection).toMatch(/^migrations\/ of .*: migration folders with up\.sql \(e\.g\. 2024-01-01-000000_a\/up\.sql\): diesel's layout$/);
    expect(bare.files.files.map((f) => f.revision.file)).toEqual(['2024-01-01-000000_a/up.sql']);
    expect(loadProject(crateRoot, { format: 'diesel' }).files.files.map((f) => f.revision.file)).toEqual(['migrations/2024-01-01-000000_a/up.sql']);

    const elsewhere = migrations({ '2024-01-01-000000_b': { 'up.sql': 'SELECT 2;' } });
    writeFileSync(join(crateRoot, 'diesel.toml'), `[migrations_directory]\ndir = "${elsewhere}"\n`);
    expect(loadProject(crateRoot).files.files.map((f) => f.revision.message)).toEqual(['b']);
  });

  it('reports a second folder of one version, and a stray .sql file beside the folders', () => {
    const root = migrations({ '2024-01-01-000000_a': { 'up.sql': 'SELECT 1;' }, '20240101000000_b': { 'up.sql': 'SELECT 2;' } });
    writeFileSync(join(root, 'schema.sql'), 'SELECT 3;');
    const project = loadProject(root);
    expect(project.files.files.map((f) => f.revision.file)).toEqual(['2024-01-01-000000_a/up.sql']);
    expect(project.files.files[0]?.noDowngrade).toContain('2024-01-01-000000_a/ has no down.sql');
    expect(project.anomalies.map((a) => [a.kind, a.file, a.message])).toEqual([
      ['unusedFile', 'schema.sql', expect.stringContaining('a .sql file beside the migration folders: diesel runs only')],
      ['duplicateRevision', '20240101000000_b/up.sql', expect.stringContaining('version 20240101000000 again')],
    ]);
  });
});
