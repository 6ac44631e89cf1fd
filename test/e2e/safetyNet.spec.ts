// The reset wizard's Safety net step in Chromium at 1280×720: it names the backup it will take (name,
// where, about how big), and when a PostgreSQL role cannot take it (no CREATEDB) it says so there, with
// what to do; every disabled Next or Reset button says why beside it.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { newHome, postgresUnderTest, serve } from './browserHost';

const passphrase = 'safety net e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function walkToSafety(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Reset', exact: true }).click();
  await page.getByRole('button', { name: 'Next: impact' }).click();
  await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: safety net' }).click();
}

test('the Safety net step names the backup of the demo: its name, the folder it goes to, about how big', async ({ page }) => {
  const home = newHome();
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await walkToSafety(page);
    await expect(page.getByLabel(/Take a snapshot first — a backup/)).toBeChecked();
    const backup = page.getByRole('definition');
    await expect(backup.nth(0)).toContainText(/^Before reset, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} /);
    await expect(backup.nth(1)).toHaveText(new RegExp(`^a copy of the file in ${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(backup.nth(2)).toHaveText(/^about \d+(\.\d)? (B|kB|MB): the data its tables hold now$/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await shot(page, '60-safety-net-demo');

    await page.getByLabel(/Take a snapshot first/).uncheck();
    const next = page.getByRole('button', { name: 'Next: confirm' });
    await expect(next).toBeDisabled();
    await expect(next).toHaveAccessibleDescription('Tick “I understand” above to go on without a backup.');
    await page.getByLabel(/without a backup nothing can undo/).check();
    await next.click();
    const reset = page.getByRole('button', { name: 'Reset demo.sqlite' });
    await expect(reset).toBeDisabled();
    await expect(reset).toHaveAccessibleDescription('Type demo.sqlite above to enable it.');
  } finally {
    await app.stop();
  }
});

test('a PostgreSQL role without CREATEDB hears at the Safety net step that no backup can be taken, and what to do', async ({ page }) => {
  const server = postgresUnderTest();
  const role = 'safety_no_createdb';
  const rolePassword = 'safety net role password';
  const database = 'shop safety';
  const admin = await connect({
    engine: 'postgres',
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database: 'postgres',
    sslMode: 'disable',
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
  });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.query(`CREATE ROLE ${role} LOGIN NOCREATEDB PASSWORD '${rolePassword}'`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)} OWNER ${role}`);
  const home = newHome();
  const url = `postgres://${role}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
  const added = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), 'profiles', 'add', url, '--name', 'Shop', '--env', 'staging', '--password-stdin'], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
    encoding: 'utf8',
    input: `${rolePassword}\n`,
  });
  expect(added.status, added.stderr).toBe(0);
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await page.getByLabel(/Wipe the schemas/).check();
    // No project is bound: the reset leaves the database empty.
    await page.getByLabel('Migrate').uncheck();
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
    await page.getByRole('button', { name: 'Next: safety net' }).click();

    const step = page.locator('.reset-step');
    await expect(page.getByRole('definition').nth(1)).toHaveText('a new database beside shop safety on the same server, named switchyard_snapshot_…');
    await expect(step.getByRole('alert')).toContainText(`This backup cannot be taken. A snapshot is a copy made with CREATE DATABASE … TEMPLATE ${database}`);
    await expect(step.getByRole('alert')).toContainText(`${role} lacks CREATEDB`);
    const next = page.getByRole('button', { name: 'Next: confirm' });
    await expect(next).toBeDisabled();
    await expect(next).toHaveAccessibleDescription('Untick the backup above to go on without it, or use a role that may take it.');
    await shot(page, '61-safety-net-no-createdb');

    await page.getByLabel(/Take a snapshot first/).uncheck();
    await page.getByLabel(/without a backup nothing can undo/).check();
    await expect(step.getByRole('alert')).toHaveCount(0);
    await next.click();
    const reset = page.getByRole('button', { name: `Reset ${database}` });
    await expect(reset).toBeDisabled();
    await expect(reset).toHaveAccessibleDescription(`Type ${database} above to enable it.`);
    await page.getByLabel(/Type the database name/).fill(database);
    await expect(reset).toBeEnabled();
    await shot(page, '61-safety-net-no-createdb-confirm');
  } finally {
    await app.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.close();
  }
});
