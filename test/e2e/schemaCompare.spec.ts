// The Compare tab end to end at 1280×720: a SQLite database part-way through a native project and
// changed by hand after, compared through the real browser host in Chromium with what its migrations
// make (as applied, then at every head) and with its snapshot from before the change; the changed
// words marked, the filters, both exports, the SQL to review and run after its confirmation; another
// application's table set apart by a rule written from the diff; axe's WCAG 2 A/AA rules in both themes.
// And on PostgreSQL: a large database read by a role that may not share its snapshot says so beside
// the result, though the schemas are the same.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SchemaComparison } from '../../src-shared/model/schemaComparison';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { applyByHand, runStatements, writeNativeProject } from '../support/nativeProject';
import { violations } from './axe';
import { newHome, postgresUnderTest, serve, type ServedApp } from './browserHost';
import { shot } from './geometry';

const passphrase = 'e2e schema compare passphrase';

/** `input`: the command's standard input (a password for --password-stdin). */
function cli(home: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The shop's SQLite file in the data folder, as the driver connects to it. */
function shopFile(home: string) {
  const sqlitePath = join(home, 'shop.sqlite');
  return { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath, readOnly: false } as const;
}

/** The shop at r1, its snapshot "before", then changed by hand: a phone column added, the email index widened. */
async function shop(home: string): Promise<void> {
  const projectDir = join(home, 'migrations');
  writeNativeProject(projectDir, [
    {
      id: 'r1',
      parents: [],
      message: 'customers',
      up: 'CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL);\nCREATE INDEX customers_email ON customers (email);',
    },
    { id: 'r2', parents: ['r1'], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));' },
  ]);
  const connection = shopFile(home);
  const driver = await connect(connection, { create: true });
  try {
    await applyByHand(driver, projectDir, ['r1']);
  } finally {
    await driver.close();
  }
  cli(home, ['profiles', 'add', '--name', 'Shop', '--env', 'dev', '--engine', 'sqlite', '--sqlite-path', connection.sqlitePath, '--project', projectDir]);
  cli(home, ['snapshot', 'create', '--profile', 'Shop', '--name', 'before']);
  const changed = await connect(connection);
  try {
    await runStatements(
      changed,
      'ALTER TABLE customers ADD COLUMN phone text;\nDROP INDEX customers_email;\nCREATE INDEX customers_email ON customers (email, id);',
    );
  } finally {
    await changed.close();
  }
}

test.describe('compare schemas', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    const home = newHome();
    await shop(home);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('what the migrations make against the database, at every head, and the snapshot from before: differences, marks, filters, exports, SQL', async ({
    page,
  }) => {
    // Several replays and two full axe runs a theme on a shared machine: a budget, not a speed check.
    test.setTimeout(4 * 60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();

    const a = page.getByRole('group', { name: 'A — the schema to match' });
    const b = page.getByRole('group', { name: 'B — the schema to change' });
    // Drift is the first question: A is what Shop's migrations make as applied, B the database now.
    await expect(a.getByLabel('What of it')).toHaveValue('applied');
    await expect(b.getByLabel('What of it')).toHaveValue('connection');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();

    const result = page.getByRole('region', { name: 'Compare schemas' });
    await expect(result.getByRole('status')).toHaveText('2 differences in 1 object.');
    const customers = page.getByRole('table', { name: 'table "main"."customers"' });
    const row = (object: string) =>
      customers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(object.replace(/[."]/g, '\\$&')) }) });
    await expect(row('column "main"."customers"."phone"')).toContainText('only in B');
    await expect(row('column "main"."customers"."phone"').getByRole('cell').first()).toHaveText('Not in A');
    // The index's definitions side by side, the words B added marked on B's side only.
    const index = row('index "main"."customers_email"');
    await expect(index).toContainText('changed');
    await expect(index.getByRole('cell').nth(0).locator('mark')).toHaveCount(0);
    await expect(index.getByRole('cell').nth(1).locator('mark')).toHaveText([/,\s*id/]);
    const sql = page.getByRole('region', { name: 'SQL to make B like A' });
    await expect(sql).toContainText('DESTRUCTIVE: destroys');
    await expect(sql).toContainText('phone');
    await shot(page, '40-compare-drift');
    const found: Record<string, string[]> = { drift: await violations(page) };

    // Every head: r2's orders table is in A and not in B.
    await a.getByLabel('What of it').selectOption('heads');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(result.getByRole('status')).toHaveText(/^\d+ differences in 2 objects\.$/);
    await expect(page.getByRole('table', { name: 'table "main"."orders"' })).toContainText('only in A');
    await page.getByLabel('Kind').selectOption('index');
    await expect(page.getByRole('table', { name: 'table "main"."orders"' })).toHaveCount(0);
    await expect(customers.getByRole('row')).toHaveCount(2);
    await page.getByLabel('Kind').selectOption('');

    const markdownDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const markdown = readFileSync(await (await markdownDownload).path(), 'utf8').split('\n');
    expect(markdown[0]).toBe("# Schema diff — Shop → what Shop's migrations make");
    expect(markdown).toContain('## table `"main"."orders"`');
    expect(markdown).toContain('```sql');
    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as SchemaComparison;
    expect(json.diff.groups.map((g) => g.object)).toEqual(['table:"main"."customers"', 'table:"main"."orders"']);
    expect(json.to.expected?.revisionsFrom).toBe('the revisions asked for');

    // The snapshot from before the change says what the applied migrations said.
    await a.getByLabel('What of it').selectOption('snapshot');
    await a.getByLabel('Snapshot', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByText(/^snapshot "before" of Shop/)).toBeVisible();
    await expect(result.getByRole('status')).toHaveText('2 differences in 1 object.');
    await shot(page, '41-compare-snapshot');
    found['snapshot'] = await violations(page);
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });

  test('runs the SQL that makes the database like what its migrations make, after a confirmation naming what it destroys', async ({ page }) => {
    test.setTimeout(3 * 60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const status = page.getByRole('region', { name: 'Compare schemas' }).getByRole('status');
    await expect(status).toHaveText('2 differences in 1 object.');

    await page.getByRole('button', { name: 'Run on B…' }).click();
    const dialog = page.getByRole('dialog', { name: "Make Shop like what Shop's migrations make?" });
    await expect(dialog).toContainText('columns "phone" of "main"."customers" and their values');
    await shot(page, '42-compare-run');
    const found = await violations(page);
    // Cancel changes nothing: the same two differences on the next look.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Run on B…' }).click();
    await dialog.getByRole('button', { name: 'Run the SQL' }).click();
    await expect(status).toHaveText('The schemas are the same.');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(status).toHaveText('The schemas are the same.');
    expect(found).toEqual([]);
  });

  test("sets another application's table apart by a rule written from the diff: listed, not counted, no SQL for it", async ({ page }) => {
    test.setTimeout(3 * 60_000);
    // After the test before, the database is what its migrations make; another application adds its table.
    const changed = await connect(shopFile(app.home));
    try {
      await runStatements(changed, 'CREATE TABLE wp_posts (id integer PRIMARY KEY, title text);');
    } finally {
      await changed.close();
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const status = page.getByRole('region', { name: 'Compare schemas' }).getByRole('status');
    await expect(status).toHaveText(/^\d+ differences in 1 object\.$/);
    await expect(page.getByRole('table', { name: 'table "main"."wp_posts"' })).toContainText('only in B');
    await expect(page.getByRole('region', { name: 'SQL to make B like A' })).toContainText('DROP TABLE');

    const other = page.getByRole('region', { name: "Another application's objects" });
    await other.getByText('Other application’s objects').click();
    await other.getByLabel('Name patterns').fill('wp_*');
    await other.getByRole('button', { name: 'Save rules' }).click();
    await expect(status).toHaveText('The schemas are the same (1 object of another application set apart).');
    await expect(other).toContainText("Another application's, by Shop's rules (not counted, not in the SQL):");
    await expect(other.getByRole('listitem')).toHaveText(['table main.wp_posts (name wp_*)']);
    await expect(page.getByRole('table', { name: 'table "main"."wp_posts"' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'SQL to make B like A' })).toHaveCount(0);
    await shot(page, '43-compare-other-application');
    expect(await violations(page)).toEqual([]);
  });
});

test('says beside the result that a large PostgreSQL database was read on one connection instead of three', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const pg = postgresUnderTest();
  const role = 'e2e_compare_no_export';
  const database = 'Wide "Notes"';
  const base = { engine: 'postgres', host: pg.host, port: pg.port, sslMode: 'disable', sslCaFile: '', sqlitePath: '', readOnly: false } as const;
  const admin = await connect({ ...base, user: pg.user, password: pg.password, database: 'postgres' });
  const dropAll = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
  };
  await dropAll();
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${pg.password.replaceAll("'", "''")}'`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  const app = await (async () => {
    const driver = await connect({ ...base, user: pg.user, password: pg.password, database });
    try {
      // 210 tables: a read of 200 relations or more is shared among three sessions on one exported snapshot.
      await driver.query(`DO $$ BEGIN FOR i IN 1..210 LOOP EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY)', 'wide_' || i); END LOOP; END $$`);
      await driver.query('REVOKE EXECUTE ON FUNCTION pg_export_snapshot() FROM PUBLIC');
    } finally {
      await driver.close();
    }
    const home = newHome();
    const url = (user: string) => `postgres://${user}@${pg.host}:${pg.port}/${encodeURIComponent(database)}`;
    cli(home, ['profiles', 'add', url(pg.user), '--name', 'Wide owner', '--password-stdin'], `${pg.password}\n`);
    cli(home, ['profiles', 'add', url(role), '--name', 'Wide reader', '--password-stdin'], `${pg.password}\n`);
    return serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  })();
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Wide reader/ })
      .click();
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();
    const a = page.getByRole('group', { name: 'A — the schema to match' });
    await a.getByLabel('Connection').selectOption({ label: 'Wide owner (dev)' });
    await a.getByLabel('What of it').selectOption('connection');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();

    await expect(page.getByRole('region', { name: 'Compare schemas' }).getByRole('status')).toHaveText('The schemas are the same.', { timeout: 60_000 });
    const notes = page.getByRole('list', { name: 'Notes on the read' });
    await expect(notes.getByRole('listitem')).toHaveText([
      /^Note on reading Wide reader: Read on one connection instead of 3: the server would not share this read's snapshot with another session \(.*pg_export_snapshot.*\)\.$/,
    ]);
    await shot(page, '44-compare-read-notes');
    expect(await violations(page)).toEqual([]);
  } finally {
    await app.stop();
    await dropAll();
    await admin.close();
  }
});
