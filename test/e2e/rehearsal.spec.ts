// The run dialog's rehearsal line on a staging connection: a failing plan's rehearsal says where it
// failed and a run that rehearses first stops there with nothing applied; a good plan reads
// "Rehearsed ✓ just now" with what it saw, and then runs.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { execSqlite } from '../support/sqliteFile';
import { newHome, serve, type ServedApp } from './browserHost';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('rehearsal in the run dialog', () => {
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    writeNativeProject(join(home, 'project'), [
      { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);' },
      { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
      { id: 'm003', parents: ['m002'], message: 'audit', up: 'CREATE TABLE audit (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);' },
    ]);
    // A database with data of its own before any migration: the clone copies it.
    execSqlite(join(home, 'shop.sqlite'), "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');");
    app = await serve(home, { SWITCHYARD_PASSPHRASE: 'rehearsal e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('says a failing plan failed on the clone, stops the run there, and runs a plan rehearsed on this schema', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a connection' }).click();
    await page.getByLabel('Name').fill('Shop staging');
    await page.getByLabel('Environment').selectOption('staging');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(join(home, 'shop.sqlite'));
    await page.getByLabel(/Migration project folder/).fill(join(home, 'project'));
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Shop staging' })).toBeVisible();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const cards = page.locator('.status-cards');
    await expect(cards).toContainText('3 pending');

    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    const rehearsal = dialog.getByRole('region', { name: 'Rehearsal' });
    await expect(rehearsal.getByRole('status')).toHaveText('Not rehearsed: no rehearsal of this plan on this database yet.');
    // Staging: the run rehearses first unless unticked.
    await expect(rehearsal.getByLabel(/^Rehearse on a clone first/)).toBeChecked();
    await rehearsal.getByRole('button', { name: 'Rehearse' }).click();
    await expect(rehearsal.getByRole('status')).toContainText(/Rehearsal failed just now: m003 failed at 003_m003\.sql:6:\d+: no such table: no_such_table/);
    await expect(rehearsal).toContainText('2 revisions in');
    await expect(rehearsal).toContainText("made with SQLite's backup API");
    await shot(page, 'rehearsal-1-failed');

    await dialog.getByRole('button', { name: 'Upgrade 3 revisions' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'The rehearsal on a clone failed, so the run did not start. The database is at base: no revision is applied.',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(cards).toContainText('3 pending');

    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    await dialog.getByRole('combobox', { name: /^Target/ }).fill('m002');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(rehearsal.getByRole('status')).toHaveText('Not rehearsed: the rehearsals kept for this database are of another plan.');
    await rehearsal.getByRole('button', { name: 'Rehearse' }).click();
    await expect(rehearsal.getByRole('status')).toHaveText('Rehearsed ✓ just now');
    await expect(rehearsal).toContainText(/Schema change: \d+ differences/);
    await expect(rehearsal).toContainText('SQLite locks the whole database file');
    await expect(cards).toContainText('3 pending');
    await shot(page, 'rehearsal-2-rehearsed');

    await dialog.getByRole('button', { name: 'Upgrade 2 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 2 revisions' })).toBeVisible();
    await expect(dialog).toContainText('the same plan succeeded on this schema');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(cards).toContainText('2 applied');
  });
});
