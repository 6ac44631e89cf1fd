// The small things a new user trips over, end to end at 1280×720: moments in one human format with
// their zone (a US-locale browser in Berlin), done-it banners that go away and say what they mean,
// and a typed (not pasted) URI that fills the form.
import { expect, test, type Page } from '@playwright/test';
import { newHome, serve, type ServedApp } from './browserHost';

/** "1 Dec 2026, 05:43:10 CET": the day, the month in words, 24-hour time and the zone. */
const humanMoment = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)$/;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/finish-${name}.png`, fullPage: true });
}

test.describe('finish', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: { width: 1280, height: 720 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'finish e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('applied-at and Activity show moments in one human format with the time zone, not ISO or US order', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    const tabs = page.getByRole('tablist', { name: 'Screens' });

    await tabs.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const applied = page.getByRole('region', { name: 'Applied' }).locator('tbody tr').first().locator('td').nth(1);
    await expect(applied).toHaveText(humanMoment);
    await shot(page, 'applied-at');

    await tabs.getByRole('tab', { name: 'Activity', exact: true }).click();
    const when = page.getByRole('tabpanel', { name: 'Activity' }).locator('tbody tr').first().locator('td').first();
    await expect(when).toHaveText(humanMoment);
    await shot(page, 'activity');
  });

  test('a typed URI fills the form when its field is left, as its hint says', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await expect(page.getByText('Or type one: the form is filled when you press Enter or leave this field.')).toBeVisible();
    await page.getByLabel('Name').fill('Shop PROD');
    await page.getByLabel('Paste a postgres:// URI to fill the form').pressSequentially('postgres://shop@db.example:6543/shopdb');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Host')).toHaveValue('db.example');
    await expect(page.getByLabel('Port')).toHaveValue('6543');
    await expect(page.getByLabel('Database')).toHaveValue('shopdb');
    await expect(page.getByLabel('User')).toHaveValue('shop');
    await shot(page, 'typed-uri');
  });

  test('"Saved" says when no project is bound, and goes away at the next action', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Name').fill('Shop staging');
    await page.getByLabel('Paste a postgres:// URI to fill the form').fill('postgres://shop@db.example:6543/shopdb');
    await page.getByLabel('Paste a postgres:// URI to fill the form').press('Enter');
    await page.getByRole('button', { name: 'Save connection' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Saved Shop staging' });
    await expect(saved).toHaveText('Saved Shop staging — no project bound');
    await shot(page, 'saved');

    await page.getByRole('tablist', { name: 'Screens' }).getByRole('tab', { name: 'Connection', exact: true }).click();
    await expect(saved).toBeVisible();
    await page.getByLabel('Notes').fill('ready for the release');
    await expect(saved).toBeHidden();
  });
});
