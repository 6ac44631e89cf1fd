import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGooseSql } from '../../../../src-main/formats/goose/gooseSql';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

describe('a goose folder', () => {
  const project = loadProject(`${fixtures}goose-chain`);

  it('is detected by `-- +goose Up` and read in numeric version order, versions as goose records them (numbers)', () => {
    expect(project.files.format).toBe('goose');
    expect(project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.message])).toEqual([
      ['1', [], 'create accounts'],
      ['2', ['1'], 'index accounts'],
      ['3', ['2'], 'count accounts'],
      ['5', ['3'], 'add refunds'],
    ]);
  });

  it('runs a NO TRANSACTION file outside a transaction, both ways, and keeps a StatementBegin block whole', () => {
    const byId = new Map(project.files.files.map((f) => [f.revision.id, f]));
    expect([byId.get('2')?.up?.transaction, byId.get('2')?.down?.transaction]).toEqual([false, false]);
    expect(byId.get('3')?.up).toMatchObject({ transaction: true, line: 2, sql: expect.stringContaining('RETURN (SELECT count(*) FROM accounts);') });
    expect(byId.get('3')?.down?.sql).toContain('DROP FUNCTION account_count();');
  });

  it('names the Go migration it cannot run, the second file of a version and a stray .sql file', () => {
    expect(project.anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'duplicateRevision',
          file: '00003_more_orders.sql',
          message: expect.stringContaining('also given by 00003_count_accounts.sql'),
        }),
        expect.objectContaining({ kind: 'unreadableFile', file: '00004_backfill_accounts.go', message: expect.stringContaining('a Go migration (version 4)') }),
        expect.objectContaining({ kind: 'unusedFile', file: 'seed.sql' }),
      ]),
    );
    expect(project.anomalies).toHaveLength(3);
  });
});

describe("goose's parser rules", () => {
  it('a migration without a Down section reverts by running nothing, as goose does', () => {
    expect(parseGooseSql('-- +goose Up\nCREATE TABLE t (id int);\n')).toMatchObject({ down: { sql: '' } });
  });

  it('refuses what goose refuses: no Up, a statement before Up, an unclosed StatementBegin, a statement without its semicolon', () => {
    expect(parseGooseSql('CREATE TABLE t (id int);\n')).toMatchObject({ problem: expect.stringContaining('before'), line: 1 });
    expect(parseGooseSql('-- just a note\n')).toMatchObject({ problem: expect.stringContaining("start with the '-- +goose Up'") });
    expect(parseGooseSql('-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n')).toMatchObject({ problem: expect.stringContaining('StatementEnd') });
    expect(parseGooseSql('-- +goose Up\nCREATE TABLE t (id int)\n-- +goose Down\nDROP TABLE t;\n')).toMatchObject({
      problem: expect.stringContaining('missing semicolon'),
      line: 3,
    });
  });

  it('reads annotations only as goose writes them (`-- +goose Up`, case and all)', () => {
    expect(parseGooseSql('-- +goose up\nSELECT 1;\n')).toMatchObject({ problem: expect.any(String) });
  });
});

describe("goose's order", () => {
  it('is the versions’ numeric order: 2 before 10, and timestamps after small numbers', () => {
    const dir = tempDir();
    for (const name of ['10_c.sql', '2_b.sql', '20240101120000_d.sql']) writeFileSync(join(dir, name), '-- +goose Up\nSELECT 1;\n');
    expect(loadProject(dir).files.files.map((f) => f.revision.id)).toEqual(['2', '10', '20240101120000']);
  });
});
