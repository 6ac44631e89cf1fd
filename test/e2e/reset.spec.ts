// The reset wizard end to end in Chromium: every step on the demo connection and on a PostgreSQL
// connection with a colleague still connected, the undo (asked first, once), and the demo's "Reset demo".
import { expect, test, type Page } from '@playwright/test';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { startFaultProxy } from '../support/faultProxy';
import { writeNativeProject } from '../support/nativeProject';
import { newHome, postgresUnderTest, serve } from './browserHost';

const passphrase = 'reset e2e passphrase';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function walkToConfirm(page: Page, prefix: string, expectImpact: RegExp): Promise<void> {
  await page.getByRole('tab', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]')).toHaveText('1. Target');
  await shot(page, `${prefix}-1-target`);
  await page.getByRole('button', { name: 'Next: impact' }).click();
  await expect(page.getByRole('region', { name: 'What will be destroyed' })).toContainText(expectImpact);
  await shot(page, `${prefix}-2-impact`);
  await page.getByRole('button', { name: 'Next: safety net' }).click();
  await expect(page.getByLabel(/Take a snapshot first/)).toBeChecked();
  await shot(page, `${prefix}-3-safety`);
  await page.getByRole('button', { name: 'Next: confirm' }).click();
}

/** Every restore asks first: the snapshot, the database, and whom it disconnects. */
async function confirmRestore(page: Page, database: string, sessions: string | undefined, screen?: string): Promise<void> {
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('heading')).toContainText(`over ${database}?`);
  if (sessions) await expect(ask.getByRole('table', { name: 'Sessions to end' })).toContainText(sessions);
  else await expect(ask).toContainText(`Nobody else is connected to ${database}.`);
  if (screen) await shot(page, screen);
  await ask.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Restored/ })).toBeVisible();
}

async function runAndVerify(page: Page, prefix: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="done"]').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verification' })).toContainText('none missing, none unexpected');
  await shot(page, `${prefix}-6-verify`);
}

test('the whole wizard on the demo connection, its undo, and "Reset demo"', async ({ page }) => {
  const app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'demo');
    await walkToConfirm(page, '30-reset-demo', /tables/);
    const resetButton = page.getByRole('button', { name: 'Reset demo.sqlite' });
    await expect(page.getByRole('region', { name: 'Statements' })).toContainText('delete the file');
    await expect(resetButton).toBeDisabled();
    await page.getByLabel(/Type the database name/).fill('demo.sqlite');
    await shot(page, '30-reset-demo-4-confirm');
    await resetButton.click();
    await runAndVerify(page, '30-reset-demo');

    await page.getByRole('button', { name: /^Undo: restore/ }).click();
    await confirmRestore(page, 'demo.sqlite', undefined);
    await expect(page.getByRole('button', { name: /^Undone:/ })).toBeDisabled();
    await expect(page.getByRole('region', { name: 'After the undo' })).toContainText('demo.sqlite is back as it was');
    await page.getByRole('button', { name: 'New reset' }).click();
    await page.getByRole('button', { name: 'Reset demo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored "Pristine demo"' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Snapshot list' })).toContainText('Pristine demo');
    await shot(page, '30-reset-demo-7-reset-demo');
  } finally {
    await app.stop();
  }
});

test('a seed file with an error stops the reset there, says what the database holds, and offers the snapshot back', async ({ page }) => {
  const home = newHome();
  const seed = join(home, 'seed.sql');
  writeFileSync(seed, 'INSERT INTO no_such_table VALUES (1);\n');
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await page.getByLabel('Seed SQL file (optional)').fill(seed);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill('demo.sqlite');
    await page.getByRole('button', { name: 'Reset demo.sqlite' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The reset stopped' });
    await expect(alert).toContainText('“Run the seed SQL”');
    await expect(alert).toContainText('the seed did not complete');
    await expect(alert).toContainText('The snapshot taken first is kept');
    await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="failed"]')).toContainText('no_such_table');
    await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="not run"]')).toContainText('Verify');
    await shot(page, '32-reset-failed-seed');
    await page.getByRole('button', { name: /^Undo: restore/ }).click();
    await confirmRestore(page, 'demo.sqlite', undefined);
    await expect(page.getByRole('button', { name: /^Undone:/ })).toBeDisabled();
  } finally {
    await app.stop();
  }
});

test('the whole wizard on a PostgreSQL connection ends a colleague’s session and comes back at the target', async ({ page }) => {
  const server = postgresUnderTest();
  const database = 'shop e2e';
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
  const admin = await connect({ ...base, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  const home = newHome();
  const project = join(home, 'migrations');
  writeNativeProject(project, [
    { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);' },
    // Slow enough for the Run step to be seen running.
    { id: 'ordr02', parents: ['cust01'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY);\nSELECT pg_sleep(1);' },
  ]);
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password },
      encoding: 'utf8',
      ...(input ? { input } : {}),
    });
  const url = `postgres://${server.user}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
  const added = cli(['profiles', 'add', url, '--name', 'Shop', '--project', project, '--password-stdin'], `${server.password}\n`);
  expect(added.status, added.stderr).toBe(0);
  expect(cli(['upgrade', '--profile', 'Shop']).status).toBe(0);
  const colleague = new pg.Client({ ...server, database, application_name: 'colleague-psql' });
  colleague.on('error', () => undefined);
  await colleague.connect();
  await colleague.query("INSERT INTO customers VALUES (1, 'Ada')");

  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Shop/ }).click();
    await walkToConfirm(page, '31-reset-postgres', /1\s*active session/);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('table', { name: 'Active sessions' })).toContainText('colleague-psql');
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await expect(page.getByRole('region', { name: 'Statements' })).toContainText(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await expect(page.getByRole('region', { name: 'Statements' })).toContainText('apply ordr02 — orders');
    await page.getByLabel(/Type the database name/).fill(database);
    await shot(page, '31-reset-postgres-4-confirm');
    await page.getByRole('button', { name: `Reset ${database}` }).click();
    const steps = page.getByRole('list', { name: 'Steps' });
    await expect(steps.locator('[data-outcome="running"]')).toContainText('Migrate to heads');
    await expect(page.getByRole('button', { name: 'Cancel before the next step' })).toBeEnabled();
    await shot(page, '31-reset-postgres-5-run');
    await runAndVerify(page, '31-reset-postgres');
    await expect(steps).toContainText('1 session ended first');
    const check = await connect({ ...base, database });
    expect(await check.query('SELECT * FROM customers')).toEqual([]);
    await check.close();
    // Someone connected again since the reset: the undo names them before it disconnects them.
    const returning = new pg.Client({ ...server, database, application_name: 'colleague-returns' });
    returning.on('error', () => undefined);
    await returning.connect();
    await page.getByRole('button', { name: /^Undo: restore/ }).click();
    await confirmRestore(page, database, 'colleague-returns', '31-reset-postgres-6-undo-asks');
    await returning.end().catch(() => undefined);
    await expect(page.getByRole('button', { name: /^Undone:/ })).toBeDisabled();
    await expect(page.getByRole('region', { name: 'After the undo' })).toContainText('version bookkeeping at ordr02');
    const after = await connect({ ...base, database });
    expect(await after.query('SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    await after.close();

    await page.getByLabel('Snapshot name').fill('before the demo');
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    await expect(page.getByRole('dialog')).toContainText('every session on it is ended first');
    await page.getByRole('dialog').getByRole('button', { name: 'Take the snapshot' }).click();
    const list = page.getByRole('table', { name: 'Snapshot list' });
    await expect(list.getByRole('row').filter({ hasText: 'before the demo' })).toContainText('ordr02');
    await shot(page, '31-reset-postgres-7-snapshots');
    await list.getByRole('row').filter({ hasText: 'before the demo' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted "before the demo"' })).toBeVisible();
    await expect(list).not.toContainText('before the demo');
  } finally {
    await colleague.end().catch(() => undefined);
    await app.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    const left = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
    for (const { datname } of left) await admin.query(`DROP DATABASE ${quoteIdentifier(datname)}`);
    await admin.close();
  }
});

test('no wizard step is a dead end: an unreachable server or a missing project is said on the step, with the way back', async ({ page }) => {
  const home = newHome();
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
  // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
  const unreachable = cli(['profiles', 'add', 'postgres://app@127.0.0.1:1/orders', '--name', 'Unreachable']);
  expect(unreachable.status, unreachable.stderr).toBe(0);
  const notes = cli(['profiles', 'add', '--name', 'Notes', '--engine', 'sqlite', '--sqlite-path', join(home, 'notes.sqlite')]);
  expect(notes.status, notes.stderr).toBe(0);
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    const connections = page.getByRole('navigation', { name: 'Connections' });
    const current = page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]');

    await connections.getByRole('button', { name: /Unreachable/ }).click();
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(current).toHaveText('2. Impact');
    await expect(page.getByRole('alert')).toContainText('E_CONNECTION_REFUSED');
    await shot(page, '33-reset-unreachable');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(current).toHaveText('1. Target');

    await connections.getByRole('button', { name: /Notes/ }).click();
    await expect(page.getByLabel('Migrate')).toBeChecked();
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'No migration project is bound to Notes' })).toBeVisible();
    await shot(page, '33-reset-no-project');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Migrate').uncheck();
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toContainText('tables');
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('opening a connection whose reset was killed after its drop says so, restores the snapshot after asking, and deleting the connection asks what becomes of its snapshots', async ({
  page,
}) => {
  const server = postgresUnderTest();
  const database = 'killed reset e2e';
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
  const admin = await connect({ ...base, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  // The CLI reaches the server through a proxy that holds its DROP DATABASE, so it can be killed right after it.
  const proxy = await startFaultProxy(server);
  const home = newHome();
  const project = join(home, 'migrations');
  writeNativeProject(project, [{ id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);' }]);
  const env = { SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password };
  const cli = (args: string[], input: string) =>
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8', input });
  const url = `postgres://${server.user}@${proxy.host}:${proxy.port}/${encodeURIComponent(database)}`;
  try {
    const added = cli(['profiles', 'add', url, '--name', 'Shop', '--project', project, '--password-stdin'], `${server.password}\n`);
    expect(added.status, added.stderr).toBe(0);
    // Anything that talks to the server goes through the proxy in this process: never a blocking spawn.
    const running = (args: string[]) => promisify(execFile)(process.execPath, [resolve('bin/switchyard.mjs'), ...args], { env: { ...process.env, ...env } });
    await running(['upgrade', '--profile', 'Shop']);
    const data = await connect({ ...base, database });
    await data.query("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
    await data.close();
    const dropped = proxy.holdAt((sql) => sql.startsWith(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`), 'afterReply');
    const reset = spawn(
      process.execPath,
      [resolve('bin/switchyard.mjs'), 'reset', '--profile', 'Shop', '--mode', 'recreate', '--to', 'heads', '--confirm', database],
      { env: { ...process.env, ...env }, stdio: 'ignore' },
    );
    const held = await dropped;
    reset.kill('SIGKILL');
    await held.clientGone;

    const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
    try {
      await page.goto(app.url);
      const banner = page.getByRole('alert').filter({ has: page.getByRole('button', { name: /^Restore “Before reset/ }) });
      await expect(banner).toContainText(/A reset started .* was interrupted at step 3 of 6 \(Drop the database\); the snapshot to restore is "Before reset/);
      await expect(banner).toContainText(`${database} does not exist`);
      await shot(page, '34-interrupted-reset-banner');
      await banner.getByRole('button', { name: /^Restore “Before reset/ }).click();
      await confirmRestore(page, database, undefined);
      await expect(banner).toHaveCount(0);
      const back = await connect({ ...base, database });
      expect(await back.query('SELECT name FROM customers ORDER BY id')).toEqual([{ name: 'Ada' }, { name: 'Grace' }]);
      await back.close();

      const [snapshot] = JSON.parse((await running(['snapshot', 'list', '--profile', 'Shop', '--json'])).stdout) as Array<{ name: string; location: string }>;
      expect(snapshot?.name).toMatch(/^Before reset/);
      await page.getByRole('tab', { name: 'Connection', exact: true }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const ask = page.getByRole('dialog');
      await expect(ask.getByRole('list', { name: 'Snapshots only this connection reaches' })).toContainText(snapshot?.name ?? '');
      await expect(ask.getByRole('button', { name: 'Delete connection, keep snapshots' })).toBeEnabled();
      await shot(page, '35-delete-connection-snapshots');
      await ask.getByRole('button', { name: 'Delete connection and 1 snapshot' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Deleted Shop' })).toBeVisible();
      expect(await admin.query('SELECT datname FROM pg_database WHERE datname = $1', [snapshot?.location])).toEqual([]);
    } finally {
      await app.stop();
    }
  } finally {
    await proxy.close();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    const left = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
    for (const { datname } of left) await admin.query(`DROP DATABASE ${quoteIdentifier(datname)} WITH (FORCE)`);
    await admin.close();
  }
});
