// Reset recipes in Chromium at 1280×720: a DBA's recipe saved through the CLI for a project's staging,
// run from the Reset tab by support staff — the Recipe step first, the choices filled and locked,
// the backup kept (nobody may skip it), the database name typed, the rows back to the recipe's; then
// a reset chosen by hand saved as a recipe and offered next time. Axe clean in both themes.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { execSqlite, sqliteRows } from '../support/sqliteFile';
import { violations } from './axe';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'recipes e2e passphrase';

function cli(home: string, args: string[]): void {
  const run = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`switchyard ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe('reset recipes', () => {
  let app: ServedApp;
  let database: string;

  test.beforeAll(async () => {
    const home = newHome();
    const project = join(home, 'shop', 'migrations');
    writeNativeProject(project, [
      { id: 'a1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);' },
      { id: 'a2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
    ]);
    database = join(home, 'demo-shop.db');
    execSqlite(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Scribbled in a demo');");
    const seed = join(home, 'q3.sql');
    writeFileSync(seed, "INSERT INTO customers VALUES (7, 'Q3 customer');\n");
    cli(home, ['profiles', 'add', '--name', 'Demo shop', '--env', 'staging', '--engine', 'sqlite', '--sqlite-path', database, '--project', project]);
    cli(home, ['projects', 'add', 'shop', project]);
    cli(home, [
      'recipes',
      'save',
      'Client demo back to the Q3 state',
      '--project',
      'shop',
      '--env',
      'staging',
      '--mode',
      'recreate',
      '--to',
      'heads',
      '--seed',
      seed,
    ]);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('support staff run the recipe with its choices locked and the backup kept; a hand-made reset is saved as a recipe', async ({ page }) => {
    test.setTimeout(2 * 60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Demo shop/ })
      .click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    const current = page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]');
    await expect(current).toHaveText('1. Recipe');
    const recipe = page.getByLabel(/^Client demo back to the Q3 state/);
    await expect(recipe).toBeChecked();
    await expect(recipe).toHaveAccessibleName(/staging of shop: recreate, migrate to heads, seed q3\.sql, snapshot first \(nobody may skip it\)/);
    expect(await violations(page)).toEqual([]);
    await shot(page, 'recipes-1-recipe');
    await page.getByRole('button', { name: 'Next: the recipe’s choices' }).click();

    await expect(current).toHaveText('2. Target');
    await expect(page.getByRole('status').filter({ hasText: 'Chosen by the recipe “Client demo back to the Q3 state”' })).toBeVisible();
    await expect(page.getByLabel(/^Recreate the database/)).toBeChecked();
    await expect(page.getByLabel(/^Recreate the database/)).toBeDisabled();
    await expect(page.getByLabel(/^Wipe the schemas/)).toBeDisabled();
    await expect(page.getByLabel('Seed SQL file (optional)')).toHaveValue(/q3\.sql$/);
    await expect(page.getByLabel('Seed SQL file (optional)')).toBeDisabled();
    expect(await violations(page)).toEqual([]);
    await shot(page, 'recipes-2-locked');
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toContainText('1 table');
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    const backup = page.getByLabel(/Take a snapshot first/);
    await expect(backup).toBeChecked();
    await expect(backup).toBeDisabled();
    await expect(page.getByText('The recipe “Client demo back to the Q3 state” says nobody may skip the backup.')).toBeVisible();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill('demo-shop.db');
    await page.getByRole('button', { name: 'Reset demo-shop.db' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
    await shot(page, 'recipes-3-done');
    expect(sqliteRows(database, 'SELECT id, name FROM customers')).toEqual([{ id: 7, name: 'Q3 customer' }]);
    // A recipe's run is not offered to be saved again.
    await expect(page.getByRole('region', { name: 'Save these choices as a recipe' })).toHaveCount(0);

    // By hand: wipe, then save those choices as a recipe for the same environment.
    await page.getByRole('button', { name: 'New reset' }).click();
    await expect(current).toHaveText('1. Recipe');
    await page.getByLabel('Choose the reset myself').check();
    await page.getByRole('button', { name: 'Next: choose the reset' }).click();
    await page.getByLabel(/^Wipe the schemas/).check();
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill('demo-shop.db');
    await page.getByRole('button', { name: 'Reset demo-shop.db' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
    const save = page.getByRole('region', { name: 'Save these choices as a recipe' });
    await save.getByLabel('Recipe name').fill('Staging wiped to heads');
    await expect(save.getByLabel('Runs on the connections of')).toHaveValue('0');
    await expect(save.getByLabel('Runs on the connections of').locator('option')).toHaveText(['staging of shop']);
    await save.getByRole('button', { name: 'Save recipe' }).click();
    await expect(save.getByRole('status')).toHaveText('Saved the recipe “Staging wiped to heads” for staging of shop.');
    expect(await violations(page)).toEqual([]);
    await shot(page, 'recipes-4-saved');

    await page.getByRole('button', { name: 'New reset' }).click();
    await expect(page.getByLabel(/^Staging wiped to heads/)).toBeVisible();
    await expect(page.getByLabel(/^Client demo back to the Q3 state/)).toBeVisible();
  });
});
