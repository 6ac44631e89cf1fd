// Where the keyboard is after a dialog or a save, at 1280×720: a confirmation and the run dialog give the
// focus back to the button that opened them (to the screen's heading when the run disabled it), and Save leaves it on the saved form, so a keyboard user goes
// on from there instead of from the top of the page. Also the graph's summary of a one-revision project.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { newHome, serve, type ServedApp } from './browserHost';
import { tabTo } from './keyboard';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/keyboardFocus-${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1280, height: 720 } });

const passphrase = 'keyboard focus e2e passphrase';

test.describe('keyboard focus', () => {
  let app: ServedApp;
  let home: string;

  test.beforeAll(async () => {
    home = newHome();
    writeNativeProject(join(home, 'project'), [
      { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
    ]);
    // Made by the CLI, so each test here stands on its own: the form's own save is the first test's subject.
    const addProfile = (name: string, file: string) => {
      const add = spawnSync(
        process.execPath,
        [
          resolve('bin/switchyard.mjs'),
          'profiles',
          'add',
          '--name',
          name,
          '--engine',
          'sqlite',
          '--sqlite-path',
          join(home, file),
          '--project',
          join(home, 'project'),
        ],
        { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, SWITCHYARD_DEMO: 'off' }, encoding: 'utf8' },
      );
      expect(add.status, add.stderr).toBe(0);
    };
    addProfile('Shop test', 'shop.sqlite');
    // Its one revision pending until the upgrade test runs it.
    addProfile('Shop upgrade', 'shop-upgrade.sqlite');
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('Save leaves the keyboard on the saved form, for a new connection and for changes to it', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Name').fill('Shop dev');
    await page.getByLabel('Engine').selectOption('sqlite');
    await page.getByLabel('SQLite file').fill(join(home, 'shop-dev.sqlite'));
    await page.getByLabel(/Migration project folder/).fill(join(home, 'project'));
    await tabTo(page, page.getByRole('button', { name: 'Save connection' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved Shop dev' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Edit Shop dev' });
    await expect(form.getByRole('button', { name: 'Save changes' })).toBeFocused();
    await shot(page, 'saved-new');

    await tabTo(page, form.getByLabel('Notes'), { key: 'Shift+Tab' });
    await page.keyboard.type('the shop on my laptop');
    await tabTo(page, form.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved Shop dev' })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Save changes' })).toBeFocused();
  });

  test('a confirmation gives the keyboard back to the button that opened it, by Cancel or by Escape', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: /Shop test/ }).click();
    const remove = page.getByRole('form', { name: 'Edit Shop test' }).getByRole('button', { name: 'Delete', exact: true });
    await tabTo(page, remove);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shot(page, 'delete-confirmation');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
  });

  test('the run dialog gives the keyboard back to the button that opened it, cancelled or after its run', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: /Shop test/ }).click();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const stamp = page.getByRole('button', { name: 'Stamp…' });
    await tabTo(page, stamp);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Stamp 1 revision' })).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(stamp).toBeFocused();

    await page.keyboard.press('Enter');
    const run = dialog.getByRole('button', { name: 'Stamp 1 revision' });
    await tabTo(page, run);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status').filter({ hasText: 'Stamped: 1 revision recorded as applied. No SQL ran.' })).toBeVisible();
    await shot(page, 'stamped');
    await tabTo(page, dialog.getByRole('button', { name: 'Close' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.locator('.status-cards')).toContainText('1 applied');
    await expect(stamp).toBeFocused();
  });

  test('a run that disables the button that opened it gives the keyboard to the Migrations heading, not the page', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: /Shop upgrade/ }).click();
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    const upgrade = page.getByRole('button', { name: 'Upgrade to heads…' });
    await tabTo(page, upgrade);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Upgrade 1 revision' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toBeVisible();
    // Nothing is pending any more: the button that opened the dialog cannot take the focus back.
    await expect(upgrade).toBeDisabled();
    await tabTo(page, dialog.getByRole('button', { name: 'Close' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('heading', { name: 'Migrations', level: 1 })).toBeFocused();
    await shot(page, 'upgraded-nothing-pending');
    // The keyboard goes on from the screen: the next Tab stop is after the heading, not the page's first.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Downgrade…' })).toBeFocused();
  });

  test("the graph's summary of a one-revision project agrees its words with the count", async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: /Shop test/ }).click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await expect(page.getByText(/revisions? · heads? m001/)).toHaveText(/^1 revision · head m001 · /);
  });
});
