// Accessibility end to end at 1280×720: axe-core's WCAG 2 A and AA rules on every screen, in the light
// and the dark theme — the demo's screens, and those the demo alone does not reach (the reset wizard's
// Run and Verify steps during and after a real reset, Compare environments, the revision panel, a run
// dialog after a failure, Activity with entries, the unlock screen) — and the keyboard's ways
// around: the skip link first in the Tab order, the graph's search (Enter shows the match, Escape
// goes back to the revisions).
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { writeNativeProject } from '../support/nativeProject';
import { violations } from './axe';
import { newHome, postgresUnderTest, serve, type ServedApp } from './browserHost';

/** Only the screens with something wrong, so a failure lists all of them at once. */
const withViolations = (found: Record<string, string[]>) => Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0));

const row = (page: Page, id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });

test.describe('accessibility', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    // The first run's demo workspace, opened on its graph.
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'a11y e2e passphrase', SWITCHYARD_DEMO: 'on' });
  });
  test.afterAll(async () => {
    await app.stop();
  });
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('every screen of the demo workspace passes axe’s WCAG 2 A and AA rules', async ({ page }) => {
    // Two full axe runs a screen (light and dark) on a shared machine: a budget, not a speed check.
    test.setTimeout(8 * 60_000);
    await page.goto(app.url);
    // Every screen is checked before the verdict, so one run lists all that is wrong.
    const found: Record<string, string[]> = {};
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });

    await tab('Connection').click();
    await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible();
    found['Connection'] = await violations(page);

    await tab('Graph').click();
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');
    found['Graph'] = await violations(page);

    await tab('Inventory').click();
    await expect(page.getByRole('table', { name: 'Tables' })).toBeVisible();
    found['Inventory'] = await violations(page);

    await tab('Migrations').click();
    await expect(page.getByRole('region', { name: 'Applied' })).toBeVisible();
    found['Migrations'] = await violations(page);

    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Preview' })).toBeEnabled();
    found['Run dialog'] = await violations(page);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('region', { name: 'Plan' })).toBeVisible();
    found['Run dialog, its plan'] = await violations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await tab('Reset').click();
    await expect(page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]')).toHaveText('1. Target');
    found['Reset: target'] = await violations(page);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
    found['Reset: impact'] = await violations(page);
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await expect(page.getByLabel(/Take a snapshot first/)).toBeChecked();
    found['Reset: safety net'] = await violations(page);
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await expect(page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]')).toHaveText(/Confirm/);
    found['Reset: confirm'] = await violations(page);

    await tab('Activity').click();
    await expect(page.getByRole('tabpanel', { name: 'Activity' })).toBeVisible();
    found['Activity'] = await violations(page);

    // The Dark theme picked in the app, whatever the system prefers.
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    found['Activity, Dark picked'] = await violations(page);

    expect(withViolations(found)).toEqual({});
  });

  test('the first Tab reaches "Skip to graph", and Enter on it puts the keyboard on the revisions', async ({ page }) => {
    // A fresh window opens the lone demo on its graph; nothing is focused yet.
    await page.goto(app.url);
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to graph' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox', { name: 'Revisions' })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(row(page, 'version_lineage_004')).toHaveAttribute('aria-selected', 'true');

    // Alt+9 shows Activity without taking the focus: reload to start the Tab order afresh.
    await page.reload();
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');
    await page.keyboard.press('Alt+9');
    await expect(page.getByRole('tabpanel', { name: 'Activity' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('in the graph’s search, Enter scrolls back to the match and Escape leaves for the revisions', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    const revisions = page.getByRole('listbox', { name: 'Revisions' });
    const search = page.getByLabel('Search revisions');

    // The oldest revision, at the bottom of the graph: the one match.
    await search.fill('initial schema');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'true');
    // Scrolled away to the newest revisions, Enter brings the match back into view.
    await revisions.evaluate((list) => list.scrollTo({ top: 0 }));
    await expect(row(page, 'd01fd5049733')).not.toBeInViewport();
    await search.press('Enter');
    await expect(row(page, 'd01fd5049733')).toBeInViewport();
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'true');

    // Escape keeps the query and its match, and hands the keyboard to the revisions.
    await search.press('Escape');
    await expect(revisions).toBeFocused();
    await expect(search).toHaveValue('initial schema');
    await page.keyboard.press('ArrowUp');
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'false');
  });
});

test('the screens past the demo pass axe’s WCAG 2 A and AA rules in both themes: Compare, the revision panel, a failed run, a reset running and done, Activity, unlock', async ({
  page,
}) => {
  test.setTimeout(8 * 60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const server = postgresUnderTest();
  const database = 'a11y staging';
  const base = { engine: 'postgres' as const, ...server, sslMode: 'disable' as const, sslCaFile: '', sqlitePath: '', readOnly: false };
  const admin = await connect({ ...base, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  const home = newHome();
  const passphrase = 'a11y e2e passphrase, past the demo';
  const project = join(home, 'shop');
  writeNativeProject(project, [
    { id: 'm001', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);', down: 'DROP TABLE customers;' },
    // Its revert fails: a downgrade through it stops there.
    { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY);', down: 'DROP TABLE no_such_table;' },
  ]);
  // The seed waits for a lock this test holds, so the Run step stays on screen until it is checked.
  const seed = join(home, 'seed.sql');
  const lock = 731313;
  writeFileSync(seed, `SELECT pg_advisory_xact_lock(${lock});\n`);
  const cli = (args: string[], input?: string) => {
    const done = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
      ...(input ? { input } : {}),
    });
    expect(done.status, done.stdout + done.stderr).toBe(0);
  };
  const url = `postgres://${server.user}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
  cli(['profiles', 'add', url, '--name', 'Shop staging', '--env', 'staging', '--project', project, '--password-stdin'], `${server.password}\n`);
  cli(['profiles', 'add', '--name', 'Shop dev', '--env', 'dev', '--engine', 'sqlite', '--sqlite-path', join(home, 'shop.sqlite'), '--project', project]);
  cli(['upgrade', '--profile', 'Shop dev']);
  cli(['upgrade', '--profile', 'Shop staging', '--to', 'm001']);
  const holder = new pg.Client({ ...server, database, application_name: 'a11y-lock-holder' });
  holder.on('error', () => undefined);
  await holder.connect();
  await holder.query('SELECT pg_advisory_lock($1)', [lock]);

  let app: ServedApp | undefined = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  const found: Record<string, string[]> = {};
  try {
    await page.goto(app.url);
    const connections = page.getByRole('navigation', { name: 'Connections' });
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });

    await connections.getByRole('button', { name: /Shop dev/ }).click();
    await tab('Graph').click();
    const revisions = page.getByRole('listbox', { name: 'Revisions' });
    await expect(revisions.getByRole('option', { name: 'm002', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Compare environments' }).click();
    const compare = page.getByRole('region', { name: 'Compare environments' });
    await compare.getByRole('checkbox', { name: /Shop staging/ }).check();
    await expect(compare.getByRole('checkbox', { name: /Shop staging/ })).toBeChecked();
    await compare.getByLabel('Environment to bring level').selectOption({ label: 'Shop staging' });
    await compare.getByLabel('Environment to match').selectOption({ label: 'Shop dev' });
    await expect(compare.getByRole('status')).toContainText('apply 1: m002');
    found['Graph: Compare environments'] = await violations(page);

    await revisions.getByRole('option', { name: 'm001', exact: true }).click();
    await page.keyboard.press('Enter');
    const details = page.getByRole('complementary', { name: 'Revision details' });
    await expect(details).toContainText('creates customers');
    await expect(details).toContainText('CREATE TABLE customers');
    found['Graph: revision panel'] = await violations(page);

    await tab('Migrations').click();
    await page.getByRole('button', { name: 'Downgrade…' }).click();
    const dialog = page.getByRole('dialog', { name: /Shop dev/ });
    await dialog.getByRole('combobox', { name: /^Target/ }).fill('base');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('button', { name: 'Downgrade 2 revisions' }).click();
    await expect(dialog.locator('.run-failure').getByRole('alert')).toContainText('Reverting m002 failed');
    found['Run dialog after a failure'] = await violations(page);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    await connections.getByRole('button', { name: /Shop staging/ }).click();
    await tab('Reset').click();
    await page.getByLabel(/Wipe the schemas/).check();
    await page.getByLabel('Seed SQL file (optional)').fill(seed);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByLabel(/Take a snapshot first/).uncheck();
    await page.getByLabel(/without a backup nothing can undo/).check();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill(database);
    await page.getByRole('button', { name: `Reset ${database}` }).click();
    const running = page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="running"]');
    await expect(running).toContainText('Run the seed SQL');
    found['Reset: run'] = await violations(page);
    // Still running: what was checked was the Run step.
    await expect(running).toContainText('Run the seed SQL');
    await holder.query('SELECT pg_advisory_unlock($1)', [lock]);
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Verification' })).toContainText('none missing, none unexpected');
    found['Reset: verify'] = await violations(page);

    await tab('Activity').click();
    await expect(page.locator('table.records tbody tr').first()).toBeVisible();
    await expect(page.locator('table.records')).toContainText(/reset/i);
    found['Activity with entries'] = await violations(page);
    await app.stop();
    app = undefined;

    // The same store, served without its passphrase: the unlock screen, after a wrong one.
    app = await serve(home);
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Unlock Switchyard' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    found['Unlock, after a wrong passphrase'] = await violations(page);
    await app.stop();
    app = undefined;

    app = await serve(newHome());
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Create your Switchyard store' })).toBeVisible();
    found['Unlock, creating the store'] = await violations(page);
  } finally {
    await app?.stop();
    await holder.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.close();
  }
  expect(withViolations(found)).toEqual({});
});
