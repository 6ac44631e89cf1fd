// The inventory on real databases: a history part-applied, then tables made, dropped and pre-created
// by hand, each landing in the status a DBA would give it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Inventory, InventoryTable, RowCount } from '../../../src-shared/model/inventory';
import type { OperationDone, OperationProgress } from '../../../src-shared/model/operation';
import { connect } from '../../../src-main/drivers/connect';
import type { ConnectionTarget, Driver } from '../../../src-main/drivers/driver';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { readExactSizes } from '../../../src-main/inventory/catalog';
import { startCount } from '../../../src-main/inventory/inventoryService';
import { loadInventory } from '../../../src-main/inventory/loadInventory';
import { EventBus } from '../../../src-main/operations/eventBus';
import { Operations } from '../../../src-main/operations/operations';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { applyByHand, runStatements, writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');
const oddSchema = 'Sales & "Ops"';
const q = quoteIdentifier;

const revisions: RevisionSpec[] = [
  {
    id: 'a1',
    parents: [],
    message: 'users and order lines',
    up: `CREATE TABLE users (id int primary key);\nCREATE SCHEMA ${q(oddSchema)};\nCREATE TABLE ${q(oddSchema)}."Order Lines" (id int);`,
  },
  {
    id: 'b2',
    parents: ['a1'],
    message: 'documents and audit',
    up: 'CREATE TABLE documents (id int primary key, body text);\nCREATE TABLE audit_log (id int);',
  },
  { id: 'c3', parents: ['b2'], message: 'reports', up: 'CREATE TABLE reports (id int);' },
  { id: 'd4', parents: ['c3'], message: 'retire audit', up: 'DROP TABLE documents;\nALTER TABLE users RENAME TO accounts;' },
];
// The hand-made drift: a table nobody's migration made, an expected one dropped, and one a pending revision will create.
const drift =
  "CREATE TABLE legacy_notes (id int);\nDROP TABLE audit_log;\nCREATE TABLE reports (id int);\nINSERT INTO documents VALUES (1, 'a'), (2, 'b'), (3, 'c');";

function byName(inventory: Inventory, name: string): InventoryTable {
  const table = inventory.tables.find((t) => t.name === name);
  if (!table) throw new Error(`${name} is not in the inventory: ${inventory.tables.map((t) => t.name).join(', ')}`);
  return table;
}

function migrationTarget(connection: ConnectionTarget, projectDir: string): MigrationTarget {
  return { name: 'inventory test', environment: 'test', connection, projectDir, projectFormat: 'native', alembicCommand: '' };
}

function expectStatuses(inventory: Inventory): void {
  // Unexpected: legacy_notes and the hand-made partitioned "Events".
  expect(inventory.counts).toEqual({ ok: 3, missing: 1, unexpected: 2, conflict: 1, bookkeeping: 1 });
  expect(byName(inventory, 'users')).toMatchObject({ status: 'ok', createdBy: { revision: 'a1', file: '001_a1.sql', line: 1 } });
  expect(byName(inventory, 'documents')).toMatchObject({ status: 'ok', createdBy: { revision: 'b2' } });
  expect(byName(inventory, 'audit_log')).toMatchObject({ status: 'missing', createdBy: { revision: 'b2' }, bytes: null });
  expect(byName(inventory, 'legacy_notes')).toMatchObject({ status: 'unexpected', createdBy: null });
  expect(byName(inventory, 'reports')).toMatchObject({ status: 'conflict', createdBy: null, conflictWith: { revision: 'c3', file: '003_c3.sql' } });
  expect(byName(inventory, 'switchyard_migrations')).toMatchObject({ status: 'bookkeeping' });
  expect(inventory.project).toMatchObject({ format: 'native', applied: 2, pending: 2 });
  expect(inventory.pendingChanges).toEqual([
    { revision: 'c3', file: '003_c3.sql', line: 1, created: ['reports'], dropped: [], renamed: [] },
    { revision: 'd4', file: '004_d4.sql', line: 1, created: [], dropped: ['documents'], renamed: [{ from: 'users', to: 'accounts' }] },
  ]);
}

/** Runs an exact count through the real operations machinery and collects what the UI would see. */
async function count(connection: ConnectionTarget, tables: Array<{ schema: string; name: string }> | undefined, timeoutMs?: number, cancelAfterMs?: number) {
  const events = new EventBus();
  const operations = new Operations(events);
  const progress: OperationProgress[] = [];
  const done = new Promise<OperationDone>((resolve) => {
    events.onEvent((message) => {
      if (message.event === 'op.progress') progress.push(message.payload);
      if (message.event === 'op.done') resolve(message.payload);
    });
  });
  const { opId } = startCount(operations, migrationTarget(connection, ''), { tables, timeoutMs });
  if (cancelAfterMs !== undefined) setTimeout(() => operations.cancel(opId), cancelAfterMs);
  return { done: await done, progress };
}

describe('inventory on PostgreSQL', () => {
  const database = 'inventory "odd" DB';
  let admin: Driver;
  let connection: ConnectionTarget;
  let projectDir: string;

  beforeAll(async () => {
    const base: ConnectionTarget = {
      engine: 'postgres',
      host: pg.host,
      port: pg.port,
      database: 'postgres',
      user: pg.user,
      password: pg.password,
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: '',
      readOnly: false,
    };
    admin = await connect(base);
    await admin.query(`DROP DATABASE IF EXISTS ${q(database)}`);
    await admin.query(`CREATE DATABASE ${q(database)}`);
    connection = { ...base, database };
    // tempDir() cleans up per test; this project lives for the whole suite.
    projectDir = mkdtempSync(join(tmpdir(), 'switchyard-inventory-'));
    writeNativeProject(projectDir, revisions);
    const driver = await connect(connection);
    try {
      await applyByHand(driver, projectDir, ['a1', 'b2']);
      await runStatements(driver, drift);
      await runStatements(
        driver,
        `CREATE INDEX documents_body ON documents (body);\nCOMMENT ON TABLE documents IS 'what users upload';\nCREATE VIEW recent_documents AS SELECT * FROM documents;\nCREATE MATERIALIZED VIEW document_count AS SELECT count(*) FROM documents;\nCREATE TABLE ${q(oddSchema)}."Events" (at date) PARTITION BY RANGE (at);\nCREATE VIEW slow AS SELECT pg_sleep(3)::text AS slept;\nANALYZE;`,
      );
    } finally {
      await driver.close();
    }
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${q(database)} WITH (FORCE)`);
    await admin.close();
    rmSync(projectDir, { recursive: true, force: true });
  });

  it('puts each table in its status: ok, missing, unexpected, conflict, bookkeeping', async () => {
    expectStatuses(await loadInventory(migrationTarget(connection, projectDir)));
  });

  it('reads schemas with quotes, spaces and upper case, and every kind of relation', async () => {
    const inventory = await loadInventory(migrationTarget(connection, projectDir));
    expect(byName(inventory, 'Order Lines')).toMatchObject({ schema: oddSchema, kind: 'table', status: 'ok', createdBy: { revision: 'a1' } });
    expect(byName(inventory, 'Events')).toMatchObject({ schema: oddSchema, kind: 'partitioned table', status: 'unexpected' });
    expect(byName(inventory, 'recent_documents')).toMatchObject({ kind: 'view', status: null });
    expect(byName(inventory, 'document_count')).toMatchObject({ kind: 'materialized view', status: null });
    expect(byName(inventory, 'documents')).toMatchObject({ estimatedRows: 3, indexCount: 2, owner: pg.user, comment: 'what users upload', bytesExact: false });
    expect(byName(inventory, 'documents').bytes).toBeGreaterThan(0);
  });

  it('without a project lists the catalog with no statuses', async () => {
    const inventory = await loadInventory(migrationTarget(connection, ''));
    expect(inventory.project).toBeNull();
    expect(inventory.tables.every((t) => t.status === null)).toBe(true);
    expect(inventory.tables.map((t) => t.name)).toContain('legacy_notes');
    expect(inventory.tables.map((t) => t.name)).not.toContain('audit_log');
  });

  it('still lists the tables when the bound project folder is gone, and says why', async () => {
    const inventory = await loadInventory(migrationTarget(connection, join(projectDir, 'moved-away')));
    expect(inventory.project).toBeNull();
    expect(inventory.projectError).toContain('moved-away');
    expect(inventory.tables.map((t) => t.name)).toContain('documents');
  });

  it('reads exact sizes afterwards, including indexes and TOAST', async () => {
    const driver = await connect(connection);
    try {
      const sizes = await readExactSizes(driver);
      const documents = sizes.find((s) => s.name === 'documents');
      // Heap, primary key, the extra index and the TOAST table each hold at least one 8 kB page.
      expect(documents?.bytes).toBeGreaterThanOrEqual(3 * 8192);
      expect(sizes.find((s) => s.name === 'Order Lines')?.schema).toBe(oddSchema);
    } finally {
      await driver.close();
    }
  });

  it('counts rows exactly, reporting each table as it goes', async () => {
    const { done, progress } = await count(connection, undefined);
    expect(done.ok).toBe(true);
    const counts = (done as { result: RowCount[] }).result;
    expect(counts.find((c) => c.name === 'documents')).toEqual({ schema: 'public', name: 'documents', rows: 3 });
    expect(counts.find((c) => c.name === 'Order Lines')).toEqual({ schema: oddSchema, name: 'Order Lines', rows: 0 });
    expect(counts.map((c) => c.name)).not.toContain('slow');
    expect(progress).toHaveLength(counts.length);
    expect(progress.at(-1)).toMatchObject({ done: counts.length, total: counts.length });
    expect(progress.map((p) => p.detail)).toEqual(counts);
  });

  it('stops a count that outlives its statement timeout and goes on with the next table', async () => {
    const { done } = await count(
      connection,
      [
        { schema: 'public', name: 'slow' },
        { schema: 'public', name: 'documents' },
      ],
      200,
    );
    expect(done).toMatchObject({
      ok: true,
      result: [
        { name: 'slow', rows: null, error: 'timed out after 0.2 s' },
        { name: 'documents', rows: 3 },
      ],
    });
  });

  it('cancels a running count', async () => {
    const { done } = await count(
      connection,
      [
        { schema: 'public', name: 'slow' },
        { schema: 'public', name: 'documents' },
      ],
      60_000,
      300,
    );
    expect(done).toMatchObject({ ok: false, error: { code: 'E_CANCELLED' } });
  });
});

describe('inventory on SQLite', () => {
  it('puts each table in its status, with exact counts and sizes', async () => {
    const dir = tempDir();
    const projectDir = join(dir, 'migrations');
    const sqliteRevisions = revisions.map((r) => (r.id === 'a1' ? { ...r, up: 'CREATE TABLE users (id int primary key);' } : r));
    writeNativeProject(projectDir, sqliteRevisions);
    const connection: ConnectionTarget = {
      engine: 'sqlite',
      host: '',
      port: 0,
      database: '',
      user: '',
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: join(dir, 'app.sqlite'),
      readOnly: false,
    };
    const driver = await connect(connection, { create: true });
    try {
      await applyByHand(driver, projectDir, ['a1', 'b2']);
      await runStatements(
        driver,
        `${drift}\nCREATE TABLE "Odd ""Name"" Here" (id int);\nCREATE TABLE stray (id int);\nCREATE VIEW recent AS SELECT * FROM documents;`,
      );
    } finally {
      await driver.close();
    }
    const inventory = await loadInventory(migrationTarget(connection, projectDir));
    expect(inventory.counts).toEqual({ ok: 2, missing: 1, unexpected: 3, conflict: 1, bookkeeping: 1 });
    expect(byName(inventory, 'users')).toMatchObject({ schema: 'main', status: 'ok', createdBy: { revision: 'a1' } });
    expect(byName(inventory, 'audit_log')).toMatchObject({ status: 'missing' });
    expect(byName(inventory, 'reports')).toMatchObject({ status: 'conflict', conflictWith: { revision: 'c3' } });
    expect(byName(inventory, 'Odd "Name" Here')).toMatchObject({ status: 'unexpected', estimatedRows: 0 });
    expect(byName(inventory, 'recent')).toMatchObject({ kind: 'view', status: null });
    expect(byName(inventory, 'documents')).toMatchObject({ estimatedRows: 3, indexCount: 1 });
    // The bundled SQLite has dbstat: one 4 kB page for the table, one for its primary key.
    expect(inventory.sizesExact).toBe(true);
    expect(byName(inventory, 'documents')).toMatchObject({ bytesExact: true, bytes: 8192 });

    const { done } = await count(connection, [
      { schema: 'main', name: 'Odd "Name" Here' },
      { schema: 'main', name: 'documents' },
    ]);
    expect(done).toMatchObject({ ok: true, result: [{ rows: 0 }, { rows: 3 }] });
  });
});
