// The Inventory screen end to end: a SQLite database part-way through a native project, with drift
// made by hand, read through the real browser host in Chromium.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '../../src-main/drivers/connect';
import { applyByHand, runStatements, writeNativeProject } from '../support/nativeProject';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { newHome, postgresUnderTest, serve, type ServedApp } from './browserHost';

const passphrase = 'e2e inventory passphrase';

async function shopDatabase(dir: string): Promise<{ path: string; projectDir: string }> {
  const path = join(dir, 'shop.sqlite');
  const projectDir = join(dir, 'migrations');
  writeNativeProject(projectDir, [
    {
      id: 'r1',
      parents: [],
      message: 'customers and invoices',
      up: 'CREATE TABLE customers (id int primary key);\nCREATE TABLE invoices (id int);\nCREATE TABLE "Order Lines" (id int);',
    },
    { id: 'r2', parents: ['r1'], message: 'shipments', up: 'CREATE TABLE shipments (id int);' },
  ]);
  const driver = await connect(
    { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: false },
    { create: true },
  );
  try {
    await applyByHand(driver, projectDir, ['r1']);
    // Drift: invoices dropped by hand, shipments made before its migration, and three stray tables.
    await runStatements(
      driver,
      'DROP TABLE invoices;\nCREATE TABLE shipments (id int);\nCREATE TABLE label_task (id int);\nCREATE TABLE label_project (id int);\nCREATE TABLE "notes, old" (id int);\nINSERT INTO customers VALUES (1), (2), (3);',
    );
  } finally {
    await driver.close();
  }
  return { path, projectDir };
}

test.describe('inventory', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    const home = newHome();
    const { path, projectDir } = await shopDatabase(home);
    // The profile is added with the CLI, as a script would; the UI then finds it in the store.
    const added = spawnSync(
      process.execPath,
      [
        resolve('bin/switchyard.mjs'),
        'profiles',
        'add',
        '--name',
        'Shop',
        '--env',
        'dev',
        '--engine',
        'sqlite',
        '--sqlite-path',
        path,
        '--project',
        projectDir,
      ],
      {
        env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
        encoding: 'utf8',
      },
    );
    expect(added.status, added.stderr).toBe(0);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('counts tables per status, filters, counts rows and exports CSV', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();

    const summary = page.getByRole('group', { name: 'Tables by status' });
    await expect(summary.getByRole('button', { name: /OK/ })).toContainText('2');
    await expect(summary.getByRole('button', { name: /Missing/ })).toContainText('1');
    await expect(summary.getByRole('button', { name: /Unexpected/ })).toContainText('3');
    await expect(summary.getByRole('button', { name: /Will conflict/ })).toContainText('1');
    await expect(summary.getByRole('button', { name: /Bookkeeping/ })).toContainText('1');

    const grid = page.getByRole('table', { name: 'Tables' });
    const row = (name: string) => grid.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await expect(row('shipments')).toContainText('pending r2 creates it');
    await expect(row('invoices')).toContainText('Missing');
    await expect(row('invoices')).toContainText('r1');
    await expect(row('customers')).toContainText('001_r1.sql:1');
    await expect(grid.getByRole('row').last()).toContainText('8 tables');
    await expect(page.getByRole('region', { name: 'Pending table changes' })).toContainText('+ shipments');
    await page.screenshot({ path: 'test-results/screens/10-inventory.png', fullPage: true });

    // The status counts filter the grid; the footer totals follow the filter.
    await summary.getByRole('button', { name: /Unexpected/ }).click();
    await expect(grid.getByRole('row').last()).toContainText('3 tables');
    await expect(row('customers')).toHaveCount(0);
    await summary.getByRole('button', { name: /Unexpected/ }).click();
    await page.getByLabel('Filter by name').fill('label_');
    await expect(grid.getByRole('row').last()).toContainText('2 tables');
    await expect(row('label_task')).toBeVisible();

    await page.getByLabel('Filter by name').fill('');
    await page.getByRole('button', { name: 'Count rows of main.customers' }).click();
    await expect(row('customers').getByTitle('exact count')).toHaveText('3');

    // Sorting by rows puts the three customers first.
    await grid.getByRole('columnheader', { name: 'Rows' }).getByRole('button').click();
    await expect(grid.getByRole('row').nth(1)).toContainText('customers');

    await page.getByLabel('Filter by name').fill('o');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('shop-inventory.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toMatch(/^schema,name,kind,status,/);
    // Only what the filter shows: customers, "Order Lines", invoices, "notes, old", label_project, switchyard_migrations.
    expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(expect.arrayContaining(['customers', 'Order Lines', 'invoices', '"notes', 'label_project']));
    expect(csv.some((line) => line.startsWith('main,shipments,'))).toBe(false);
    expect(csv.find((line) => line.startsWith('main,customers,'))).toContain(',ok,3,3,');

    // "Created by" goes to the revision on the Graph screen.
    await page.getByLabel('Filter by name').fill('customers');
    await row('customers').getByRole('button', { name: 'r1' }).click();
    await expect(page.getByRole('tab', { name: 'Graph', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('complementary', { name: 'Revision details' })).toContainText('r1');
  });
});

test('the demo connection’s inventory matches its part-applied project', async ({ page }) => {
  const app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    const summary = page.getByRole('group', { name: 'Tables by status' });
    // The demo applies 17 of its 40 revisions on creation, leaving 34 tables and no drift.
    await expect(summary.getByRole('button', { name: /OK/ })).toContainText('34');
    for (const status of [/Missing/, /Unexpected/, /Will conflict/]) await expect(summary.getByRole('button', { name: status })).toContainText('0');
    await expect(summary.getByRole('button', { name: /Bookkeeping/ })).toContainText('1');
    await expect(page.getByText('17 applied, 23 pending')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tables' }).getByRole('row').last()).toContainText('35 tables');
    await page.screenshot({ path: 'test-results/screens/11-inventory-demo.png', fullPage: true });
  } finally {
    await app.stop();
  }
});

test('a PostgreSQL database with 3,000 tables scrolls to its last table, rendering only what is in view', async ({ page }) => {
  const pg = postgresUnderTest();
  const database = 'Many "Tables"';
  const base = {
    engine: 'postgres' as const,
    host: pg.host,
    port: pg.port,
    user: pg.user,
    password: pg.password,
    sslMode: 'disable' as const,
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
  };
  const admin = await connect({ ...base, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  const driver = await connect({ ...base, database });
  await driver.query(`CREATE SCHEMA "Big Schema"`);
  await driver.query(
    `DO $$ BEGIN FOR i IN 1..3000 LOOP EXECUTE format('CREATE TABLE "Big Schema".%I (id int)', 'item_' || lpad(i::text, 4, '0')); END LOOP; END $$`,
  );
  await driver.close();

  const home = newHome();
  const added = spawnSync(
    process.execPath,
    [
      resolve('bin/switchyard.mjs'),
      'profiles',
      'add',
      `postgres://${pg.user}@${pg.host}:${pg.port}/${encodeURIComponent(database)}`,
      '--name',
      'Warehouse',
      '--password-stdin',
    ],
    {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      input: `${pg.password}\n`,
      encoding: 'utf8',
    },
  );
  expect(added.status, added.stderr).toBe(0);
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Warehouse/ })
      .click();
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    const grid = page.getByRole('table', { name: 'Tables' });
    await expect(grid.getByRole('row').last()).toContainText('3,000 tables');
    // No project bound: no status counts, and the grid says so.
    await expect(page.getByText('No migration project is bound')).toBeVisible();
    await grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await expect(grid.getByRole('row').nth(1)).toContainText('item_0001');
    expect(await grid.getByRole('row').count()).toBeLessThan(80);
    await page.locator('.inventory-viewport').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(grid.getByRole('cell', { name: 'item_3000', exact: true })).toBeVisible();
    expect(await grid.getByRole('row').count()).toBeLessThan(80);
    await page.screenshot({ path: 'test-results/screens/12-inventory-3000-tables.png' });
  } finally {
    await app.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.close();
  }
});
