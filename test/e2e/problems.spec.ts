// One summary of a connection's problems in Chromium at 1280×720: the Migrations tab counts what the
// Inventory shows, a table made by hand appears after Refresh, and the summary says when it was read;
// the Graph and Reset tabs show the same summary; an error leads with its sentence, its code behind Details.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { execSqlite } from '../support/sqliteFile';
import { newHome, serve } from './browserHost';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const problemsText = (count: number) => `${count} ${count === 1 ? 'problem' : 'problems'}`;

async function numberIn(locator: Locator): Promise<number> {
  return Number(await locator.textContent());
}

test('a table made by hand counts on the Migrations tab as on the Inventory after Refresh, with the moment it was read', async ({ page }) => {
  const home = newHome();
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: 'problems e2e passphrase' });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect(problems).toContainText(/As of \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} /);
    const card = page
      .locator('.status-card')
      .filter({ hasText: /problems?$/ })
      .locator('.status-number');
    const before = await numberIn(card);
    await expect(problems.locator('strong')).toHaveText(problemsText(before));

    execSqlite(join(home, 'demo', 'demo.sqlite'), 'CREATE TABLE made_by_hand (id integer)');
    await problems.getByRole('button', { name: 'Refresh' }).click();
    await expect(card).toHaveText(String(before + 1));
    await expect(problems.locator('strong')).toHaveText(problemsText(before + 1));
    await expect(problems).toContainText(/unexpected tables?/);
    await shot(page, '62-problems-migrations');

    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    const byStatus = page.getByRole('group', { name: 'Tables by status' });
    await expect(byStatus).toBeVisible();
    let shown = 0;
    for (const label of ['Missing', 'Unexpected', 'Will conflict'])
      shown += await numberIn(byStatus.getByRole('button', { name: label }).locator('.inventory-count-number'));
    // The Inventory shows the tables; the summary also counts the demo's three heads, one problem more.
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('several heads');
    expect(shown + 1).toBe(before + 1);
    await expect(page.getByRole('region', { name: 'Problems' }).locator('strong')).toHaveText(problemsText(before + 1));
    await shot(page, '62-problems-inventory');
  } finally {
    await app.stop();
  }
});

test('the Graph and Reset tabs show the one summary, counted as on Migrations, with the demo’s several heads in words', async ({ page }) => {
  const home = newHome();
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: 'problems e2e passphrase' });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    const tabs = page.getByRole('tablist', { name: 'Screens' });
    const problems = page.getByRole('region', { name: 'Problems' });

    await tabs.getByRole('tab', { name: 'Migrations', exact: true }).click();
    await expect(problems).toContainText(/As of /);
    await expect(problems).toContainText('several heads');
    const card = page
      .locator('.status-card')
      .filter({ hasText: /problems?$/ })
      .locator('.status-number');
    const count = await numberIn(card);
    expect(count).toBeGreaterThanOrEqual(1);

    await tabs.getByRole('tab', { name: 'Graph', exact: true }).click();
    await expect(problems.locator('strong')).toHaveText(problemsText(count));
    await expect(problems).toContainText('several heads');
    await expect(problems).toContainText(/As of /);
    const anomalies = page.locator('.graph-anomalies');
    await anomalies.locator('summary').click();
    await expect(anomalies.locator('.graph-tag.anomaly').first()).toHaveText('several heads');
    await expect(page.getByRole('region', { name: 'Graph' })).not.toContainText('multipleHeads');
    await shot(page, '63-problems-graph');

    await tabs.getByRole('tab', { name: 'Reset', exact: true }).click();
    await expect(problems.locator('strong')).toHaveText(problemsText(count));
    await expect(problems).toContainText('several heads');
    await shot(page, '63-problems-reset');
  } finally {
    await app.stop();
  }
});

test('an error leads with its sentence; its code waits behind Details', async ({ page }) => {
  const app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'problems e2e passphrase' });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Name').fill('Nobody listens');
    // Port 1 on the loopback: nothing listens there, so the server refuses at once.
    await page.getByLabel('Paste a postgres:// URI to fill the form').fill('postgres://shop@127.0.0.1:1/shopdb');
    await page.getByLabel('Paste a postgres:// URI to fill the form').press('Enter');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.locator('.test-result');
    await expect(result.locator('.error-sentence')).toContainText(/^Connection failed: \S/);
    await expect(result.locator('.error-sentence')).not.toContainText('E_');
    const code = result.getByText('E_CONNECTION_REFUSED', { exact: true });
    await expect(code).toBeHidden();
    await result.getByText('Details', { exact: true }).click();
    await expect(code).toBeVisible();
    await shot(page, '64-error-details');
  } finally {
    await app.stop();
  }
});
