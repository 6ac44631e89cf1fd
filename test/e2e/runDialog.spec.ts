// The run dialog after the fact: a stamp says what it recorded (no SQL ran) and is undone by a stamp
// down; a failed run says what is applied now, and offers the restore and the log.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { newHome, serve, type ServedApp } from './browserHost';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('the run dialog', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    writeNativeProject(join(home, 'project'), [
      { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
      // Its revert fails: the downgrade through it stops there.
      { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);', down: 'DROP TABLE no_such_table;' },
      { id: 'm003', parents: ['m002'], message: 'audit', up: 'CREATE TABLE audit (id INTEGER PRIMARY KEY);', down: 'DROP TABLE audit;' },
    ]);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: 'run dialog e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('a stamp made by mistake says no SQL ran and which tables it assumed, and a stamp down undoes it', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a connection' }).click();
    await page.getByLabel('Name').fill('Shop dev');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(join(home, 'shop.sqlite'));
    await page.getByLabel(/Migration project folder/).fill(join(home, 'project'));
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Shop dev' })).toBeVisible();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const cards = page.locator('.status-cards');
    await expect(cards).toContainText('3 pending');

    await page.getByRole('button', { name: 'Stamp…' }).click();
    const dialog = page.getByRole('dialog');
    const plan = dialog.getByRole('region', { name: 'Plan' });
    await expect(plan).toContainText('3 revisions to record as applied');
    await expect(plan).toContainText('A stamp runs no SQL');
    await expect(plan).not.toContainText('▲');
    const tables = dialog.getByRole('region', { name: 'Tables of the stamped revisions' });
    await expect(tables).toContainText('m001: users');
    await expect(tables).toContainText('m002: orders');
    await expect(tables).toContainText('m003: audit');
    await shot(page, 'run-dialog-1-stamp-plan');
    await dialog.getByRole('button', { name: 'Stamp 3 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Stamped: 3 revisions recorded as applied. No SQL ran.' })).toBeVisible();
    await expect(dialog).not.toContainText('done in');
    await expect(dialog).not.toContainText('▲');
    await shot(page, 'run-dialog-2-stamp-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(cards).toContainText('3 applied');

    await page.getByRole('button', { name: 'Stamp…' }).click();
    await dialog.getByRole('combobox', { name: /^Target/ }).fill('base');
    await dialog.getByLabel(/^Down: remove the records/).check();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Stamp down Shop dev to base');
    await expect(plan).toContainText('3 revisions to remove from the records');
    await expect(dialog.getByRole('region', { name: 'Tables of the stamped revisions' })).toContainText('a stamp down drops none of them');
    await dialog.getByRole('button', { name: 'Stamp down 3 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Stamped down: the records of 3 revisions removed. No SQL ran' })).toBeVisible();
    await shot(page, 'run-dialog-3-stamp-down-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(cards).toContainText('0 applied');
    await expect(cards).toContainText('3 pending');
  });

  test('a failed downgrade says what is applied now, restores the snapshot taken first and opens the log', async ({ page }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Shop dev/ })
      .click();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const cards = page.locator('.status-cards');
    const dialog = page.getByRole('dialog', { name: /Shop dev/ });

    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    await dialog.getByRole('button', { name: 'Upgrade 3 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 3 revisions' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(cards).toContainText('3 applied');

    await page.getByRole('button', { name: 'Downgrade…' }).click();
    await dialog.getByRole('combobox', { name: /^Target/ }).fill('base');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByLabel(/^Snapshot first/).check();
    await dialog.getByRole('button', { name: 'Downgrade 3 revisions' }).click();

    const failure = dialog.locator('.run-failure');
    await expect(failure.getByRole('alert')).toHaveText('Reverting m002 failed: m002 is still applied. The database is now at m002 (2 revisions applied).');
    await expect(dialog).not.toContainText('as it was before m002');
    await expect(failure).toContainText('Details:');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    await shot(page, 'run-dialog-4-downgrade-failed');

    await failure.getByRole('button', { name: 'Restore the snapshot taken first…' }).click();
    const consent = page.getByRole('dialog', { name: /^Restore “/ });
    await consent.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(failure.getByRole('alert')).toContainText('the database is now at m003 (3 revisions applied).');
    await shot(page, 'run-dialog-5-downgrade-restored');

    await failure.getByRole('button', { name: 'Open the log' }).click();
    await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(page.locator('table.records')).toContainText(/downgrade/i);
  });
});
