// The connections screen end to end: real browser host, real store, real PostgreSQL.
import { expect, test, type Page } from '@playwright/test';
import { newHome, postgresUnderTest, serve, type ServedApp } from './browserHost';

const passphrase = 'e2e passphrase — long enough';
/** How long a new store may take to open: scrypt, and on first run the demo, on a loaded machine. */
const storeOpens = 30_000;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe('connections', () => {
  // One host for the group: the store is created once, then stays unlocked for the later tests.
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome());
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('creates the store, then a profile is created, tested, edited to prod, and deleted', async ({ page }) => {
    const pg = postgresUnderTest();
    await page.goto(app.url);
    // The token is traded for a cookie and leaves the address bar.
    await expect(page).not.toHaveURL(/token=/);

    await expect(page.getByRole('heading', { name: 'Create your Switchyard store' })).toBeVisible();
    await shot(page, '01-create-store');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Create store' }).click();

    // Stretching the passphrase (scrypt) takes seconds on a busy 2-core machine: wait as a user would.
    await expect(page.getByRole('heading', { name: 'No connections yet' })).toBeVisible({ timeout: storeOpens });
    await shot(page, '02-empty-state');

    await page.getByRole('button', { name: 'Add a connection' }).click();
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByText('Name is required')).toBeVisible();
    await expect(page.getByText('Database is required')).toBeVisible();

    await page.getByLabel('Name').fill('Orders DB');
    await page
      .getByLabel('Paste a postgres:// URI to fill the form')
      .fill(`postgres://${pg.user}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/postgres`);
    await page.getByLabel('Paste a postgres:// URI to fill the form').press('Enter');
    await expect(page.getByLabel('Port')).toHaveValue(String(pg.port));
    await expect(page.getByLabel('Database')).toHaveValue('postgres');

    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.locator('.test-result');
    await expect(result).toContainText('Connected');
    await expect(result).toContainText('PostgreSQL 18');
    await expect(result).toContainText('May create databases');
    await shot(page, '03-form-tested');

    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Orders DB' })).toBeVisible();
    const sidebar = page.getByRole('navigation', { name: 'Connections' });
    await expect(sidebar.getByRole('button', { name: /Orders DB/ })).toBeVisible();
    // The password was stored and is never sent back: the form shows it as stored, the field empty.
    await expect(page.getByLabel(/Password \(stored/)).toHaveValue('');

    // A saved profile tests with its stored password.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.test-result')).toContainText('Connected');

    await page.getByLabel('Environment').selectOption('prod');
    await page.getByLabel('Name').fill('Orders DB — production');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const band = page.locator('.env-band');
    await expect(band).toHaveAttribute('data-environment', 'prod');
    await expect(band).toContainText('PRODUCTION — Orders DB — production');
    await expect(band).toHaveCSS('background-image', /rgb\(224, 49, 49\)/);
    await expect(sidebar.getByRole('region', { name: 'prod connections' }).getByText('Production', { exact: true })).toBeVisible();
    await shot(page, '04-prod-band');

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Delete “Orders DB — production”?');
    await shot(page, '05-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete connection' }).click();
    await expect(sidebar.getByRole('button', { name: /Orders DB/ })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No connections yet' })).toBeVisible();
  });

  test('a failing test says why, in place', async ({ page }) => {
    const pg = postgresUnderTest();
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Name').fill('Wrong password');
    await page.getByLabel('Paste a postgres:// URI to fill the form').fill(`postgres://${pg.user}:not-the-password@${pg.host}:${pg.port}/postgres`);
    await page.getByLabel('Paste a postgres:// URI to fill the form').press('Enter');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.locator('.test-result');
    await expect(result).toContainText('Connection failed');
    await expect(result).toContainText('E_AUTH_FAILED');
    await expect(result).toContainText(`Wrong password for user "${pg.user}"`);
    await expect(result).not.toContainText('not-the-password');
  });

  test('the demo connection is one click from the empty state', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'demo');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.test-result')).toContainText('SQLite 3.');
    await shot(page, '06-demo');
  });
});

test('a wrong passphrase is refused with a clear message and the store stays usable', async ({ page }) => {
  const home = newHome();
  const first = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  await first.stop();
  const app = await serve(home);
  try {
    await page.goto(app.url);
    await page.getByLabel('Passphrase', { exact: true }).fill('not it');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
    await shot(page, '00-unlock-wrong');
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'No connections yet' })).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('the page refuses to load without the token', async ({ page }) => {
  const app = await serve(newHome());
  try {
    const response = await page.goto(app.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('Unauthorized');
  } finally {
    await app.stop();
  }
});

test('the first run opens the demo workspace: its graph, with applied and pending branches', async ({ page }) => {
  const app = await serve(newHome(), { SWITCHYARD_DEMO: 'on' });
  try {
    await page.goto(app.url);
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Create store' }).click();
    // The store is made (scrypt) and the demo with its pristine snapshot built before the band shows.
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'demo', { timeout: storeOpens });
    await expect(page.getByRole('tab', { name: 'Graph', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('17 applied')).toBeVisible();
    await expect(page.getByText('23 pending')).toBeVisible();
    await shot(page, '07-first-run-demo');
    // It comes with sample rows, so sizes, counts and what a reset destroys are real.
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    await expect(page.getByRole('row', { name: /\bdocuments\b/ })).toContainText('400');
    await page.getByLabel('Filter by name').fill('tasks');
    await expect(page.getByRole('row', { name: /\btasks\b/ })).toContainText('1,200');
  } finally {
    await app.stop();
  }
});
