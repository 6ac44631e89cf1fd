// Reading Flyway projects as Flyway reads them: locations, order, repeatables, undo files, and every
// file it would not run named.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { readProject } from '../../../../src-main/migrations/readers/detectProject';
import { tempDir } from '../../../support/tempDir';

const shop = resolve(__dirname, '../../../fixtures/migrations/flyway-shop');

function writeProject(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('a Flyway project', () => {
  it('is detected by its flyway.conf, and read from every location in version order, repeatables last by description', () => {
    const project = loadProject(shop);
    expect(project.files.format).toBe('flyway');
    expect(project.files.detection).toBe('flyway.conf in the folder: a Flyway project');
    const revisions = project.graph.revisions;
    // 1.10 after 1.9; the repeatables in Java's string order, capitals first ("Zone names" before "active places").
    expect(revisions.map((r) => r.id)).toEqual(['1', '1.1', '1.9', '1.10', '2', 'R__Zone_names', 'R__active_places']);
    expect(revisions.map((r) => r.parents)).toEqual([[], ['1'], ['1.1'], ['1.9'], ['1.10'], ['2'], ['R__Zone_names']]);
    expect(revisions.map((r) => r.message)).toEqual([
      'create location history',
      'add column location history valid until',
      'add customers',
      'index places',
      'create orders',
      'Zone names',
      'active places',
    ]);
    expect(project.anomalies).toEqual([]);
  });

  it('records the script as its path inside its location, and reads the undo file as the version’s without running it', () => {
    const files = readProject(shop);
    const two = files.files.find((f) => f.revision.id === '2');
    expect(two?.revision.file).toBe('sql/orders/V2__create_orders.sql');
    expect(two?.formatData).toMatchObject({ version: '2', description: 'create orders', script: 'orders/V2__create_orders.sql' });
    expect(two?.down).toBeNull();
    expect(two?.noDowngrade).toContain('has an undo file, sql/U2__create_orders.sql, but Switchyard does not run Flyway Teams');
    expect(two?.otherFiles).toEqual(['sql/U2__create_orders.sql']);
    const views = files.files.find((f) => f.revision.id === 'R__active_places');
    expect(views?.formatData).toMatchObject({ version: null, description: 'active places', script: 'R__active_places.sql' });
  });

  it('runs a migration of statements PostgreSQL refuses in a transaction outside one, as Flyway does', () => {
    const files = readProject(shop);
    expect(files.files.filter((f) => f.up?.transaction === false).map((f) => f.revision.id)).toEqual(['1.10']);
  });

  it('leaves a migration mixing both kinds in a transaction (Flyway refuses it), unless mixed = true', () => {
    const mixedSql = 'CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n';
    const comment = '-- VACUUM later, CREATE INDEX CONCURRENTLY maybe\nCREATE TABLE u (id int);\n';
    const plain = writeProject({ 'V1__mixed.sql': mixedSql, 'V2__comment.sql': comment });
    expect(readProject(plain).files.map((f) => f.up?.transaction)).toEqual([true, true]);
    const mixed = writeProject({
      'flyway.toml': '[environments.default]\nurl = "jdbc:postgresql://x/y"\n\n[flyway]\nmixed = true\n',
      'V1__mixed.sql': mixedSql,
    });
    expect(readProject(mixed).files.map((f) => f.up?.transaction)).toEqual([false]);
  });

  it('names every file it does not run: a duplicate version, a callback, a name Flyway refuses, an undo without its version, a stray file', () => {
    const dir = writeProject({
      'V1__first.sql': 'CREATE TABLE a (id int);',
      'V1.0__same_version.sql': 'CREATE TABLE b (id int);',
      'V2__second.sql': 'CREATE TABLE c (id int);',
      'beforeMigrate.sql': 'SELECT 1;',
      'V2a__typo.sql': 'SELECT 1;',
      'U7__nothing.sql': 'SELECT 1;',
      'notes.sql': 'SELECT 1;',
    });
    const project = loadProject(dir);
    // Flyway refuses both; Switchyard keeps the first by path and names the other.
    expect(project.graph.revisions.map((r) => r.id)).toEqual(['1.0', '2']);
    const byFile = Object.fromEntries(project.anomalies.map((a) => [a.file, a]));
    expect(byFile['V1__first.sql']).toMatchObject({
      kind: 'duplicateRevision',
      message: expect.stringContaining("version 1 is also V1.0__same_version.sql's"),
    });
    expect(byFile['beforeMigrate.sql']).toMatchObject({ kind: 'unusedFile', message: expect.stringContaining('callback') });
    expect(byFile['V2a__typo.sql']).toMatchObject({ kind: 'unusedFile', message: expect.stringContaining('"2a"') });
    expect(byFile['U7__nothing.sql']).toMatchObject({ kind: 'unusedFile', message: expect.stringContaining('no versioned migration') });
    expect(byFile['notes.sql']).toMatchObject({ kind: 'unusedFile' });
    expect(project.anomalies).toHaveLength(5);
  });

  it('reads locations from flyway.toml, and a .sql file outside them is named', () => {
    const dir = writeProject({
      'flyway.toml': '[flyway]\nlocations = [\n  "filesystem:migrations",\n  "filesystem:more",\n]\n',
      'migrations/V1__a.sql': 'CREATE TABLE a (id int);',
      'more/V2__b.sql': 'CREATE TABLE b (id int);',
      'old/V3__c.sql': 'CREATE TABLE c (id int);',
    });
    const project = loadProject(dir);
    expect(project.graph.revisions.map((r) => r.file)).toEqual(['migrations/V1__a.sql', 'more/V2__b.sql']);
    expect(project.anomalies).toEqual([expect.objectContaining({ kind: 'unusedFile', file: 'old/V3__c.sql' })]);
  });

  it('reads a project laid out for Flyway’s Docker image: conf/flyway.conf naming /flyway/sql', () => {
    const dir = writeProject({
      'conf/flyway.conf': 'flyway.url=jdbc:postgresql://postgres:5432/shop\nflyway.schemas=public\nflyway.locations=filesystem:/flyway/sql\n',
      'sql/V1__init.sql': 'CREATE TABLE a (id int);',
    });
    const project = loadProject(dir);
    expect(project.files.detection).toBe('conf/flyway.conf in the folder: a Flyway project');
    expect(project.graph.revisions.map((r) => [r.id, r.file])).toEqual([['1', 'sql/V1__init.sql']]);
    expect(project.anomalies).toEqual([]);
  });

  it('follows a migration’s own .sql.conf and the project’s executeInTransaction, and names a script setting it does not honour', () => {
    const dir = writeProject({
      'V1__plain.sql': 'CREATE TABLE a (id int);',
      'V1__plain.sql.conf': 'executeInTransaction=false\nencoding=UTF-8\n',
      'V2__index.sql': 'CREATE INDEX CONCURRENTLY a_id ON a (id);',
      'V2__index.sql.conf': 'executeInTransaction=true\n',
      'V3__only_sometimes.sql': 'CREATE TABLE c (id int);',
      'V3__only_sometimes.sql.conf': 'shouldExecute=${environment}==prod\n',
    });
    const project = loadProject(dir);
    expect(project.files.files.map((f) => f.up?.transaction)).toEqual([false, true, true]);
    expect(project.anomalies).toEqual([
      expect.objectContaining({
        kind: 'unsupportedSetting',
        file: 'V3__only_sometimes.sql.conf',
        line: 1,
        message: expect.stringContaining('"shouldExecute"'),
      }),
    ]);
    const never = writeProject({ 'flyway.toml': '[flyway]\nexecuteInTransaction = false\n', 'V1__a.sql': 'CREATE TABLE a (id int);' });
    expect(readProject(never).files.map((f) => f.up?.transaction)).toEqual([false]);
  });

  it('fills placeholders as Flyway does, names those it cannot fill, and sums a repeatable as it runs', () => {
    const files = {
      'flyway.conf': 'flyway.placeholders.owner=app_owner\n',
      'V1__grant.sql': '-- ${flyway:filename}\nGRANT SELECT ON t TO ${owner};\nGRANT SELECT ON u TO ${flyway:user};\n',
      'R__view.sql': 'CREATE OR REPLACE VIEW v AS SELECT 1; ALTER VIEW v OWNER TO ${owner};\n',
    };
    const project = loadProject(writeProject(files));
    const [grant, view] = project.files.files;
    expect(grant?.up?.sql).toBe('-- V1__grant.sql\nGRANT SELECT ON t TO app_owner;\nGRANT SELECT ON u TO ${flyway:user};\n');
    expect(project.anomalies).toEqual([
      expect.objectContaining({ kind: 'unsupportedSetting', file: 'V1__grant.sql', line: 3, message: expect.stringContaining('${flyway:user}') }),
    ]);
    // Another value changes the repeatable's checksum (summed filled in) but not the versioned one's (summed as written).
    const other = loadProject(writeProject({ ...files, 'flyway.conf': 'flyway.placeholders.owner=someone_else\n' })).files.files;
    expect(other[0]?.formatData?.checksum).toBe(grant?.formatData?.checksum);
    expect(other[1]?.formatData?.checksum).not.toBe(view?.formatData?.checksum);
    const off = loadProject(writeProject({ ...files, 'flyway.conf': 'flyway.placeholderReplacement=false\n' }));
    expect(off.files.files[0]?.up?.sql).toBe(files['V1__grant.sql']);
    expect(off.anomalies).toEqual([]);
  });

  it('names a setting it does not honour, with the file and line', () => {
    const dir = writeProject({ 'flyway.conf': 'flyway.user=me\nflyway.table=schema_version\n', 'V1__a.sql': 'CREATE TABLE a (id int);' });
    expect(loadProject(dir).anomalies).toEqual([
      expect.objectContaining({ kind: 'unsupportedSetting', file: 'flyway.conf', line: 2, message: expect.stringContaining('"table"') }),
    ]);
  });

  it('refuses a location that is not there, naming the setting, rather than reading an empty project', () => {
    const dir = writeProject({ 'flyway.conf': 'flyway.locations=filesystem:sql,filesystem:missing\n', 'sql/V1__a.sql': 'CREATE TABLE a (id int);' });
    expect(() => readProject(dir)).toThrow(
      expect.objectContaining({ code: 'E_INVALID_PROJECT', message: expect.stringContaining('flyway.conf:1: Flyway location "filesystem:missing"') }),
    );
  });

  it('reads a Java project pointed at whole from Flyway’s default location, classpath:db/migration, and nothing else', () => {
    const dir = writeProject({
      'pom.xml': '<project/>',
      'src/main/resources/db/migration/V1__a.sql': 'CREATE TABLE a (id int);',
      'src/main/resources/db/migration/V2__b.sql': 'CREATE TABLE b (id int);',
      'target/classes/db/migration/V1__a.sql': 'CREATE TABLE a (id int);',
    });
    const project = loadProject(dir);
    expect(project.files.detection).toBe("2 V<version>__<description>.sql files in Flyway's default location, classpath:db/migration");
    expect(project.graph.revisions.map((r) => r.file)).toEqual(['src/main/resources/db/migration/V1__a.sql', 'src/main/resources/db/migration/V2__b.sql']);
    // The build's copy under target/ is not read as a second version 1.
    expect(project.anomalies).toEqual([]);
  });

  it('is detected by V<version>__ names alone, and reads classpath: locations where a Maven project keeps them', () => {
    const bare = writeProject({ 'V1__a.sql': 'CREATE TABLE a (id int);', 'V2__b.sql': 'CREATE TABLE b (id int);' });
    expect(readProject(bare).detection).toBe("2 files named V<version>__<description>.sql: Flyway's versioned migrations");
    const maven = writeProject({
      'flyway.conf': 'flyway.locations=classpath:db/migration\n',
      'src/main/resources/db/migration/V1__a.sql': 'CREATE TABLE a (id int);',
    });
    expect(readProject(maven).files.map((f) => f.formatData?.script)).toEqual(['V1__a.sql']);
  });
});
