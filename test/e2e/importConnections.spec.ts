// Importing and exporting connections, and the store's backup and restore, in Chromium through the
// browser host: a pgAdmin servers.json chosen through the file input, previewed (its SSH route and what
// is left out said) and imported; the set exported as an encrypted bundle, downloaded, and imported
// into a colleague's fresh Switchyard with its passphrase; a backup written and a restore refused while a
// second `switchyard serve` holds the store, then done once it has gone. axe on the new dialogs only.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'import connections e2e passphrase';
const bundlePassphrase = 'a bundle for my colleague to open';

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function opened(page: Page, app: ServedApp): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();
}

test.describe('importing and exporting connections', () => {
  test.describe.configure({ mode: 'serial' });
  let mine: ServedApp;
  let colleague: ServedApp;
  let bundleFile: string;

  test.beforeAll(async () => {
    mine = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase }, [], { store: 'asServed' });
  });
  test.afterAll(async () => {
    await mine.stop();
    await colleague?.stop();
  });

  test('imports a pgAdmin servers.json chosen through the file input, after a preview that says what comes and what does not', async ({ page }) => {
    await opened(page, mine);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import connections' });
    await dialog.getByLabel('File', { exact: true }).setInputFiles(resolve('test/fixtures/profileImport/servers.json'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('Read as a pgAdmin servers.json')).toBeVisible();
    const rows = dialog.getByRole('region', { name: 'Connections in the file' }).getByRole('row');
    await expect(rows.filter({ hasText: 'orders (prod)' })).toContainText('db1.example.internal:5433/orders');
    await expect(rows.filter({ hasText: 'legacy' })).toContainText('dba@bastion.example.internal (key file, host key to accept at the first test)');
    await expect(dialog.getByRole('list', { name: 'Could not be read' })).toContainText('by service');
    expect(await violations(page, ['dialog.transfer'])).toEqual([]);
    await shoot(page, 'import-preview');

    await dialog.getByRole('button', { name: /^Import \d+ connections?$/ }).click();
    await expect(dialog.getByRole('status')).toContainText('Imported 2 connections: orders (prod), legacy.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const list = page.getByRole('navigation', { name: 'Connections' });
    await expect(list.getByRole('button', { name: /orders \(prod\)/ })).toBeVisible();
    await expect(list.getByRole('button', { name: /legacy/ })).toBeVisible();
    // Escape-closed dialogs give the focus back to what opened them.
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Import…' })).toBeFocused();
  });

  test('exports them as an encrypted bundle that a colleague’s Switchyard imports with the passphrase', async ({ page }, testInfo) => {
    await opened(page, mine);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export connections' });
    await dialog.getByLabel('Bundle passphrase').fill(bundlePassphrase);
    await dialog.getByLabel('Repeat the passphrase').fill('not the same');
    await expect(dialog.getByText('The passphrases do not match.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Export 2 connections' })).toBeDisabled();
    await dialog.getByLabel('Repeat the passphrase').fill(bundlePassphrase);
    expect(await violations(page, ['dialog.transfer'])).toEqual([]);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export 2 connections' }).click();
    bundleFile = testInfo.outputPath('connections.switchyard-bundle.json');
    await (await download).saveAs(bundleFile);
    await expect(dialog.getByRole('status')).toContainText('Saved connections.switchyard-bundle.json with 2 connections (encrypted, with passwords)');
    await dialog.getByRole('button', { name: 'Close' }).click();

    colleague = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'the colleague store passphrase' }, [], { store: 'asServed' });
    await opened(page, colleague);
    await page.getByRole('button', { name: 'Import…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import connections' });
    await importing.getByLabel('File', { exact: true }).setInputFiles(bundleFile);
    await importing.getByLabel('Bundle passphrase').fill('a wrong bundle passphrase');
    await importing.getByRole('button', { name: 'Preview' }).click();
    await expect(importing.getByRole('alert')).toContainText('passphrase is wrong');
    await importing.getByLabel('Bundle passphrase').fill(bundlePassphrase);
    await importing.getByRole('button', { name: 'Preview' }).click();
    await expect(importing.getByText('Read as a Switchyard bundle')).toBeVisible();
    await expect(importing.getByRole('row').filter({ hasText: 'legacy' })).toContainText('dba@bastion.example.internal');
    await shoot(page, 'import-bundle-preview');
    await importing.getByRole('button', { name: 'Import 2 connections' }).click();
    await expect(importing.getByRole('status')).toContainText('Imported 2 connections');
    await importing.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /orders \(prod\)/ })).toBeVisible();
  });
});

test.describe('the store’s backup and restore from the app', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase }, [], { store: 'asServed' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('backs up, refuses a restore while another switchyard serve holds the store (naming it), then restores once it has gone', async ({ page }, testInfo) => {
    await opened(page, app);
    await page.getByRole('button', { name: 'Import…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import connections' });
    await importing.getByLabel('Or paste its text').fill('postgres://app@kept.example.internal:5432/kept');
    await importing.getByRole('button', { name: 'Preview' }).click();
    await importing.getByRole('button', { name: 'Import 1 connection' }).click();
    await importing.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Store and security…' }).click();
    const settings = page.getByRole('dialog', { name: 'Store and security' });
    await expect(settings).toContainText('opens with a master passphrase');
    expect(await violations(page, ['dialog.store-security'])).toEqual([]);
    await shoot(page, 'store-security');
    const file = testInfo.outputPath('store.backup');
    await settings.getByLabel('Back up to (full path of the file)').fill(file);
    await settings.getByRole('button', { name: 'Back up…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Back up the store?' });
    await confirm.getByRole('button', { name: 'Back up', exact: true }).click();
    await expect(settings.getByRole('status')).toContainText(`Backed up the store to ${file}`);
    expect(existsSync(`${file}.keys.json`)).toBe(true);
    await settings.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Import…' }).click();
    await importing.getByLabel('Or paste its text').fill('postgres://app@after.example.internal:5432/after');
    await importing.getByRole('button', { name: 'Preview' }).click();
    await importing.getByRole('button', { name: 'Import 1 connection' }).click();
    await importing.getByRole('button', { name: 'Close' }).click();
    const list = page.getByRole('navigation', { name: 'Connections' });
    await expect(list.getByRole('button', { name: /after\.example\.internal/ })).toBeVisible();

    const second = await serve(app.home, { SWITCHYARD_PASSPHRASE: passphrase }, [], { store: 'asServed' });
    try {
      await page.getByRole('button', { name: 'Store and security…' }).click();
      await settings.getByLabel('Backup file (full path)').fill(file);
      await settings.getByLabel('The passphrase the store had when it was backed up').fill(passphrase);
      await settings.getByRole('button', { name: 'Restore…' }).click();
      await page.getByRole('dialog', { name: 'Replace the store with the backup?' }).getByRole('button', { name: 'Restore', exact: true }).click();
      const refused = settings.getByRole('alert');
      await expect(refused).toContainText('The store is open in switchyard serve');
      await expect(refused.getByRole('list', { name: 'Has the store open' })).toContainText('switchyard serve (pid');
      expect(await violations(page, ['dialog.store-security'])).toEqual([]);
      await shoot(page, 'store-restore-refused');
    } finally {
      await second.stop();
    }
    await settings.getByLabel('The passphrase the store had when it was backed up').fill(passphrase);
    await settings.getByRole('button', { name: 'Restore…' }).click();
    await page.getByRole('dialog', { name: 'Replace the store with the backup?' }).getByRole('button', { name: 'Restore', exact: true }).click();
    // A restore derives the key three times (the backup, the store closed, the store opened again): seconds on a loaded machine.
    await expect(settings.getByRole('status')).toContainText(`Restored the store from ${file}. The store it replaced is kept in`, { timeout: 60_000 });
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(list.getByRole('button', { name: /kept\.example\.internal/ })).toBeVisible();
    await expect(list.getByRole('button', { name: /after\.example\.internal/ })).toHaveCount(0);
  });
});
