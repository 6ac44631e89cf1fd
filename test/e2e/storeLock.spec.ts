// Locking the store end to end (Chromium, the browser host): Lock now in the window, and
// `switchyard store lock` from a terminal reaching the running host; each time the window asks for
// the passphrase again and opens with it.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'store lock e2e passphrase';

async function unlockAgain(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock Switchyard' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();
}

test.describe('locking the store', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase }, [], { store: 'asServed' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('Lock now closes the store: the window asks for the passphrase and opens with it', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlockAgain(page);
    await expect(page.getByRole('combobox', { name: /^Lock/ })).toHaveValue('15');
  });

  test('switchyard store lock in a terminal locks the running host, and its window asks again', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();
    const locked = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), 'store', 'lock'], {
      env: { ...process.env, SWITCHYARD_HOME: app.home },
      encoding: 'utf8',
    });
    expect(locked.stdout).toContain('Locked the store in 1 process: switchyard serve');
    await unlockAgain(page);
  });
});
