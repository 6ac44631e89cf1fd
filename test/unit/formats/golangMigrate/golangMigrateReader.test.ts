import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

describe('a golang-migrate folder', () => {
  const project = loadProject(`${fixtures}golang-migrate-chain`);

  it('is detected by its .up.sql / .down.sql names and read in numeric order, versions as migrate records them (numbers)', () => {
    expect(project.files.format).toBe('golang-migrate');
    expect(project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.file, f.otherFiles])).toEqual([
      ['1', [], '0001_create_accounts.up.sql', ['0001_create_accounts.down.sql']],
      ['2', ['1'], '0002_index_accounts.up.sql', ['0002_index_accounts.down.sql']],
      ['3', ['2'], '0003_create_orders.up.sql', ['0003_create_orders.down.sql']],
      ['4', ['3'], '0004_link_refunds.up.sql', ['0004_link_refunds.down.sql']],
    ]);
    expect(project.files.files[0]?.down).toMatchObject({ sql: 'DROP TABLE accounts;\n', file: '0001_create_accounts.down.sql' });
  });

  it('runs a lone statement as written (outside a transaction, as PostgreSQL runs a one-statement query) and a file of several in one transaction', () => {
    const byId = new Map(project.files.files.map((f) => [f.revision.id, f]));
    expect(byId.get('2')?.up?.transaction).toBe(false);
    expect(byId.get('3')?.up?.transaction).toBe(true);
  });

  it('names the second file of a version given twice and a stray .sql file, instead of dropping either in silence', () => {
    expect(project.anomalies).toEqual([
      expect.objectContaining({
        kind: 'duplicateRevision',
        file: '0003_create_orders_copy.up.sql',
        revisions: ['3'],
        message: expect.stringMatching(/version 3 is also given by 0003_create_orders\.up\.sql; golang-migrate refuses/),
      }),
      expect.objectContaining({ kind: 'unusedFile', file: 'schema.sql', message: expect.stringContaining('<version>_name.up.sql') }),
    ]);
  });
});

describe("golang-migrate's order", () => {
  it('is the versions’ numeric order, as migrate parses them: 2 before 10, leading zeros or not', () => {
    const dir = tempDir();
    for (const name of ['1_a.up.sql', '10_c.up.sql', '002_b.up.sql']) writeFileSync(join(dir, name), 'SELECT 1;\n');
    expect(loadProject(dir).files.files.map((f) => f.revision.id)).toEqual(['1', '2', '10']);
  });

  it('keeps a version that has only a down file, as migrate records it (nothing to run up)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '1_a.up.sql'), 'CREATE TABLE a (id int);\n');
    writeFileSync(join(dir, '2_b.down.sql'), 'DROP TABLE b;\n');
    const [, second] = loadProject(dir).files.files;
    expect(second).toMatchObject({ revision: { id: '2', file: '2_b.down.sql', parents: ['1'] }, up: null, down: { sql: 'DROP TABLE b;\n' } });
  });
});
