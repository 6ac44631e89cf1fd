// The Graph tab end to end on the demo workspace: lanes and status, search, branch filter, the
// revision panel, an upgrade from the panel through the run dialog, and two environments compared.
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newHome, serve, type ServedApp } from './browserHost';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const row = (page: Page, id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });

test.describe('graph', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    app = await serve(home, { SWITCHYARD_PASSPHRASE: 'graph e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('the demo shows its heads and pending branches; search, branch filter and details work; an upgrade from the panel turns rows applied', async ({
    page,
  }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();

    const status = page.getByRole('status', { name: 'Database status' });
    await expect(status).toContainText('17 applied');
    await expect(status).toContainText('23 pending');
    await expect(status).toContainText('pending branches:');
    for (const head of ['llm_014_model_routing', '20260113_security', 'version_lineage_004']) {
      await expect(status.getByRole('button', { name: new RegExp(`^${head} \\(`) })).toBeVisible();
      await expect(row(page, head).locator('.graph-tag.head')).toHaveText('head');
      await expect(row(page, head).locator('.graph-status')).toHaveText('pending');
    }
    await expect(row(page, 'version_lineage_001').locator('.graph-status')).toHaveText('current');
    await expect(row(page, '006_add_rbac_tables').locator('.graph-status')).toHaveText('current');
    await expect(row(page, '007_add_audit_integrity_support').locator('.graph-tag.merge')).toHaveText('merge');
    await shot(page, '20-graph-demo');

    // `/` jumps to the search box; the first match is selected.
    await page.getByRole('listbox', { name: 'Revisions' }).focus();
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search revisions')).toBeFocused();
    await page.keyboard.type('text_to_sql');
    await expect(page.getByText('6 matches')).toBeVisible();
    await expect(row(page, 'text_to_sql_001')).toHaveAttribute('aria-selected', 'true');
    await shot(page, '21-graph-search');

    // Arrow keys move the selection up the graph (towards newer revisions), Enter opens the details.
    await page.getByRole('listbox', { name: 'Revisions' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(row(page, 'text_to_sql_001')).toHaveAttribute('aria-selected', 'false');
    // Searching by message scrolls the oldest revision into view.
    await page.getByLabel('Search revisions').fill('initial schema');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, 'd01fd5049733').locator('.graph-status')).toHaveText('applied');
    await expect(row(page, 'd01fd5049733').locator('.graph-tag.base')).toHaveText('base');
    await page.getByLabel('Search revisions').fill('');

    await page.getByLabel('Show branch').selectOption('label:lineage');
    const options = page.getByRole('listbox', { name: 'Revisions' }).getByRole('option');
    await expect(options).toHaveCount(4);
    await expect(row(page, 'version_lineage_004')).toBeVisible();
    await expect(row(page, 'llm_014_model_routing')).toHaveCount(0);
    await shot(page, '22-graph-branch-filter');
    await page.getByLabel('Show branch').selectOption('');

    // Home goes to the newest revision, Enter opens its details.
    await page.getByRole('listbox', { name: 'Revisions' }).focus();
    await page.keyboard.press('Home');
    await expect(row(page, 'version_lineage_004')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Revision details' });
    await expect(panel).toContainText('add lineage retention policies');
    await expect(panel).toContainText('creates lineage_retention_policies');
    await expect(panel).toContainText('040_version_lineage_004.sql:1');
    await expect(panel.getByRole('region', { name: 'Up SQL' })).toContainText('CREATE TABLE lineage_retention_policies');
    await expect(panel.getByRole('region', { name: 'Down SQL' })).toContainText('DROP TABLE lineage_retention_policies;');
    await expect(panel.getByRole('region', { name: 'Up SQL' }).locator('.sql-keyword').first()).toHaveText('CREATE');
    await expect(panel.getByRole('region', { name: 'Lint findings' })).toContainText('prefer-robust-stmts');
    await expect(panel).toContainText('pending');
    await shot(page, '23-graph-details');

    await panel.getByRole('button', { name: 'Upgrade to here' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText('5 revisions, in this order');
    await dialog.getByRole('button', { name: 'Upgrade 5 revisions' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Done: 5 revisions' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(status).toContainText('22 applied');
    await expect(row(page, 'version_lineage_004').locator('.graph-status')).toHaveText('current');
    await expect(row(page, 'version_lineage_003').locator('.graph-status')).toHaveText('applied');
    await expect(row(page, '20260113_mtw').locator('.graph-status')).toHaveText('applied');
    await expect(panel).toContainText('applied');
    await expect(status.getByRole('button', { name: /^version_lineage_004 \(/ })).toHaveCount(0);
    await shot(page, '24-graph-upgraded');
  });

  test('compares two connections bound to the demo project and says what would bring one level with the other', async ({ page }) => {
    const staging = join(home, 'staging.sqlite');
    writeFileSync(staging, '');
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Name').fill('Demo staging');
    await page.getByLabel('Environment').selectOption('staging');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(staging);
    await page.getByLabel(/Migration project folder/).fill(resolve('assets/demo'));
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Demo staging' })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /^Demo\b(?! staging)/ })
      .click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await page.getByRole('button', { name: 'Compare environments' }).click();
    const compare = page.getByRole('region', { name: 'Compare environments' });
    await compare.getByLabel('Demo staging').check();
    await expect(row(page, 'version_lineage_003').locator('[data-column="Demo staging"]')).toHaveText('pending');
    await expect(row(page, 'version_lineage_003').locator('[data-column="Demo"]')).toHaveText('applied');

    await compare.getByLabel('Environment to bring level').selectOption({ label: 'Demo staging' });
    await compare.getByLabel('Environment to match').selectOption({ label: 'Demo' });
    await expect(compare.getByRole('status')).toContainText('apply 22: d01fd5049733, security_001');
    await expect(row(page, 'version_lineage_004')).toHaveClass(/gap/);
    await expect(row(page, 'llm_014_model_routing')).not.toHaveClass(/gap/);
    await shot(page, '25-graph-compare');

    // One upgrade per head the demo stands at brings staging level with it.
    const upgrades = compare.getByRole('button', { name: /^Upgrade Demo staging to / });
    const heads = await upgrades.count();
    expect(heads).toBeGreaterThan(1);
    for (let i = 0; i < heads; i += 1) {
      await upgrades.first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Upgrade \d+ revisions?$/ }).click();
      await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible();
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await expect(compare.getByRole('status')).toHaveText('Already level.');
    await expect(row(page, 'version_lineage_003').locator('[data-column="Demo staging"]')).toHaveText('applied');
  });
});
