// The Migrations tab end to end: status, the plan-and-confirm dialog, live progress, production guard.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { newHome, serve, type ServedApp } from './browserHost';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe('migrations', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    writeNativeProject(join(home, 'project'), [
      { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
      { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);', down: 'DROP TABLE orders;' },
      { id: 'm003', parents: ['m001'], message: 'audit', branch: 'audit', up: 'CREATE TABLE audit (id INTEGER PRIMARY KEY);', down: 'DROP TABLE audit;' },
    ]);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: 'migrations e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('shows what is pending per head and upgrades through the plan dialog with live progress', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add a connection' }).click();
    await page.getByLabel('Name').fill('Local app');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(join(home, 'app.sqlite'));
    await page.getByLabel(/Migration project folder/).fill(join(home, 'project'));
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Local app' })).toBeVisible();

    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const cards = page.locator('.status-cards');
    await expect(cards).toContainText('0 applied');
    await expect(cards).toContainText('3 pending');
    await expect(page.getByRole('region', { name: 'Pending by branch' })).toContainText('m002: 2 revisions');
    await expect(page.getByRole('region', { name: 'Pending by branch' })).toContainText('m003: 2 revisions');
    await shot(page, '10-migrations-pending');

    await page.getByRole('button', { name: 'Upgrade to m003…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Upgrade Local app to m003');
    await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('2 revisions, in this order');
    await dialog.getByRole('button', { name: 'Show the exact SQL' }).click();
    await expect(dialog.locator('.run-sql')).toContainText('CREATE TABLE audit (id INTEGER PRIMARY KEY);');
    await shot(page, '11-run-dialog-plan');
    await dialog.getByRole('button', { name: 'Upgrade 2 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 2 revisions' })).toBeVisible();
    await expect(dialog.locator('.run-log')).toContainText('m003 audit');
    await shot(page, '12-run-dialog-done');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(cards).toContainText('2 applied');
    await expect(cards).toContainText('1 pending');
    await expect(page.getByRole('region', { name: 'Applied' })).toContainText('m003');
  });

  test('asks for the connection name before changing a production database', async ({ page }) => {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Local app/ })
      .click();
    await page.getByLabel('Environment').selectOption('prod');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'prod');

    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    const run = dialog.getByRole('button', { name: 'Upgrade 1 revision' });
    await expect(run).toBeDisabled();
    await dialog.getByLabel('Type the connection name to confirm').fill('Local');
    await expect(run).toBeDisabled();
    await dialog.getByLabel('Type the connection name to confirm').fill('Local app');
    await shot(page, '13-run-dialog-production');
    await run.click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 1 revision' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('.status-cards')).toContainText('0 pending');

    // Every change is in the audit log: the profile's edits and both runs, with the chain intact.
    await page.getByRole('tab', { name: 'Activity', exact: true }).click();
    const activity = page.getByRole('region', { name: 'Activity' });
    await expect(activity.getByRole('status')).toContainText('Audit chain intact');
    await expect(activity.locator('tbody tr').first()).toContainText('Upgrade');
    await expect(activity).not.toContainText('runner.upgrade');
    for (const action of ['Connection created', 'Connection changed', 'Upgrade'])
      await expect(activity.getByText(action, { exact: true }).first()).toBeVisible();
    await shot(page, '14-activity');
  });
});

test('a downgrade lists the tables and rows it destroys and, on staging, takes a snapshot first', async ({ page }) => {
  const home = newHome();
  const project = join(home, 'project');
  writeNativeProject(project, [
    { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
    {
      id: 'm002',
      parents: ['m001'],
      message: 'orders',
      up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);\nINSERT INTO orders VALUES (1), (2), (3);',
      down: 'DROP TABLE orders;',
    },
  ]);
  const passphrase = 'destruction e2e passphrase';
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
  const added = cli([
    'profiles',
    'add',
    '--name',
    'Shop staging',
    '--env',
    'staging',
    '--engine',
    'sqlite',
    '--sqlite-path',
    join(home, 'shop.sqlite'),
    '--project',
    project,
  ]);
  expect(added.status, added.stderr).toBe(0);
  const upgraded = cli(['upgrade', '--profile', 'Shop staging']);
  expect(upgraded.status, upgraded.stderr).toBe(0);
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Shop staging/ })
      .click();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    await page.getByRole('button', { name: 'Downgrade…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Target').fill('m001');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const destroys = dialog.getByRole('region', { name: 'What this destroys' });
    await expect(destroys).toContainText('Destroys data: 1 table, 3 rows now');
    await expect(destroys.getByRole('row').filter({ hasText: 'orders' })).toContainText('dropped');
    await expect(dialog.getByLabel(/Snapshot first/)).toBeChecked();
    await shot(page, '15-run-dialog-destroys');
    await dialog.getByRole('button', { name: 'Downgrade 1 revision' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 1 revision' })).toContainText('Snapshot “Before downgrade to m001” was taken first');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Snapshot list' }).getByRole('row').filter({ hasText: 'Before downgrade to m001' })).toContainText('m002');
  } finally {
    await app.stop();
  }
});
