// One summary of a connection's problems in Chromium at 1280×720: the Migrations tab counts what the
// Inventory shows, a table made by hand appears after Refresh, and the summary says when it was read.
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
    expect(shown).toBe(before + 1);
    await expect(page.getByRole('region', { name: 'Problems' }).locator('strong')).toHaveText(problemsText(before + 1));
    await shot(page, '62-problems-inventory');
  } finally {
    await app.stop();
  }
});
