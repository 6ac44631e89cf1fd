// "Reset demo" for any connection, at 1280×720: deleting the demo's pristine snapshot warns that the
// button goes with it, the button's absence is then explained with the way to rebuild it, and a rebuilt
// pristine demo (reset to heads with the demo data, then kept) brings it back; a PostgreSQL connection
// gets the button too once its database is kept as its pristine demo.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { newHome, postgresUnderTest, serve } from './browserHost';

const passphrase = 'demo e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Keep as pristine demo, asked first like every snapshot; then Reset demo is at the top of the tab. */
async function keepAsPristine(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: /^Snapshots of/ })
    .getByRole('button', { name: 'Keep as pristine demo' })
    .click();
  const ask = page.getByRole('dialog');
  await expect(ask).toContainText('Reset demo button at the top of this tab restores it');
  await ask.getByRole('button', { name: 'Keep as pristine demo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Snapshot "Pristine demo" taken' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Reset demo', exact: true })).toBeVisible();
}

test('deleting the pristine demo warns, its absence is explained, and rebuilding it brings Reset demo back', async ({ page }) => {
  const app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    const resetDemo = page.getByRole('button', { name: 'Reset demo', exact: true });
    await expect(resetDemo).toBeVisible();

    const snapshots = page.getByRole('table', { name: 'Snapshot list' });
    await snapshots
      .getByRole('row', { name: /Pristine demo/ })
      .getByRole('button', { name: 'Delete' })
      .click();
    const ask = page.getByRole('dialog');
    await expect(ask).toContainText('The Reset demo button goes with it');
    await shot(page, '40-demo-delete-pristine');
    await ask.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted "Pristine demo"' })).toBeVisible();

    await expect(resetDemo).toHaveCount(0);
    const why = page.getByRole('note', { name: 'Reset demo' });
    await expect(why).toContainText('that snapshot was deleted');
    await expect(why).toContainText('Keep as pristine demo');
    await shot(page, '41-demo-pristine-gone');

    await why.getByRole('button', { name: 'Rebuild the pristine demo' }).click();
    await expect(page.getByLabel('Seed SQL file (optional)')).toHaveValue(/demo-data\.sql$/);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill('demo.sqlite');
    await page.getByRole('button', { name: 'Reset demo.sqlite' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="done"]').filter({ hasText: 'Run the seed SQL' })).toBeVisible();

    await keepAsPristine(page);
    await expect(why).toHaveCount(0);
    await shot(page, '42-demo-pristine-rebuilt');
    await resetDemo.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored "Pristine demo"' })).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('a PostgreSQL connection kept as its pristine demo gets a one-click Reset demo', async ({ page }) => {
  const server = postgresUnderTest();
  const database = 'client demo e2e';
  const base = { engine: 'postgres' as const, ...server, sslMode: 'disable' as const, sslCaFile: '', sqlitePath: '', readOnly: false };
  const admin = await connect({ ...base, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  await admin.close();
  const home = newHome();
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
      ...(input ? { input } : {}),
    });
  const url = `postgres://${server.user}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
  const added = cli(
    ['profiles', 'add', url, '--name', 'Client demo', '--env', 'demo', '--project', resolve('assets/demo'), '--password-stdin'],
    `${server.password}\n`,
  );
  expect(added.status, added.stderr).toBe(0);
  const seeded = cli([
    'reset',
    '--profile',
    'Client demo',
    '--mode',
    'recreate',
    '--to',
    'heads',
    '--seed',
    join(resolve('assets'), 'demo-data.sql'),
    '--no-snapshot',
    '--i-understand',
    '--confirm',
    database,
  ]);
  expect(seeded.status, seeded.stdout + seeded.stderr).toBe(0);

  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /Client demo/ })
      .click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await expect(page.getByRole('note', { name: 'Reset demo' })).toContainText('this database has none');
    await keepAsPristine(page);
    await shot(page, '43-demo-postgres-reset-demo');

    const client = await connect({ ...base, database });
    await client.execScript('TRUNCATE documents CASCADE');
    await client.close();
    await page.getByRole('button', { name: 'Reset demo', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored "Pristine demo"' })).toBeVisible({ timeout: 30_000 });
    const check = await connect({ ...base, database });
    expect(await check.query('SELECT count(*)::int AS n FROM documents')).toEqual([{ n: 400 }]);
    await check.close();
  } finally {
    await app.stop();
  }
});
