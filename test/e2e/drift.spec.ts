// Drift on the Migrations tab, before any run: a column added by hand to a migrated SQLite file is
// named with the revision that made its table, and the problem summary counts it; on the Inventory,
// the table's column status, and another application's table set apart by a rule typed there.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { runTarget } from '../../src-main/runner/runnerService';
import { sqliteTarget } from '../support/migrationTargets';
import { writeNativeProject } from '../support/nativeProject';
import { execSqlite } from '../support/sqliteFile';
import { newHome, serve, type ServedApp } from './browserHost';

test.describe('drift', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    const project = join(home, 'project');
    writeNativeProject(project, [
      { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);' },
      { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER);' },
    ]);
    const path = join(home, 'app.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'heads' }, { actor: 'e2e setup' });
    execSqlite(path, 'ALTER TABLE orders ADD COLUMN note TEXT;');
    app = await serve(home, { SWITCHYARD_PASSPHRASE: 'drift e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('the Migrations tab says "drift: 1 object" with its revision before any run, and the problems count it', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a connection' }).click();
    await page.getByLabel('Name').fill('Drifted app');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(join(home, 'app.sqlite'));
    await page.getByLabel(/Migration project folder/).fill(join(home, 'project'));
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Drifted app' })).toBeVisible({ timeout: 30_000 });

    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    await expect(page.locator('.status-cards')).toContainText('2 applied');
    const drift = page.getByRole('region', { name: 'Drift' });
    await expect(drift).toContainText('drift: 1 object', { timeout: 30_000 });
    await expect(drift).toContainText('+ column "main"."orders"."note": in the database, not made by the migrations (on what m002 made)');
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('1 drifted object besides the tables');
    await page.screenshot({ path: 'test-results/screens/drift-migrations.png', fullPage: true });
  });

  test("the Inventory shows the table's drifted column, and a name pattern typed there sets another application's table apart", async ({ page }) => {
    execSqlite(join(home, 'app.sqlite'), 'CREATE TABLE legacy_posts (id INTEGER);');
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Drifted app/ })
      .click();
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await expect(row('orders')).toContainText('· +note', { timeout: 30_000 });
    await expect(row('legacy_posts')).toContainText('Unexpected');
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText('1 unexpected table');

    await page.getByText('Other application’s objects').click();
    await page.getByLabel('Name patterns').fill('legacy_*');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect(row('legacy_posts')).toContainText('Other application', { timeout: 30_000 });
    await expect(problems).not.toContainText('unexpected table');
    await expect(problems).toContainText('1 problem: 1 drifted object besides the tables');
    await expect(page.getByRole('group', { name: 'Tables by status' }).getByRole('button', { name: /Unexpected/ })).toHaveText('0Unexpected');
    await page.screenshot({ path: 'test-results/screens/drift-inventory.png', fullPage: true });
  });

  test('the Graph marks the revision whose objects drifted', async ({ page }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Drifted app/ })
      .click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await expect(page.getByRole('option', { name: 'm002' })).toContainText('drifted', { timeout: 30_000 });
    await expect(page.getByRole('option', { name: 'm001' })).not.toContainText('drifted');
  });
});
