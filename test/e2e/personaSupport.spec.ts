// The support engineer's task from start to finish, by keyboard alone at 1280×720: "reset staging to
// the latest migrations, keep a backup, and undo it". A staging PostgreSQL database a migration behind,
// with customers in it: the store created, the connection made, the reset wizard walked with its
// Safety net (a backup), the result verified, then the backup restored and the customers back.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { applyByHand, writeNativeProject } from '../support/nativeProject';
import { newHome, serve } from './browserHost';
import { tabTo } from './keyboard';
import { addPostgresConnection, answerRestore, expectRowsShown, typeInto } from './keyboardForms';
import { emptyDatabase, inDatabase } from './personaDatabase';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test('a support engineer resets staging to the latest migrations with a backup, then undoes it, by keyboard alone', async ({ page }) => {
  const database = 'support staging';
  const postgres = await emptyDatabase(database);
  const staging = postgres.target;
  const home = newHome();
  const project = join(home, 'shop-migrations');
  writeNativeProject(project, [
    { id: 'm001', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);', down: 'DROP TABLE customers;' },
    { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY, customer int);', down: 'DROP TABLE orders;' },
  ]);
  // Staging as the team left it: the first migration applied, two customers, the second migration pending.
  await inDatabase(staging, async (driver) => {
    await applyByHand(driver, project, ['m001']);
    await driver.execScript("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
  });
  const customers = () => inDatabase(staging, (driver) => driver.query<{ name: string }>('SELECT name FROM customers ORDER BY id'));
  const app = await serve(home);
  try {
    await page.goto(app.url);
    // A first start of the browser host: the store is created with a passphrase, typed twice.
    await expect(page.getByRole('heading', { name: 'Create your Switchyard store' })).toBeVisible();
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await page.keyboard.type('support persona e2e passphrase');
    await typeInto(page, page.getByLabel('Repeat passphrase'), 'support persona e2e passphrase');
    await page.keyboard.press('Enter');
    // Stretching the passphrase (scrypt) takes seconds on a busy 2-core machine.
    await expect(page.getByRole('heading', { name: 'No connections yet' })).toBeVisible({ timeout: 30_000 });

    await addPostgresConnection(page, page.getByRole('button', { name: 'Add a connection' }), {
      name: 'Shop staging',
      environment: 'Staging',
      uri: postgres.uri,
      database,
      password: staging.password ?? '',
      project,
    });
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'staging');
    await expectRowsShown(page, 'customers', 2);

    // The wizard: recreate, migrate to the heads, a backup first.
    await page.keyboard.press('Alt+5');
    const current = page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]');
    await expect(current).toHaveText('1. Target');
    await expect(page.getByLabel(/^Recreate the database/)).toBeChecked();
    await expect(page.getByLabel('Migrate', { exact: true })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Next: impact' }));
    await page.keyboard.press('Enter');
    await expect(current).toHaveText('2. Impact');
    // The button pressed went with its step: the keyboard is on the new step, not lost at the top of the page.
    await expect(page.getByRole('group', { name: 'Step 2 of 6: Impact' })).toBeFocused();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toContainText('0 active sessions');
    await tabTo(page, page.getByRole('button', { name: 'Next: safety net' }));
    await page.keyboard.press('Enter');
    await expect(current).toHaveText('3. Safety net');
    const takeBackup = page.getByLabel(/Take a snapshot first — a backup/);
    await expect(takeBackup).toBeChecked();
    // Undoing asks first, like every restore: never promised as one click.
    await expect(takeBackup).toHaveAccessibleName(/which undoes the reset when restored$/);
    const backup = page.getByRole('definition');
    await expect(backup.nth(0)).toContainText(/^Before reset, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} /);
    await expect(backup.nth(1)).toHaveText(`a new database beside ${database} on the same server, named switchyard_snapshot_…`);
    await shot(page, 'persona-support-1-safety-net');
    await tabTo(page, page.getByRole('button', { name: 'Next: confirm' }));
    await page.keyboard.press('Enter');
    await expect(current).toHaveText('4. Confirm');
    const statements = page.getByRole('region', { name: 'Statements' });
    await expect(statements).toContainText('apply m001 — customers');
    await expect(statements).toContainText('apply m002 — orders');
    await typeInto(page, page.getByLabel(/Type the database name/), database);
    await tabTo(page, page.getByRole('button', { name: `Reset ${database}` }));
    await page.keyboard.press('Enter');

    // Verify: done, at the heads, the tables what the migrations create; the customers gone.
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
    await expect(current).toHaveText('6. Verify');
    const verification = page.getByRole('region', { name: 'Verification' });
    await expect(verification).toContainText('Version bookkeeping at m002.');
    await expect(verification).toContainText('none missing, none unexpected');
    expect(await customers()).toEqual([]);
    await shot(page, 'persona-support-2-verified');

    // The undo: the backup restored, after the same question as every restore.
    // The result has the keyboard, and the undo is the next Tab.
    await expect(page.getByRole('group', { name: 'Step 6 of 6: Verify' })).toBeFocused();
    const undo = page.getByRole('button', { name: /^Undo: restore “Before reset/ });
    await tabTo(page, undo, { most: 1 });
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog');
    await expect(ask.getByRole('heading')).toContainText(`over ${database}?`);
    await expect(ask).toContainText(`Nobody else is connected to ${database}.`);
    await answerRestore(page);
    const after = page.getByRole('region', { name: 'After the undo' });
    await expect(after).toContainText(`${database} is back as it was when “Before reset`);
    await expect(after).toContainText('version bookkeeping at m001, 1 pending.');
    await expect(page.getByRole('button', { name: /^Undone:/ })).toBeDisabled();
    // The backup is kept after the undo.
    await expect(page.getByRole('table', { name: 'Snapshot list' })).toContainText('Before reset');
    expect(await customers()).toEqual([{ name: 'Ada' }, { name: 'Grace' }]);
    await shot(page, 'persona-support-3-undone');
    await expectRowsShown(page, 'customers', 2);
  } finally {
    await app.stop();
    await postgres.drop();
  }
});
