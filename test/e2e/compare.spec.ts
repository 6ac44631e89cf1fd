// Compare environments on the Graph tab: a compared environment can be unticked at any time, a
// comparison stays with the connection it was made on, and the column heads sit over their columns.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { connect } from '../../src-main/drivers/connect';
import { applyByHand, writeNativeProject } from '../support/nativeProject';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'compare e2e passphrase';

const row = (page: Page, id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });
const heads = (page: Page) => page.getByRole('group', { name: 'Compared environments' });

async function sqliteAt(path: string, projectDir: string, applied: string[]): Promise<void> {
  const driver = await connect(
    { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: false },
    { create: true },
  );
  try {
    await applyByHand(driver, projectDir, applied);
  } finally {
    await driver.close();
  }
}

function addProfile(home: string, name: string, env: string, path: string, projectDir: string): void {
  const added = spawnSync(
    process.execPath,
    [resolve('bin/switchyard.mjs'), 'profiles', 'add', '--name', name, '--env', env, '--engine', 'sqlite', '--sqlite-path', path, '--project', projectDir],
    { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase }, encoding: 'utf8' },
  );
  expect(added.status, added.stderr).toBe(0);
}

async function openGraphOf(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Connections' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
  await expect(row(page, 'm001')).toBeVisible();
}

test.describe('compare environments', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;

  test.beforeAll(async () => {
    const home = newHome();
    const shop = join(home, 'shop');
    writeNativeProject(shop, [
      { id: 'm001', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY);' },
      { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
      { id: 'm003', parents: ['m002'], message: 'invoices', up: 'CREATE TABLE invoices (id INTEGER PRIMARY KEY);' },
    ]);
    const levels: Array<[string, string, string[]]> = [
      ['Shop dev', 'dev', ['m001', 'm002', 'm003']],
      ['Shop staging', 'staging', ['m001', 'm002']],
      ['Shop prod', 'prod', ['m001']],
    ];
    for (const [name, env, applied] of levels) {
      const path = join(home, `${env}.sqlite`);
      await sqliteAt(path, shop, applied);
      addProfile(home, name, env, path, shop);
    }
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('a compared environment is unticked from its column head after the panel is closed', async ({ page }) => {
    await page.goto(app.url);
    await openGraphOf(page, 'Shop dev');
    await page.getByRole('button', { name: 'Compare environments' }).click();
    await page.getByRole('region', { name: 'Compare environments' }).getByLabel('Shop staging').check();
    await expect(row(page, 'm003').locator('[data-column="Shop staging"]')).toHaveText('pending');
    await page.getByRole('button', { name: 'Compare environments' }).click();
    await expect(page.getByRole('region', { name: 'Compare environments' })).toHaveCount(0);

    await heads(page).getByRole('button', { name: 'Stop comparing Shop staging' }).click();
    await expect(row(page, 'm003').locator('[data-column="Shop staging"]')).toHaveCount(0);
    await expect(heads(page)).toHaveCount(0);
    // Ticked off there, it is unticked in the panel too.
    await page.getByRole('button', { name: 'Compare environments' }).click();
    await expect(page.getByRole('region', { name: 'Compare environments' }).getByLabel('Shop staging')).not.toBeChecked();
  });

  test('a comparison stays with the connection it was made on', async ({ page }) => {
    await page.goto(app.url);
    await openGraphOf(page, 'Shop dev');
    await page.getByRole('button', { name: 'Compare environments' }).click();
    await page.getByRole('region', { name: 'Compare environments' }).getByLabel('Shop staging').check();
    await expect(row(page, 'm003').locator('[data-column="Shop staging"]')).toHaveText('pending');

    await openGraphOf(page, 'Shop prod');
    await expect(row(page, 'm001').locator('[data-column="Shop prod"]')).toHaveText('current');
    await expect(row(page, 'm003').locator('[data-column="Shop staging"]')).toHaveCount(0);
    await expect(heads(page)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Compare environments' }).getByLabel('Shop staging')).not.toBeChecked();

    await openGraphOf(page, 'Shop dev');
    await expect(row(page, 'm003').locator('[data-column="Shop staging"]')).toHaveText('pending');
    await expect(heads(page).getByText('Shop staging')).toBeVisible();
  });

  test('says why nothing is offered when the environment to bring level is ahead, or is the one to match', async ({ page }) => {
    await page.goto(app.url);
    await openGraphOf(page, 'Shop dev');
    await page.getByRole('button', { name: 'Compare environments' }).click();
    const panel = page.getByRole('region', { name: 'Compare environments' });
    await panel.getByLabel('Shop staging').check();
    await panel.getByLabel('Environment to bring level').selectOption({ label: 'Shop dev' });
    await panel.getByLabel('Environment to match').selectOption({ label: 'Shop staging' });
    await expect(panel.getByRole('status')).toHaveText('revert 1: m003');
    await expect(panel).toContainText(
      'Shop dev has a revision Shop staging does not. Reverting is not offered here: use “Downgrade to here” on Shop dev’s Graph tab',
    );
    await expect(panel.getByRole('button', { name: /^Upgrade / })).toHaveCount(0);

    await panel.getByLabel('Environment to match').selectOption({ label: 'Shop dev' });
    await expect(panel.getByRole('status')).toHaveCount(0);
    await expect(panel).toContainText('Pick two different environments: one is always level with itself.');
    await expect(panel).not.toContainText('Reverting is not offered');
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    test(`the column heads sit over their columns at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(app.url);
      await openGraphOf(page, 'Shop dev');
      await page.getByRole('button', { name: 'Compare environments' }).click();
      const panel = page.getByRole('region', { name: 'Compare environments' });
      for (const name of ['Shop staging', 'Shop prod']) if (!(await panel.getByLabel(name).isChecked())) await panel.getByLabel(name).check();
      await expect(row(page, 'm002').locator('[data-column="Shop prod"]')).toHaveText('pending');
      await page.screenshot({ path: `test-results/screens/compare-${viewport.width}x${viewport.height}.png`, fullPage: true });

      const columns = ['Shop dev', 'Shop staging', 'Shop prod'];
      const boxes = [];
      for (const name of columns) {
        const head = await heads(page).locator(`[data-column="${name}"]`).boundingBox();
        const cell = await row(page, 'm002').locator(`[data-column="${name}"]`).boundingBox();
        expect(head, name).not.toBeNull();
        expect(cell, name).not.toBeNull();
        if (!head || !cell) return;
        // Each head spans its own column: it starts where the column starts and is as wide, within a pixel.
        expect(Math.abs(head.x - cell.x), `${name} starts over its column`).toBeLessThanOrEqual(1);
        expect(Math.abs(head.width - cell.width), `${name} is as wide as its column`).toBeLessThanOrEqual(1);
        boxes.push(head);
      }
      for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
      // Every name is readable in full: not cut off inside its head.
      for (const name of columns) {
        const clipped = await heads(page)
          .locator(`[data-column="${name}"] .graph-column-name`)
          .evaluate((element) => element.scrollWidth > element.clientWidth);
        expect(clipped, `${name} is shown in full`).toBe(false);
      }
    });
  }
});
