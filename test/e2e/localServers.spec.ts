// Local servers from the app at 1280×720, as a consultant sets up an offline demo: a PostgreSQL server
// created by name under the connections, its connection appearing and reaching it, stopped, and
// removed only after its name is typed — with axe's WCAG 2 A and AA rules on the panel and the dialog.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { violations } from './axe';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'local servers e2e passphrase';
const name = 'Client demo';

test.describe('local servers', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
    // However the test ended, the server it made does not keep running (a no-op once removed).
    spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), 'local', 'remove', name, '--yes'], {
      env: { ...process.env, SWITCHYARD_HOME: app.home, SWITCHYARD_PASSPHRASE: passphrase },
    });
  });

  test('creates a local server from the app, whose connection reaches it, stops it and removes it after its name is typed', async ({ page }) => {
    test.setTimeout(4 * 60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    const connections = page.getByRole('navigation', { name: 'Connections' });
    await connections.getByText('Local servers', { exact: true }).click();
    await expect(connections.getByText('None yet: a PostgreSQL server on this machine')).toBeVisible();

    await connections.getByLabel('New local server').fill(name);
    await connections.getByRole('button', { name: 'Create' }).click();
    const servers = connections.getByRole('list', { name: 'Local servers' });
    await expect(servers.getByRole('listitem')).toContainText(/running on port \d+ · \d+(\.\d+)? MB/, { timeout: 120_000 });
    // Its connection is listed and selected, pointed at the server's own database.
    await expect(connections.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-current', 'true');
    await expect(page.getByLabel('Host', { exact: true })).toHaveValue('127.0.0.1');
    await expect(page.getByLabel('Database', { exact: true })).toHaveValue('client_demo');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toContainText('postgres', { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/local-servers.png', fullPage: true });

    await servers.getByRole('button', { name: `Stop ${name}` }).click();
    await expect(servers.getByRole('listitem')).toContainText(/stopped \(port \d+\)/, { timeout: 60_000 });
    await expect(servers.getByRole('button', { name: `Start ${name}` })).toBeEnabled();

    await servers.getByRole('button', { name: `Remove ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove the local server “${name}”?` });
    const confirm = dialog.getByRole('button', { name: 'Remove server and delete its data' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the local server's name to confirm").fill('client demo');
    await expect(confirm).toBeDisabled();
    expect(await violations(page)).toEqual([]);
    await dialog.getByLabel("Type the local server's name to confirm").fill(name);
    await confirm.click();
    await expect(connections.getByText('None yet: a PostgreSQL server on this machine')).toBeVisible({ timeout: 60_000 });
    await expect(connections.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveCount(0);
  });
});
