// The DBA's task from start to finish, by keyboard alone at 1280×720: dev, staging and prod of one
// project on real PostgreSQL databases, at three different revisions, compared side by side on the
// Graph tab; staging promoted to what dev has, then prod to what staging has (its name typed to
// confirm); every sentence on the way checked against what the databases hold.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { connect } from '../../src-main/drivers/connect';
import type { Driver } from '../../src-main/drivers/driver';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { applyByHand, writeNativeProject } from '../support/nativeProject';
import { newHome, postgresUnderTest, serve } from './browserHost';
import { chooseWithArrows, tabTo } from './keyboard';

const passphrase = 'dba persona e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

const row = (page: Page, id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });

const environments = [
  { name: 'Shop dev', env: 'dev', database: 'dba persona dev', applied: ['m001', 'm002', 'm003', 'm004'] },
  { name: 'Shop staging', env: 'staging', database: 'dba persona staging', applied: ['m001', 'm002'] },
  { name: 'Shop prod', env: 'prod', database: 'dba persona prod', applied: ['m001'] },
] as const;

test('a DBA compares dev, staging and prod and promotes staging, then prod, by keyboard alone', async ({ page }) => {
  // Three databases made, two runs and every step by keyboard: longer than one screen's test on a shared machine.
  test.setTimeout(180_000);
  const server = postgresUnderTest();
  const base = {
    engine: 'postgres' as const,
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    sslMode: 'disable' as const,
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
  };
  const home = newHome();
  const project = join(home, 'shop-migrations');
  writeNativeProject(project, [
    { id: 'm001', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);', down: 'DROP TABLE customers;' },
    { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY, customer int);', down: 'DROP TABLE orders;' },
    { id: 'm003', parents: ['m002'], message: 'invoices', up: 'CREATE TABLE invoices (id int PRIMARY KEY);', down: 'DROP TABLE invoices;' },
    { id: 'm004', parents: ['m003'], message: 'order notes', up: 'ALTER TABLE orders ADD COLUMN note text;', down: 'ALTER TABLE orders DROP COLUMN note;' },
  ]);
  const admin = await connect({ ...base, database: 'postgres' });
  const inDatabase = async <T>(database: string, work: (driver: Driver) => Promise<T>): Promise<T> => {
    const driver = await connect({ ...base, database });
    try {
      return await work(driver);
    } finally {
      await driver.close();
    }
  };
  // What the DBA inherits: three databases of one project at three revisions, saved as connections.
  for (const e of environments) {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(e.database)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdentifier(e.database)}`);
    await inDatabase(e.database, (driver) => applyByHand(driver, project, [...e.applied]));
    const added = spawnSync(
      process.execPath,
      [
        resolve('bin/switchyard.mjs'),
        'profiles',
        'add',
        `postgres://${server.user}@${server.host}:${server.port}/${encodeURIComponent(e.database)}`,
        '--name',
        e.name,
        '--env',
        e.env,
        '--project',
        project,
        '--password-stdin',
      ],
      { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase }, input: `${server.password}\n`, encoding: 'utf8' },
    );
    expect(added.status, added.stderr).toBe(0);
  }

  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    const column = (id: string, name: string) => row(page, id).locator(`[data-column="${name}"]`);

    // Dev, then the Graph tab (Alt+2).
    await tabTo(page, page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /^Shop dev/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status', { name: 'Development connection selected' })).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('tab', { name: 'Graph', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(column('m004', 'Shop dev')).toHaveText('current');

    // Staging and prod beside dev.
    await tabTo(page, page.getByRole('button', { name: 'Compare environments' }));
    await page.keyboard.press('Enter');
    const compare = page.getByRole('region', { name: 'Compare environments' });
    for (const name of ['Shop staging', 'Shop prod']) {
      await tabTo(page, compare.getByLabel(name));
      await page.keyboard.press('Space');
      await expect(compare.getByLabel(name)).toBeChecked();
    }
    const expected: Record<string, string[]> = {
      m004: ['current', 'pending', 'pending'],
      m003: ['applied', 'pending', 'pending'],
      m002: ['applied', 'current', 'pending'],
      m001: ['applied', 'applied', 'current'],
    };
    for (const [id, words] of Object.entries(expected))
      for (const [i, e] of environments.entries()) await expect(column(id, e.name), `${id} in ${e.name}`).toHaveText(words[i] as string);
    await page.screenshot({ path: 'test-results/screens/persona-dba-1-compared.png' });

    // Staging to what dev has.
    const bring = compare.getByLabel('Environment to bring level');
    const match = compare.getByLabel('Environment to match');
    await tabTo(page, bring);
    await chooseWithArrows(page, bring, 'Shop staging');
    await tabTo(page, match);
    await chooseWithArrows(page, match, 'Shop dev');
    const gap = compare.getByRole('status');
    await expect(gap).toHaveText('apply 2: m003, m004');
    await expect(row(page, 'm003')).toHaveClass(/gap/);
    await expect(row(page, 'm002')).not.toHaveClass(/gap/);
    await tabTo(page, compare.getByRole('button', { name: 'Upgrade Shop staging to m004…' }));
    await page.keyboard.press('Enter');
    const toStaging = page.getByRole('dialog', { name: 'Upgrade Shop staging to m004' });
    // The band above still says Development (the screen is dev's): the dialog says whose database it changes.
    await expect(page.getByRole('status', { name: 'Development connection selected' })).toBeAttached();
    await expect(toStaging.getByText('Staging', { exact: true })).toBeVisible();
    const upgradeStaging = toStaging.getByRole('button', { name: 'Upgrade 2 revisions' });
    await expect(upgradeStaging).toBeEnabled();
    await tabTo(page, upgradeStaging);
    await page.keyboard.press('Enter');
    await finish(page, toStaging, 'Done: 2 revisions', 'Now at m004.');
    // The button that opened the run went with the gap: the keyboard lands on the new result, not at the top of the page.
    await expect(gap).toHaveText('Already level.');
    await expect(gap).toBeFocused();
    await expect(column('m004', 'Shop staging')).toHaveText('current');
    await expect(column('m003', 'Shop staging')).toHaveText('applied');

    // Prod to what staging has now: prod asks for its name.
    await tabTo(page, bring, { key: 'Shift+Tab' });
    await chooseWithArrows(page, bring, 'Shop prod');
    await tabTo(page, match);
    await chooseWithArrows(page, match, 'Shop staging');
    await expect(gap).toHaveText('apply 3: m002, m003, m004');
    await tabTo(page, compare.getByRole('button', { name: 'Upgrade Shop prod to m004…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Upgrade Shop prod to m004' });
    const upgrade = dialog.getByRole('button', { name: 'Upgrade 3 revisions' });
    await expect(dialog.getByText('Production', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('3 revisions, in this order');
    await expect(upgrade).toBeDisabled();
    const typed = dialog.getByLabel('Type the connection name to confirm');
    await tabTo(page, typed);
    await page.keyboard.type('Shop prod');
    await expect(upgrade).toBeEnabled();
    await page.screenshot({ path: 'test-results/screens/persona-dba-2-prod-confirm.png' });
    await tabTo(page, upgrade);
    await page.keyboard.press('Enter');
    await finish(page, dialog, 'Done: 3 revisions', 'Now at m004.');
    await expect(gap).toHaveText('Already level.');
    await expect(gap).toBeFocused();
    for (const e of environments) {
      await expect(column('m004', e.name), e.name).toHaveText('current');
      await expect(column('m001', e.name), e.name).toHaveText('applied');
    }
    await page.screenshot({ path: 'test-results/screens/persona-dba-3-level.png' });

    // What the app said is what the databases hold: every revision's table and column, in all three.
    for (const e of environments) {
      const note = await inDatabase(e.database, (driver) =>
        driver.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"),
      );
      const invoices = await inDatabase(e.database, (driver) => driver.query("SELECT to_regclass('public.invoices') IS NOT NULL AS present"));
      expect(note, e.name).toEqual([{ n: 1 }]);
      expect(invoices, e.name).toEqual([{ present: true }]);
    }
  } finally {
    await app.stop();
    for (const e of environments) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(e.database)} WITH (FORCE)`);
    await admin.close();
  }
});

/** The run's sentence, then Close by keyboard; the dialog is gone. */
async function finish(page: Page, dialog: ReturnType<Page['getByRole']>, done: string, now: string): Promise<void> {
  const result = dialog.getByRole('status').filter({ hasText: done });
  await expect(result).toContainText(now);
  await tabTo(page, dialog.getByRole('button', { name: 'Close' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}
