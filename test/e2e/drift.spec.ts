// Drift on the Migrations tab, before any run: a column added by hand to a migrated SQLite file is
// named with the revision that made its table, and the problem summary counts it.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { runTarget } from '../../src-main/runner/runnerService';
import { sqliteTarget } from '../support/migrationTargets';
import { writeNativeProject } from '../support/nativeProject';
import { execSqlite } from '../support/sqliteFile';
import { newHome, serve, type ServedApp } from './browserHost';

test.describe('drift', () => {
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
});
