// A Flyway project run on a real PostgreSQL: flyway_schema_history written row for row as Flyway writes
// it, status read back from it (changed checksums, repeatables to rerun), statements PostgreSQL refuses
// in a transaction run outside one, failures leaving what Flyway leaves.
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SwitchyardError } from '../../../../src-shared/errors';
import { flywayChecksum } from '../../../../src-main/formats/flyway/flywayChecksum';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget } from '../../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };
const upgrade = { action: 'upgrade', to: 'heads' } as const;

/** A copy of the fixture the test may change. */
function shopProject(): string {
  const dir = join(tempDir(), 'shop');
  cpSync(resolve(__dirname, '../../../fixtures/migrations/flyway-shop'), dir, { recursive: true });
  return dir;
}

async function shopTarget() {
  const project = shopProject();
  const database = await scratchDatabase(server, 'flyway');
  return { project, database, target: postgresTarget(server, database, project, { projectFormat: 'auto' }) };
}

async function history(database: string) {
  const result = await adminQuery(
    server,
    'SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success FROM flyway_schema_history ORDER BY installed_rank',
    database,
  );
  return result.rows;
}

async function columns(database: string) {
  const result = await adminQuery(
    server,
    "SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'flyway_schema_history' ORDER BY ordinal_position",
    database,
  );
  return result.rows.map(
    (c) => `${c.column_name} ${c.data_type}${c.character_maximum_length ? `(${c.character_maximum_length})` : ''}${c.is_nullable === 'NO' ? ' not null' : ''}`,
  );
}

describe('a Flyway project on PostgreSQL', () => {
  it('applies the versioned migrations then the repeatables, and writes flyway_schema_history as Flyway does', async () => {
    const { database, target } = await shopTarget();
    const result = await runTarget(target, upgrade, options);
    expect(result.steps.map((s) => s.revision)).toEqual(['1', '1.1', '1.9', '1.10', '2', 'R__Zone_names', 'R__active_places']);
    expect(result.status.pending).toEqual([]);

    // The table as PostgreSQLDatabase.getRawCreateScript creates it (flyway/flyway,
    // flyway-database/flyway-database-postgresql/.../PostgreSQLDatabase.java).
    expect(await columns(database)).toEqual([
      'installed_rank integer not null',
      'version character varying(50)',
      'description character varying(200) not null',
      'type character varying(20) not null',
      'script character varying(1000) not null',
      'checksum integer',
      'installed_by character varying(100) not null',
      'installed_on timestamp without time zone not null',
      'execution_time integer not null',
      'success boolean not null',
    ]);
    const rows = await history(database);
    // Rows as JdbcTableSchemaHistory.doAddAppliedMigration writes them: rank from 1, the version as
    // Flyway shows it, the description with spaces, type SQL, the script's path inside its location.
    expect(rows.map((r) => [r.installed_rank, r.version, r.description, r.type, r.script, r.installed_by, r.success])).toEqual([
      [1, '1', 'create location history', 'SQL', 'V1__create_location_history.sql', 'tester', true],
      [2, '1.1', 'add column location history valid until', 'SQL', 'V1_1__add_column_location_history_valid_until.sql', 'tester', true],
      [3, '1.9', 'add customers', 'SQL', 'V1_9__add_customers.sql', 'tester', true],
      [4, '1.10', 'index places', 'SQL', 'V1_10__index_places.sql', 'tester', true],
      [5, '2', 'create orders', 'SQL', 'orders/V2__create_orders.sql', 'tester', true],
      [6, null, 'Zone names', 'SQL', 'R__Zone_names.sql', 'tester', true],
      [7, null, 'active places', 'SQL', 'R__active_places.sql', 'tester', true],
    ]);
    // The checksum Flyway 6 printed for this very file (flyway/flyway issue #2474).
    expect(rows[1]?.checksum).toBe(-1039259818);
    for (const row of rows) {
      expect(row.installed_on).toBeInstanceOf(Date);
      expect(Number.isInteger(row.execution_time) && row.execution_time >= 0).toBe(true);
    }
  });

  it('ran the CONCURRENTLY migration outside a transaction, as Flyway does, and the index is valid', async () => {
    const { database, target } = await shopTarget();
    await runTarget(target, upgrade, options);
    const index = await adminQuery(
      server,
      "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'location_history_place'",
      database,
    );
    expect(index.rows).toEqual([{ indisvalid: true }]);
  });

  it('shows a versioned migration changed since it ran, by Flyway’s checksum, and a line-end change as unchanged', async () => {
    const { project, target } = await shopTarget();
    await runTarget(target, upgrade, options);
    const file = join(project, 'sql/V1_9__add_customers.sql');
    writeFileSync(file, 'CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);\r\n');
    expect((await targetStatus(target)).changed).toEqual([]);
    appendFileSync(file, 'CREATE INDEX customers_name ON customers (name);\n');
    const status = await targetStatus(target);
    expect(status.changed).toEqual(['1.9']);
    expect(status.pending).toEqual([]);
  });

  it('shows a changed repeatable as pending and reapplies it after the versioned ones, with a new row', async () => {
    const { project, database, target } = await shopTarget();
    await runTarget(target, upgrade, options);
    writeFileSync(
      join(project, 'sql-views/R__active_places.sql'),
      'CREATE OR REPLACE VIEW active_places AS SELECT place, id FROM location_history WHERE valid_until IS NULL;\n',
    );
    const status = await targetStatus(target);
    expect(status.pending).toEqual(['R__active_places']);
    expect(status.changed).toEqual([]);

    const result = await runTarget(target, upgrade, options);
    expect(result.steps.map((s) => s.revision)).toEqual(['R__active_places']);
    const rows = await history(database);
    expect(rows).toHaveLength(8);
    expect(rows[7]).toMatchObject({ installed_rank: 8, version: null, description: 'active places', script: 'R__active_places.sql', success: true });
    expect(rows[7]?.checksum).not.toBe(rows[6]?.checksum);
    const view = await adminQuery(
      server,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'active_places' ORDER BY ordinal_position",
      database,
    );
    expect(view.rows.map((r) => r.column_name)).toEqual(['place', 'id']);
    expect((await targetStatus(target)).pending).toEqual([]);
  });

  it('upgrades to a version and leaves what follows it, repeatables included, pending', async () => {
    const { database, target } = await shopTarget();
    await runTarget(target, { action: 'upgrade', to: '1.9' }, options);
    const status = await targetStatus(target);
    expect(status.applied).toEqual(['1', '1.1', '1.9']);
    expect(status.pending).toEqual(['1.10', '2', 'R__Zone_names', 'R__active_places']);
    expect((await history(database)).map((r) => r.version)).toEqual(['1', '1.1', '1.9']);
  });

  it('reads a history Flyway wrote (its own DDL, a baseline, an outdated repeatable), refuses a changed checksum as Flyway does, and carries on its ranks', async () => {
    const { project, database, target } = await shopTarget();
    // PostgreSQLDatabase.getRawCreateScript, and rows as Flyway writes them: a baseline at 1.1, then 1.9
    // with another checksum than the file's, then a run of the "Zone names" repeatable from an older text.
    await adminQuery(
      server,
      `CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
CREATE TABLE location_history (id int PRIMARY KEY, place text NOT NULL, valid_until timestamptz);
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO flyway_schema_history VALUES
  (1, '1.1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'flyway', now(), 0, true),
  (2, '1.9', 'add customers', 'SQL', 'V1_9__add_customers.sql', 12345, 'flyway', now(), 4, true),
  (3, NULL, 'Zone names', 'SQL', 'R__Zone_names.sql', 67890, 'flyway', now(), 2, true);`,
      database,
    );
    const status = await targetStatus(target);
    expect(status.applied).toEqual(['1', '1.1', '1.9']);
    expect(status.changed).toEqual(['1.9']);
    expect(status.pending).toEqual(['1.10', '2', 'R__Zone_names', 'R__active_places']);

    // Flyway's validate on migrate stops here: 1.9's file no longer matches its row.
    await expect(runTarget(target, upgrade, options)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringMatching(/1\.9 was edited after it was applied .*flyway repair.*Nothing was run\./),
    });
    expect(await history(database)).toHaveLength(3);
    // What `flyway repair` does: the row takes the file's checksum.
    const fileChecksum = flywayChecksum(readFileSync(join(project, 'sql/V1_9__add_customers.sql'), 'utf8'));
    await adminQuery(server, `UPDATE flyway_schema_history SET checksum = ${fileChecksum} WHERE version = '1.9'`, database);
    await runTarget(target, upgrade, options);
    const rows = await history(database);
    expect(rows.map((r) => [r.installed_rank, r.version, r.description])).toEqual([
      [1, '1.1', '<< Flyway Baseline >>'],
      [2, '1.9', 'add customers'],
      [3, null, 'Zone names'],
      [4, '1.10', 'index places'],
      [5, '2', 'create orders'],
      [6, null, 'Zone names'],
      [7, null, 'active places'],
    ]);
    expect((await targetStatus(target)).pending).toEqual([]);
  });

  it('refuses a database where a version below an applied one was never run (Flyway’s "ignored"), instead of showing it applied', async () => {
    const { project, target } = await shopTarget();
    await runTarget(target, upgrade, options);
    writeFileSync(join(project, 'sql/V1_5__late_arrival.sql'), 'CREATE TABLE late_arrival (id int);\n');
    const status = await targetStatus(target).catch((e: unknown) => e);
    expect(status).toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining('records version 2 but not 1.5 (sql/V1_5__late_arrival.sql), which comes before it'),
    });
    await expect(runTarget(target, upgrade, options)).rejects.toMatchObject({ code: 'E_BOOKKEEPING_REFUSES' });
  });

  it('a failing migration in a transaction writes no row, as Flyway on PostgreSQL rolls it back', async () => {
    const { project, database, target } = await shopTarget();
    writeFileSync(join(project, 'sql/V3__broken.sql'), 'CREATE TABLE invoices (id int);\nINSERT INTO no_such_table VALUES (1);\n');
    const error = await runTarget(target, upgrade, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchyardError);
    const rows = await history(database);
    expect(rows.map((r) => r.version)).toEqual(['1', '1.1', '1.9', '1.10', '2']);
    const invoices = await adminQuery(server, "SELECT to_regclass('invoices') AS t", database);
    expect(invoices.rows).toEqual([{ t: null }]);
  });

  it('a failing migration outside a transaction leaves a failed row, and the next run is refused until it is repaired', async () => {
    const { project, database, target } = await shopTarget();
    writeFileSync(join(project, 'sql/V3__index_missing.sql'), 'CREATE INDEX CONCURRENTLY missing_index ON no_such_table (id);\n');
    await expect(runTarget(target, upgrade, options)).rejects.toBeInstanceOf(SwitchyardError);
    const rows = await history(database);
    expect(rows.map((r) => [r.version, r.script, r.success])).toEqual([
      ['1', 'V1__create_location_history.sql', true],
      ['1.1', 'V1_1__add_column_location_history_valid_until.sql', true],
      ['1.9', 'V1_9__add_customers.sql', true],
      ['1.10', 'V1_10__index_places.sql', true],
      ['2', 'orders/V2__create_orders.sql', true],
      ['3', 'V3__index_missing.sql', false],
    ]);
    const again = await runTarget(target, upgrade, options).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'E_BOOKKEEPING_REFUSES', message: expect.stringContaining('failed migration to version 3 (index missing)') });
    expect((again as Error).message).toContain('flyway repair');
  });

  it('refuses a downgrade or a stamp down, saying why Flyway has no way back, and writes nothing', async () => {
    const { database, target } = await shopTarget();
    await runTarget(target, upgrade, options);
    // The repeatables come down first, and Flyway never reverts one.
    const downgrade = await runTarget(target, { action: 'downgrade', to: '1.10' }, options).catch((e: unknown) => e);
    expect(downgrade).toMatchObject({
      code: 'E_NO_DOWNGRADE',
      message: expect.stringContaining('Flyway never reverts a repeatable migration (sql-views/R__active_places.sql)'),
    });
    const stamp = await runTarget(target, { action: 'stamp', to: '1.10', down: true }, options).catch((e: unknown) => e);
    expect(stamp).toMatchObject({ code: 'E_NO_DOWNGRADE', message: expect.stringContaining('flyway undo') });
    expect(await history(database)).toHaveLength(7);
    expect((await targetStatus(target)).pending).toEqual([]);
  });
});
