// The Matrix tab in Chromium at 1280×720: a project from the demo folder with two environments at
// different points (the demo applied on its demo environment, an empty copy on staging), read as a matrix (each cell's
// state in words), staging promoted to the demo's point through the dialog's gates, the matrix level after
// it — axe's WCAG 2 A and AA rules on the way, screenshots in the test's output. Then, by keyboard, a
// project with bindings (an auth and a specs database per environment): the dialog's row per database,
// a promotion whose auth database fails on its rehearsal clone (nothing run, the rows saying where), then
// without the rehearsal failing on auth (where, what it applied, specs not started), promoted again
// once fixed with each database rehearsed first,
// and a rollout of another environment role after role from the Rollouts tab.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matrix } from '../../src-shared/model/matrix';
import { violations } from './axe';
import { openDemoWorkspace } from './demoWorkspace';
import { chooseWithArrows, tabTo } from './keyboard';

const passphrase = 'matrix e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

test('reads the matrix of two environments and promotes demo to staging through the gates', async ({ page }, testInfo) => {
  test.setTimeout(4 * 60_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const { app, home, cli, demo } = await openDemoWorkspace(page, passphrase);
  try {
    cli([
      'profiles',
      'add',
      '--name',
      'Demo copy',
      '--env',
      'staging',
      '--engine',
      'sqlite',
      '--sqlite-path',
      join(home, 'copy.sqlite'),
      '--project',
      demo.projectDir,
    ]);
    cli(['projects', 'add', 'demo-shop', demo.projectDir]);
    // The demo connection's environment (demo) is proposed from the folder; staging comes after it.
    cli(['projects', 'env', 'demo-shop', 'staging', 'Demo copy', '--order', 'demo,staging']);
    await page.reload();

    const sidebar = page.getByRole('navigation', { name: 'Connections' });
    await sidebar
      .getByRole('list', { name: 'Projects' })
      .getByRole('button', { name: /demo-shop/ })
      .click();
    await page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Matrix' }).click();
    const grid = page.getByRole('grid', { name: /^Matrix: \d+ revisions by 2 connections/ });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(grid.getByRole('columnheader', { name: /staging Demo copy/ })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: /on demo .*: applied, / }).first()).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: /on staging Demo copy: pending$/ }).first()).toBeVisible();
    const gap = page.getByRole('region', { name: 'Between neighbouring environments' });
    await expect(gap).toContainText(/staging lacks \d+ revisions of demo: .* \(a plain upgrade\)/);
    expect(await violations(page)).toEqual([]);
    await shot('matrix-two-environments');

    await gap.getByRole('button', { name: 'Promote to staging…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote demo to staging' });
    const gates = dialog.getByRole('list', { name: 'Gates' });
    await expect(gates).toContainText('Preflight clean on the target (passed)', { timeout: 30_000 });
    await expect(gates).toContainText("Production: the connection's name typed (not needed)");
    await expect(dialog.getByText(/Dry run on Demo copy: the SQL/)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await shot('matrix-promotion-gates');
    await dialog.getByRole('button', { name: 'Promote to staging' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Promoted demo to staging: Demo copy applied' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByRole('button', { name: 'Export Markdown' })).toBeVisible();
    await shot('matrix-promoted');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(gap).toContainText('staging has everything demo has');
    // The demo is not at its heads itself: staging now stands exactly where it does.
    const matrix = JSON.parse(cli(['matrix', '--project', 'demo-shop', '--json'])) as Matrix;
    expect(matrix.columns.map((c) => c.counts.applied)).toEqual([matrix.columns[0]?.counts.applied, matrix.columns[0]?.counts.applied]);
    expect(matrix.columns[1]?.counts.applied).toBeGreaterThan(0);
    await shot('matrix-level');
    expect(cli(['audit', '--json'])).toContain('promotion.run');
  } finally {
    await app.stop();
  }
});

/** Seed 004's layout in native files: auth (a1 ─ a2) and specs (s1 ─ s2); a2 fails (a CHECK, line 6) where a table named poison exists. */
function writeBoundProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string, string, string]> = [
    ['001_a1.sql', 'a1', '-- parents: none\n-- branch: auth', 'CREATE TABLE users (id INTEGER PRIMARY KEY);'],
    [
      '002_a2.sql',
      'a2',
      '-- parents: a1',
      "CREATE TABLE sessions (id INTEGER PRIMARY KEY CHECK (id < 100));\nINSERT INTO sessions (id) SELECT 1000 FROM sqlite_master WHERE name = 'poison';",
    ],
    ['003_s1.sql', 's1', '-- parents: none\n-- branch: specs', 'CREATE TABLE specs (id INTEGER PRIMARY KEY);'],
    ['004_s2.sql', 's2', '-- parents: s1', 'CREATE TABLE generated_files (id INTEGER PRIMARY KEY);'],
  ];
  for (const [file, id, header, up] of files)
    writeFileSync(join(dir, file), `-- revision: ${id}\n${header}\n-- message: ${id}\n-- migrate:up\n${up}\n-- migrate:down\nSELECT 1;\n`);
}

function sqlite(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Tabs to `target` and presses Enter, as a keyboard user does. */
async function press(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

test('promotes a project with bindings database by database, and rolls another environment out role after role, by keyboard', async ({ page }, testInfo) => {
  // Fifteen CLI calls set the project up, as a user would in a terminal: each takes a second or two, over ten at a load of 20.
  test.setTimeout(12 * 60_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const { app, home, cli } = await openDemoWorkspace(page, passphrase);
  try {
    const dir = join(home, 'shop', 'migrations');
    writeBoundProject(dir);
    const file = (key: string) => join(home, `${key}.sqlite`);
    for (const env of ['dev', 'staging', 'qa'])
      for (const role of ['auth', 'specs'])
        cli([
          'profiles',
          'add',
          '--name',
          `${env}_${role}`,
          '--env',
          env === 'qa' ? 'test' : env,
          '--engine',
          'sqlite',
          '--sqlite-path',
          file(`${env}_${role}`),
        ]);
    cli(['projects', 'add', 'shop', dir, '--format', 'native']);
    cli(['projects', 'env', 'shop', 'dev', 'auth=dev_auth', 'specs=dev_specs']);
    cli(['projects', 'env', 'shop', 'staging', 'auth=staging_auth', 'specs=staging_specs']);
    cli(['projects', 'env', 'shop', 'qa', 'auth=qa_auth', 'specs=qa_specs', '--order', 'dev,staging,qa']);
    cli(['projects', 'bind', 'shop', 'auth', 'auth']);
    cli(['projects', 'bind', 'shop', 'specs', 'specs']);
    cli(['upgrade', '--profile', 'dev_auth', '--project', dir, '--to', 'a2']);
    cli(['upgrade', '--profile', 'dev_specs', '--project', dir, '--to', 's2']);
    sqlite(file('staging_auth'), 'CREATE TABLE poison (id INTEGER);');
    await page.reload();

    await page.getByRole('list', { name: 'Projects' }).getByRole('button', { name: /^shop/ }).click();
    await page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Matrix' }).click();
    const gap = page.getByRole('region', { name: 'Between neighbouring environments' });
    await press(page, gap.getByRole('button', { name: 'Promote to staging…' }));
    const dialog = page.getByRole('dialog', { name: 'Promote dev to staging' });
    const databases = dialog.getByRole('table', { name: /^Databases of staging, in the order they run/ });
    const row = (role: string) => databases.getByRole('row', { name: new RegExp(`^\\d ${role} `) });
    await expect(row('auth')).toContainText('staging_auth', { timeout: 30_000 });
    await expect(row('auth')).toContainText('dev_auth');
    await expect(row('auth')).toContainText('a1 → a2');
    await expect(row('auth')).toContainText('Waiting: will apply a1, a2');
    await expect(row('specs')).toContainText('Waiting: will apply s1, s2');
    // Staging connections: each database rehearses its plan on a clone before either runs.
    await expect(row('auth')).toContainText('will rehearse on a clone first');
    await expect(row('specs')).toContainText('will rehearse on a clone first');
    await expect(databases.getByRole('row').nth(1)).toContainText('auth');
    expect(await violations(page)).toEqual([]);
    await shot('bound-promotion-preview');

    // auth fails on its clone: nothing runs on either database, and the rows say where and why.
    await press(page, dialog.getByRole('button', { name: 'Promote to staging' }));
    const onClone = dialog.getByRole('status').filter({ hasText: 'failed on a clone' });
    await expect(onClone).toContainText(
      'The rehearsal of the auth database (staging_auth) failed on a clone, so the promotion of dev to staging ran on no database',
      { timeout: 60_000 },
    );
    await expect(row('auth')).toContainText(/failed on the clone at \S*002_a2\.sql:6(:\d+)? \(a2\): .*CHECK constraint failed/);
    await expect(row('auth')).toContainText('Not started: nothing ran on any database: auth (staging_auth) failed on its clone');
    await expect(row('specs')).toContainText("not rehearsed: an earlier database's rehearsal failed");
    expect(await violations(page)).toEqual([]);
    await shot('bound-promotion-rehearsal-failed');
    await press(page, dialog.getByRole('button', { name: 'Close' }));

    // Without the rehearsal (said on each row), the run itself fails part-way on auth.
    await press(page, gap.getByRole('button', { name: 'Promote to staging…' }));
    await expect(row('auth')).toContainText('Waiting: will apply a1, a2', { timeout: 30_000 });
    const skip = dialog.getByRole('checkbox', { name: /Skip the rehearsal on clones/ });
    await tabTo(page, skip);
    await page.keyboard.press('Space');
    await expect(row('auth')).toContainText('not rehearsed: skipped');
    await press(page, dialog.getByRole('button', { name: 'Promote to staging' }));
    const outcome = dialog.getByRole('status').filter({ hasText: 'The promotion of dev to staging failed' });
    await expect(outcome).toContainText('failed on the auth database (staging_auth); specs did not start.', { timeout: 60_000 });
    await expect(row('auth')).toContainText(/Failed: at 002_a2\.sql:6:\d+ \(a2\), after applying a1/);
    await expect(row('auth')).toContainText('CHECK constraint failed');
    await expect(row('specs')).toContainText('Not started: auth (staging_auth) failed before it');
    expect(await violations(page)).toEqual([]);
    await shot('bound-promotion-failed');
    await press(page, dialog.getByRole('button', { name: 'Close' }));

    sqlite(file('staging_auth'), 'DROP TABLE poison;');
    await press(page, gap.getByRole('button', { name: 'Promote to staging…' }));
    await expect(row('auth')).toContainText('Waiting: will apply a2', { timeout: 30_000 });
    await press(page, dialog.getByRole('button', { name: 'Promote to staging' }));
    await expect(dialog.getByRole('status').filter({ hasText: 'Promoted dev to staging' })).toHaveText(
      'Promoted dev to staging: staging_auth applied a2; staging_specs applied s1, s2.',
      { timeout: 60_000 },
    );
    await expect(row('auth')).toContainText('Applied: a2');
    await expect(row('specs')).toContainText('Applied: s1, s2');
    await expect(row('auth')).toContainText(/rehearsed ✓ on a clone in \d+ ms/);
    await expect(row('specs')).toContainText(/rehearsed ✓ on a clone in \d+ ms/);
    await shot('bound-promotion-done');
    await press(page, dialog.getByRole('button', { name: 'Close' }));

    await page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Rollouts' }).click();
    const form = page.getByRole('form', { name: 'New rollout' });
    const environment = form.getByLabel('Environment', { exact: true });
    await tabTo(page, environment);
    await chooseWithArrows(page, environment, 'qa (2 connections)');
    const role = form.getByLabel('Database', { exact: true });
    await expect(role.locator('option')).toHaveText([
      'Every database, role after role (auth → specs)',
      'auth only (1 connection)',
      'specs only (1 connection)',
    ]);
    await tabTo(page, role);
    await chooseWithArrows(page, role, 'Every database, role after role (auth → specs)');
    await press(page, form.getByRole('button', { name: 'Start rollout' }));
    await expect(page.getByRole('status').filter({ hasText: 'Rollout done' })).toHaveText('Rollout done: 2 done of 2.', { timeout: 90_000 });
    const roles = page.getByRole('list', { name: 'Databases by role, in the order they run' });
    await expect(roles.getByRole('listitem')).toHaveText(['✓ auth — Done: 1 of 1 done', '✓ specs — Done: 1 of 1 done']);
    const rows = page.getByRole('table', { name: 'Databases of the rollout' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('qa_auth');
    await expect(rows.nth(1)).toContainText('auth');
    await expect(rows.nth(2)).toContainText('qa_specs');
    await expect(rows.nth(2)).toContainText('done, 2 revisions applied');
    expect(await violations(page)).toEqual([]);
    await shot('bound-rollout-done');
  } finally {
    await app.stop();
  }
});
