// A connection through an SSH tunnel from the app, in Chromium: a real OpenSSH server in front of the
// test PostgreSQL (test/support/sshd.ts), the SSH section of the connection form filled, the host key
// shown on first contact and accepted, each hop of the tunnel listed, the key pinned once saved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { currentUser, keyPair, startSshd, type KeyPair, type Sshd } from '../support/sshd';
import { violations } from './axe';
import { newHome, postgresUnderTest, serve, type ServedApp } from './browserHost';

const passphrase = 'e2e passphrase — long enough';
/** How long a new store may take to open: scrypt on a loaded machine. */
const storeOpens = 30_000;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test.describe('a connection through an SSH tunnel', () => {
  let app: ServedApp;
  let sshd: Sshd;
  let key: KeyPair;
  let keys: string;

  test.beforeAll(async () => {
    keys = mkdtempSync(join(tmpdir(), 'switchyard-e2e-ssh-'));
    key = await keyPair(keys, 'id_ed25519');
    sshd = await startSshd({ authorizedKeys: [key.publicKey] });
    // A HOME of its own: the machine's ~/.ssh/known_hosts must not vouch for the test's host.
    app = await serve(newHome(), { HOME: keys });
  });
  test.afterAll(async () => {
    await app?.stop();
    await sshd?.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  test('shows the host key on first contact, tests through the tunnel once it is accepted, and keeps it pinned', async ({ page }) => {
    const pg = postgresUnderTest();
    await page.goto(app.url);
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Create store' }).click();
    await page.getByRole('button', { name: 'Add a connection' }).click({ timeout: storeOpens });

    await page.getByLabel('Name').fill('Orders behind the bastion');
    const uri = page.getByLabel('Paste a postgres:// URI to fill the form');
    await uri.fill(`postgres://${pg.user}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/postgres`);
    await uri.press('Enter');
    await page.getByRole('button', { name: 'Add an SSH host' }).click();
    const hop = page.getByRole('group', { name: 'SSH host 1' });
    await hop.getByLabel('SSH host').fill('127.0.0.1');
    await hop.getByLabel('SSH port').fill(String(sshd.port));
    await hop.getByLabel('SSH user').fill(currentUser);
    await hop.getByLabel('Private key file').fill(key.privateKey);
    await expect(hop).toContainText('Not accepted yet');

    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.locator('.test-result');
    await expect(result).toContainText('Connection failed', { timeout: 20_000 });
    await expect(result).toContainText(sshd.hostKey);
    await shot(page, 'ssh-01-host-key-shown');
    expect(await violations(page)).toEqual([]);

    await result.getByRole('button', { name: `Accept the key of 127.0.0.1:${sshd.port}` }).click();
    await expect(result).toContainText('Connected', { timeout: 20_000 });
    await expect(result.getByRole('list', { name: 'SSH tunnel' }).getByRole('listitem')).toHaveText([
      new RegExp(`^Reached ${currentUser}@127\\.0\\.0\\.1:${sshd.port} — ED25519 key ${sshd.hostKey.replace(/[+/]/g, '\\$&')} \\(accepted\\)$`),
      `Signed in ${currentUser}@127.0.0.1:${sshd.port} — key ${key.privateKey}`,
      `Forwarded ${pg.host}:${pg.port} — through ${currentUser}@127.0.0.1:${sshd.port}`,
    ]);
    await expect(hop.getByText(sshd.hostKey)).toBeVisible();
    await shot(page, 'ssh-02-tested-through-tunnel');

    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Orders behind the bastion' })).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.test-result')).toContainText('Connected', { timeout: 20_000 });
    await expect(page.getByRole('group', { name: 'SSH host 1' }).getByText(sshd.hostKey)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await shot(page, 'ssh-03-saved');
  });
});
