// `switchyard inventory` as a script uses it: --url, no store, JSON, CSV and Markdown.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { connect } from '../../../src-main/drivers/connect';
import type { ConnectionTarget } from '../../../src-main/drivers/driver';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { applyByHand, runStatements, writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

function cli(home: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, 'inventory', ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const revisions = [
  { id: 'r1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int primary key);\nCREATE TABLE invoices (id int);' },
  { id: 'r2', parents: ['r1'], message: 'shipments', up: 'CREATE TABLE shipments (id int);' },
];

async function sqliteDatabase(dir: string): Promise<{ path: string; projectDir: string }> {
  const path = join(dir, 'shop.sqlite');
  const projectDir = join(dir, 'migrations');
  writeNativeProject(projectDir, revisions);
  const target: ConnectionTarget = {
    engine: 'sqlite',
    host: '',
    port: 0,
    database: '',
    user: '',
    sslMode: 'disable',
    sslCaFile: '',
    sqlitePath: path,
    readOnly: false,
  };
  const driver = await connect(target, { create: true });
  try {
    await applyByHand(driver, projectDir, ['r1']);
    await runStatements(
      driver,
      'DROP TABLE invoices;\nCREATE TABLE shipments (id int);\nCREATE TABLE "hand, made" (note text);\nINSERT INTO customers VALUES (1), (2);',
    );
  } finally {
    await driver.close();
  }
  return { path, projectDir };
}

describe('switchyard inventory', () => {
  it('prints the JSON the README promises, with a status per table, from --url without a store', async () => {
    const dir = tempDir();
    const { path, projectDir } = await sqliteDatabase(dir);
    const result = cli(dir, ['--url', `sqlite://${path}`, '--project', projectDir, '--json']);
    expect(result.code).toBe(0);
    const inventory = JSON.parse(result.stdout) as { tables: Array<Record<string, unknown>>; counts: Record<string, number> };
    expect(inventory.counts).toEqual({ ok: 1, missing: 1, unexpected: 1, conflict: 1, bookkeeping: 1 });
    expect(inventory.tables.find((t) => t.name === 'customers')).toMatchObject({
      schema: 'main',
      name: 'customers',
      kind: 'table',
      estimatedRows: 2,
      status: 'ok',
      createdBy: { revision: 'r1', file: '001_r1.sql', line: 1 },
    });
    expect(inventory.tables.find((t) => t.name === 'shipments')).toMatchObject({ status: 'conflict', conflictWith: { revision: 'r2' } });
    expect(inventory.tables.find((t) => t.name === 'invoices')).toMatchObject({ status: 'missing', bytes: null });
    expect(inventory.tables.every((t) => 'bytes' in t && 'estimatedRows' in t)).toBe(true);
  });

  it('writes CSV with awkward names quoted, and a Markdown summary by status', async () => {
    const dir = tempDir();
    const { path, projectDir } = await sqliteDatabase(dir);
    const csv = cli(dir, ['--url', `sqlite:${path}`, '--project', projectDir, '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'schema,name,kind,status,estimated_rows,exact_rows,bytes,bytes_exact,index_count,owner,created_by,created_by_file,conflicts_with,comment,note',
    );
    expect(lines).toContain('main,"hand, made",table,unexpected,0,0,4096,true,0,,,,,,');
    const markdown = cli(dir, ['--url', `sqlite:${path}`, '--project', projectDir, '--markdown']);
    expect(markdown.stdout).toContain('| Missing | 1 | 0 |');
    expect(markdown.stdout).toContain('## Will conflict (1)');
    expect(markdown.stdout).toContain('- `main.shipments` — pending r2 (002_r2.sql:1) creates it');
    expect(markdown.stdout).toContain('- `main.invoices` — created by r1 (001_r1.sql:1)');
  });

  it('reads PostgreSQL from a URL with PGPASSWORD, counts rows exactly, and has no status without a project', async () => {
    const database = 'cli "Inventory"';
    const admin = await connect({
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
    });
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      const driver = await connect({
        engine: 'postgres',
        host: pg.host,
        port: pg.port,
        database,
        user: pg.user,
        password: pg.password,
        sslMode: 'disable',
        sslCaFile: '',
        sqlitePath: '',
        readOnly: false,
      });
      await runStatements(
        driver,
        'CREATE SCHEMA "Billing Dept";\nCREATE TABLE "Billing Dept"."Invoices" (id int);\nINSERT INTO "Billing Dept"."Invoices" SELECT generate_series(1, 40);',
      );
      await driver.close();
      const url = `postgres://${pg.user}@${pg.host}:${pg.port}/${encodeURIComponent(database)}`;
      const result = cli(tempDir(), ['--url', url, '--count', '--exact-sizes', '--json'], { PGPASSWORD: pg.password });
      expect(result.stderr).not.toContain('warning');
      expect(result.code).toBe(0);
      const inventory = JSON.parse(result.stdout) as { project: unknown; tables: Array<Record<string, unknown>> };
      expect(inventory.project).toBeNull();
      expect(inventory.tables).toEqual([expect.objectContaining({ schema: 'Billing Dept', name: 'Invoices', exactRows: 40, bytesExact: true, status: null })]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
      await admin.close();
    }
  });
});
