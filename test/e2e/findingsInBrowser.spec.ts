// Three findings of issue 13 as a user meets them in Chromium at 1280×720: a weak passphrase refused
// with its reason, two browser hosts on one machine keeping both logins, and a failing seed's file:line.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kdfFileName } from '../../src-main/store/keyProvider';
import { storePath } from '../../src-main/store/openStore';
import { newHome, serve } from './browserHost';

const passphrase = 'findings e2e passphrase';
/** How long a new store may take to open: scrypt on a loaded machine. */
const storeOpens = 30_000;

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function tryToCreate(page: Page, typed: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(typed);
  await page.getByLabel('Repeat passphrase').fill(typed);
  await page.getByRole('button', { name: 'Create store' }).click();
}

test('a weak passphrase is refused with the rule’s reason and creates nothing; a good one then creates the store', async ({ page }) => {
  const home = newHome();
  const app = await serve(home);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Create your Switchyard store' })).toBeVisible();
    await expect(page.getByText('At least 12 characters, 5 of them different')).toBeVisible();

    await tryToCreate(page, 'a');
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('The passphrase is too short: 1 of at least 12 characters.', { timeout: storeOpens });
    await expect(refusal).toContainText('No store was created.');
    await shot(page, '80-weak-passphrase-short');

    await tryToCreate(page, 'aaaaaaaaaaaaaa');
    await expect(refusal).toContainText('The passphrase repeats too few characters: use at least 5 different ones.', { timeout: storeOpens });
    await shot(page, '81-weak-passphrase-repeated');

    expect(existsSync(storePath(home))).toBe(false);
    expect(existsSync(join(home, kdfFileName))).toBe(false);
    // Still a new store as far as the app knows: a reload asks to create one, not to unlock one.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Create your Switchyard store' })).toBeVisible();

    await tryToCreate(page, passphrase);
    await expect(page.getByRole('heading', { name: 'No connections yet' })).toBeVisible({ timeout: storeOpens });
    expect(existsSync(storePath(home))).toBe(true);
  } finally {
    await app.stop();
  }
});

test('two browser hosts on one machine: logging into the second keeps the first logged in, both after a reload', async ({ context, page }) => {
  const first = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  const second = await serve(newHome(), { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(first.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click({ timeout: storeOpens });
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'demo');

    // Same browser, another tab, the other host's URL: its login is a cookie of the same machine.
    const other = await context.newPage();
    await other.goto(second.url);
    await expect(other.getByRole('heading', { name: 'No connections yet' })).toBeVisible({ timeout: storeOpens });

    await page.reload();
    await expect(page.locator('body')).not.toContainText('Unauthorized');
    const connections = page.getByRole('navigation', { name: 'Connections' });
    await connections.getByRole('button', { name: /^Demo/ }).click();
    // A reload opens on the Graph; the connection's own test is on its tab.
    await page.getByRole('tab', { name: 'Connection', exact: true }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.test-result')).toContainText('SQLite 3.');
    await shot(page, '82-two-hosts-first');

    await other.reload();
    await expect(other.locator('body')).not.toContainText('Unauthorized');
    await other.getByRole('button', { name: 'Try the demo database' }).click();
    await other.getByRole('button', { name: 'Test connection' }).click();
    await expect(other.locator('.test-result')).toContainText('SQLite 3.');
    await shot(other, '83-two-hosts-second');
  } finally {
    await first.stop();
    await second.stop();
  }
});

test('a failing seed says the seed file and the line of the failing statement on screen', async ({ page }) => {
  const home = newHome();
  const seed = join(home, 'client-seed.sql');
  // The failing statement is on line 5, after a statement that works, a blank line and a comment.
  writeFileSync(
    seed,
    '-- Data for the next client\nCREATE TABLE seed_notes (id integer);\n\n-- the table below was never made\nINSERT INTO no_such_table VALUES (1);\n',
  );
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click({ timeout: storeOpens });
    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    await page.getByLabel('Seed SQL file (optional)').fill(seed);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await page.getByLabel(/Type the database name/).fill('demo.sqlite');
    await page.getByRole('button', { name: 'Reset demo.sqlite' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'The reset stopped' })).toContainText('“Run the seed SQL”', { timeout: storeOpens });
    const failed = page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="failed"]');
    await expect(failed).toContainText('Run the seed SQL');
    await expect(failed).toContainText(/client-seed\.sql:5:1: .*no_such_table/);
    await expect(failed).toContainText('Nothing of the seed stays');
    await shot(page, '84-seed-failure-line');
  } finally {
    await app.stop();
  }
});
