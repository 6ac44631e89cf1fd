import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDbmateSql } from '../../../../src-main/formats/dbmate/dbmateSql';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

describe('a dbmate folder', () => {
  const project = loadProject(`${fixtures}dbmate-chain`);

  it('is detected by its `-- migrate:up` blocks and read as one chain in file-name order, versions as dbmate records them', () => {
    expect(project.files.format).toBe('dbmate');
    expect(project.files.detection).toMatch(/20240101090000_create_accounts\.sql.*dbmate/);
    expect(project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.message])).toEqual([
      ['20240101090000', [], 'create accounts'],
      ['20240102090000', ['20240101090000'], 'index accounts'],
      ['20240103090000', ['20240102090000'], 'create orders'],
      ['20240104090000', ['20240103090000'], 'add refunds'],
    ]);
  });

  it('runs a block marked `transaction:false` outside a transaction, and the others inside one', () => {
    const [accounts, index] = project.files.files;
    expect([accounts?.up?.transaction, accounts?.down?.transaction]).toEqual([true, true]);
    expect([index?.up?.transaction, index?.down?.transaction]).toEqual([false, false]);
    expect(index?.up).toMatchObject({ sql: expect.stringContaining('CREATE INDEX CONCURRENTLY'), line: 2 });
    expect(index?.down?.sql.trim()).toBe('DROP INDEX CONCURRENTLY accounts_by_email;');
  });

  it('names both files of a version given twice, and a .sql file that is not a migration, instead of dropping them', () => {
    expect(project.anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'duplicateRevision',
          file: '20240103090000_create_orders_copy.sql',
          message: expect.stringMatching(/20240103090000_create_orders_copy\.sql: version 20240103090000 is also given by 20240103090000_create_orders\.sql/),
        }),
        expect.objectContaining({
          kind: 'unusedFile',
          file: 'notes.sql',
          message: expect.stringContaining('dbmate runs only files whose name starts with their version'),
        }),
      ]),
    );
    expect(project.anomalies).toHaveLength(2);
  });
});

describe("dbmate's parser rules", () => {
  it('refuses, as dbmate does, a file without a down block, blocks in the wrong order, and a statement before the up block', () => {
    expect(parseDbmateSql('-- migrate:up\nCREATE TABLE t (id int);\n')).toEqual({
      problem: expect.stringContaining("down block with '-- migrate:down'"),
      line: 1,
    });
    expect(parseDbmateSql('-- migrate:down\nDROP TABLE t;\n-- migrate:up\nCREATE TABLE t (id int);\n')).toMatchObject({
      problem: expect.stringContaining('before'),
    });
    expect(parseDbmateSql("-- a comment\nCREATE TYPE s AS ENUM ('a');\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n")).toEqual({
      problem: expect.stringContaining('statements preceding'),
      line: 2,
    });
  });

  it('takes `transaction:false` only written as dbmate reads it: one word on the directive line', () => {
    expect(parseDbmateSql('-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\nSELECT 1;\n')).toMatchObject({
      up: { transaction: false },
      down: { transaction: true },
    });
    expect(parseDbmateSql('-- migrate:up transaction: false\nSELECT 1;\n-- migrate:down\nSELECT 1;\n')).toMatchObject({ up: { transaction: true } });
  });

  it('reports a file dbmate refuses with its line and why, and reads the rest of the folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_first.sql'), '-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n');
    writeFileSync(join(dir, '002_second.sql'), '-- migrate:up\nCREATE TABLE u (id int);\n');
    const project = loadProject(dir);
    expect(project.files.files.map((f) => f.revision.id)).toEqual(['001']);
    expect(project.anomalies).toEqual([
      expect.objectContaining({
        kind: 'unreadableFile',
        file: '002_second.sql',
        message: expect.stringMatching(/^002_second\.sql:1: dbmate requires .*down block.*does not run it/),
      }),
    ]);
  });
});

describe("dbmate's order", () => {
  it('is the file names’ byte order, as dbmate sorts them (and as `dbmate status` lists 10_c.sql, 1_a.sql, 2_b.sql)', () => {
    const dir = tempDir();
    for (const name of ['1_a.sql', '2_b.sql', '10_c.sql']) writeFileSync(join(dir, name), '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n');
    expect(loadProject(dir).files.files.map((f) => f.revision.id)).toEqual(['10', '1', '2']);
  });
});
