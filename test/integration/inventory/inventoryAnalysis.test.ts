// The inventory of a database whose migrations make tables inside DO blocks, through dynamic SQL and
// through functions: what static analysis read is expected, and what it could not read is said.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Inventory } from '../../../src-shared/model/inventory';
import { connect } from '../../../src-main/drivers/connect';
import { loadInventory } from '../../../src-main/inventory/loadInventory';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { applyByHand, writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { postgresTarget } from '../../support/migrationTargets';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');

const revisions: RevisionSpec[] = [
  { id: 'a1', parents: [], message: 'tenants', up: 'DO $$ BEGIN CREATE TABLE tenants (id int primary key); END $$;\nCREATE TABLE plans (id int);' },
  {
    id: 'b2',
    parents: ['a1'],
    message: 'a shard named at run time',
    up: "DO $$ DECLARE n text := 'dyn_' || 'shard'; BEGIN EXECUTE 'CREATE TABLE ' || quote_ident(n) || ' (id int)'; END $$;",
  },
  {
    id: 'c3',
    parents: ['b2'],
    message: 'audit made by a function, archives by another the app calls',
    up: [
      'CREATE FUNCTION make_audit() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE audit_trail (id int); END $$;',
      'SELECT make_audit();',
      'CREATE FUNCTION make_archive() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE archive_2024 (id int); END $$;',
    ].join('\n'),
  },
];

async function migratedDatabase(project = revisions, applied = ['a1', 'b2', 'c3'], byHand = 'SELECT make_archive()'): Promise<MigrationTarget> {
  const projectDir = join(tempDir(), 'migrations');
  writeNativeProject(projectDir, project);
  const target = postgresTarget(pg, await scratchDatabase(pg, 'inventory_analysis'), projectDir);
  const driver = await connect(target.connection);
  try {
    await applyByHand(driver, projectDir, applied);
    if (byHand) await driver.query(byHand);
  } finally {
    await driver.close();
  }
  return target;
}

function table(inventory: Inventory, name: string) {
  return inventory.tables.find((t) => t.name === name);
}

describe('inventory of tables made in DO blocks, dynamic SQL and functions', () => {
  it('expects a table created in a DO block, and says the analysis was incomplete beside a table made by dynamic SQL', async () => {
    const inventory = await loadInventory(await migratedDatabase());

    expect(table(inventory, 'tenants')).toMatchObject({ status: 'ok', createdBy: { revision: 'a1', file: '001_a1.sql' } });
    expect(table(inventory, 'dyn_shard')).toMatchObject({ status: 'unexpected', createdBy: null });
    expect(table(inventory, 'dyn_shard')?.mayBeCreatedBy).toBeUndefined();
    // make_audit() is called by its own revision; make_archive() only later, by the app.
    expect(table(inventory, 'audit_trail')).toMatchObject({ status: 'ok', createdBy: { revision: 'c3' } });
    expect(table(inventory, 'archive_2024')).toMatchObject({
      status: 'unexpected',
      mayBeCreatedBy: { revision: 'c3', file: '003_c3.sql', how: 'function make_archive() creates it when called' },
    });
    expect(inventory.counts).toMatchObject({ ok: 3, unexpected: 2, missing: 0, conflict: 0 });
    expect(inventory.analysisProblems).toEqual([
      { revision: 'b2', problem: expect.stringMatching(/^002_b2\.sql:\d+: a dynamic EXECUTE is not read: 'CREATE TABLE '/) },
    ]);
    expect(inventory.analysisIncomplete).toMatchObject({
      revisions: 1,
      message: expect.stringMatching(/^the analysis of 1 revision was incomplete: b2 \(002_b2\.sql/),
    });
  });

  it('calls no conflict for a pending create that only happens where the table is absent', async () => {
    const guarded: RevisionSpec[] = [
      { id: 'a1', parents: [], message: 'plans', up: 'CREATE TABLE plans (id int);' },
      {
        id: 'b2',
        parents: ['a1'],
        message: 'idempotent setup',
        up: "CREATE TABLE IF NOT EXISTS plans (id int);\nDO $$ BEGIN IF to_regclass('legacy') IS NULL THEN CREATE TABLE legacy (id int); END IF; END $$;\nCREATE TABLE archive (id int);",
      },
    ];
    const inventory = await loadInventory(await migratedDatabase(guarded, ['a1'], 'CREATE TABLE legacy (id int); CREATE TABLE archive (id int)'));
    expect(table(inventory, 'plans')).toMatchObject({ status: 'ok' });
    expect(table(inventory, 'legacy')).toMatchObject({ status: 'unexpected', conflictWith: null });
    expect(table(inventory, 'archive')).toMatchObject({ status: 'conflict', conflictWith: { revision: 'b2' } });
    expect(inventory.analysisIncomplete).toBeNull();
  });

  it('marks those rows in `switchyard inventory` and prints the note under the table', async () => {
    const { connection, projectDir } = await migratedDatabase();
    const url = `postgres://${encodeURIComponent(connection.user)}:${encodeURIComponent(connection.password ?? '')}@${connection.host}:${connection.port}/${connection.database}?sslmode=disable`;
    const home = tempDir();
    const result = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), 'inventory', '--url', url, '--project', projectDir], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: '' },
      encoding: 'utf8',
    });
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    const line = (name: string) => result.stdout.split('\n').find((l) => l.includes(`.${name} `)) ?? '';
    expect(line('dyn_shard')).toMatch(/\bunexpected\*/);
    expect(line('archive_2024')).toMatch(/unexpected\*.*maybe by c3 \(003_c3\.sql:1\): function make_archive\(\) creates it when called/);
    expect(line('tenants')).toMatch(/\bok\s+a1 \(001_a1\.sql:1\)/);
    expect(result.stdout).toMatch(/\n\* the analysis of 1 revision was incomplete: b2 \(002_b2\.sql:\d+: a dynamic EXECUTE is not read/);
  });
});
