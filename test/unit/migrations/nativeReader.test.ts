import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src-main/migrations/readers/detectProject';
import { parseNativeSql } from '../../../src-main/migrations/readers/nativeSql';
import { fixtures } from '../../support/revisions';
import { tempDir } from '../../support/tempDir';

describe('native SQL revisions', () => {
  it('reads the headers and the dbmate-style bodies', () => {
    const sql = parseNativeSql(
      '-- revision: 7c1e2a\n-- parents: 3f9b10, 51d0ce\n-- branch: rbac\n-- depends-on: a1b2c3\n-- message: add role tables\n-- migrate:up\nCREATE TABLE roles (id int);\n-- migrate:down\nDROP TABLE roles;\n',
    );
    expect(sql.header).toEqual({
      revision: '7c1e2a',
      parents: ['3f9b10', '51d0ce'],
      branchLabels: ['rbac'],
      dependsOn: ['a1b2c3'],
      message: 'add role tables',
      line: 1,
    });
    expect(sql.up).toEqual({ sql: 'CREATE TABLE roles (id int);', line: 7, transaction: true });
    expect(sql.down).toEqual({ sql: 'DROP TABLE roles;\n', line: 9, transaction: true });
  });

  it('marks `-- migrate:up transaction:false` bodies to run outside a transaction', () => {
    expect(parseNativeSql('-- revision: x\n-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n').up?.transaction).toBe(false);
  });

  it('reads `parents: none` as a root', () => {
    expect(parseNativeSql('-- revision: r\n-- parents: none\n').header.parents).toEqual([]);
  });

  it('reads one id, none in any case, blank, and ids separated by commas and spaces', () => {
    const parents = (value: string) => parseNativeSql(`-- revision: r\n-- parents: ${value}\n`).header.parents;
    expect(parents('a1')).toEqual(['a1']);
    expect(parents('NONE')).toEqual([]);
    expect(parents('None')).toEqual([]);
    expect(parents('nonez')).toEqual(['nonez']);
    expect(parents('')).toEqual([]);
    expect(parents('a1,,b2  c3')).toEqual(['a1', 'b2', 'c3']);
    expect(parents('none, x')).toEqual(['none', 'x']);
  });

  it('reads a branchy headered folder, CRLF files included', () => {
    const project = readProject(`${fixtures}native-branchy`);
    expect(project.format).toBe('native');
    expect(project.files.map((f) => [f.revision.id, f.revision.parents])).toEqual([
      ['0001', []],
      ['0002', ['0001']],
      ['0003', ['0001']],
      ['0004', ['0002']],
      ['0005', ['0004', '0003']],
      ['0006', ['0003']],
    ]);
    expect(project.files[2]?.up).toMatchObject({ transaction: false, line: 5 });
    expect(project.files[3]?.revision.dependsOn).toEqual(['0003']);
  });
});

describe('header-less SQL folders are a linear chain in file-name order', () => {
  it('a dbmate folder (versioned names, up and down blocks in one file) is no longer native: the dbmate format reads it, refusals and all', () => {
    const project = readProject(`${fixtures}native-dbmate`);
    expect(project.format).toBe('dbmate');
    expect(project.files.map((f) => [f.revision.id, f.revision.parents, f.revision.message])).toEqual([
      ['20240101090000', [], 'create documents'],
      ['20240102120000', ['20240101090000'], 'add users'],
    ]);
    expect(project.files[1]?.down?.sql).toContain('DROP TABLE users');
    // dbmate refuses a file without a down block; so the native chain's silent acceptance is gone.
    expect(project.unreadable).toEqual([expect.objectContaining({ kind: 'unreadableFile', file: '20240103080000_drop_users.sql' })]);
  });

  it('a Flyway folder is no longer native: the flyway format reads it', () => {
    expect(readProject(`${fixtures}native-flyway`).format).toBe('flyway');
  });

  it('numbered files without headers or a tool’s layout stay native, in number order (2 before 10)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '10_reports.sql'), 'CREATE TABLE reports (id int);\n');
    writeFileSync(join(dir, '2_users.sql'), 'CREATE TABLE users (id int);\n');
    const project = readProject(dir);
    expect(project.format).toBe('native');
    expect(project.files.map((f) => [f.revision.id, f.revision.parents, f.revision.message])).toEqual([
      ['2', [], 'users'],
      ['10', ['2'], 'reports'],
    ]);
  });

  it('names the second file of a number given twice instead of dropping one in silence', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_users.sql'), 'CREATE TABLE users (id int);\n');
    writeFileSync(join(dir, '001_people.sql'), 'CREATE TABLE people (id int);\n');
    const project = readProject(dir);
    expect(project.files.map((f) => f.revision.file)).toEqual(['001_people.sql']);
    expect(project.unreadable).toEqual([
      expect.objectContaining({
        kind: 'duplicateRevision',
        file: '001_users.sql',
        message: expect.stringContaining('version 001 is also given by 001_people.sql'),
      }),
    ]);
  });

  it('golang-migrate pairs are no longer native: the golang-migrate format reads them, versions as numbers as migrate records them', () => {
    const project = readProject(`${fixtures}native-golang`);
    expect(project.format).toBe('golang-migrate');
    expect(project.files.map((f) => [f.revision.id, f.up?.sql.trim(), f.down?.sql.trim()])).toEqual([
      ['1', 'CREATE TABLE items (id int);', 'DROP TABLE items;'],
      ['2', 'CREATE TABLE orders (id int);', 'DROP TABLE orders;'],
    ]);
  });
});

describe('finding the project', () => {
  it('refuses a folder that holds no migrations, and one that does not exist', () => {
    expect(() => readProject(`${fixtures}native-branchy/../../`)).toThrow(expect.objectContaining({ code: 'E_PROJECT_NOT_FOUND' }));
    expect(() => readProject(`${fixtures}nowhere`)).toThrow(expect.objectContaining({ code: 'E_PROJECT_NOT_FOUND' }));
  });

  it('lets --format override detection', () => {
    expect(readProject(`${fixtures}native-branchy`, { format: 'alembic' }).files).toEqual([]);
  });
});
