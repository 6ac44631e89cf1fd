// Confirming on production at 1280×720: in the run dialog, the reset's Confirm step and the snapshot
// dialogs the sentence reads on one line, the field to type the name has the focus, the button is
// on screen without scrolling, and a plan of 12 steps shows its numbers whole.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeNativeProject } from '../support/nativeProject';
import { newHome, serve, type ServedApp } from './browserHost';
import { clippedNumbers, linesBeforeField, onScreen, shot } from './geometry';

const passphrase = 'production confirm e2e passphrase';
const connection = 'Shop PROD';
const database = 'shop.sqlite';
/** The plan upgrades all but the first, which is applied so that the database exists to snapshot. */
const revisionCount = 12;

/** What every production confirmation owes its user, checked before anything is scrolled or clicked. */
async function expectConfirmable(page: Page, field: Locator, button: Locator, heading: Locator): Promise<void> {
  await expect(field).toBeFocused();
  expect(await linesBeforeField(field), 'lines the sentence before the field takes').toBe(1);
  expect(await onScreen(heading), 'the title is on screen').toBe(true);
  expect(await onScreen(field), 'the field is on screen').toBe(true);
  expect(await onScreen(button), 'the confirm button is on screen without scrolling').toBe(true);
}

/** The production connection's screen, as a user reaches it: the app, the connection, the tab. */
async function openTab(page: Page, url: string, tab: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Connections' })
    .getByRole('button', { name: new RegExp(connection) })
    .click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

test.describe('production confirmation at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  let app: ServedApp;

  test.beforeAll(async () => {
    const home = newHome();
    const project = join(home, 'project');
    writeNativeProject(
      project,
      Array.from({ length: revisionCount + 1 }, (_, i) => {
        const id = `m${String(i + 1).padStart(2, '0')}`;
        return { id, parents: i === 0 ? [] : [`m${String(i).padStart(2, '0')}`], message: `table ${id}`, up: `CREATE TABLE t_${id} (id INTEGER PRIMARY KEY);` };
      }),
    );
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
        env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
        encoding: 'utf8',
      });
    const added = cli([
      'profiles',
      'add',
      '--name',
      connection,
      '--env',
      'prod',
      '--engine',
      'sqlite',
      '--sqlite-path',
      join(home, database),
      '--project',
      project,
    ]);
    expect(added.status, added.stderr).toBe(0);
    const upgraded = cli(['upgrade', '--profile', connection, '--to', 'm01', '--yes-production']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('the run dialog: one-line sentence, the name field focused, the button in view, numbers 10 to 12 whole', async ({ page }) => {
    await openTab(page, app.url, 'Migrations');
    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: 'Plan' })).toContainText(`${revisionCount} revisions, in this order`);
    const field = dialog.getByLabel('Type the connection name to confirm');
    const button = dialog.getByRole('button', { name: `Upgrade ${revisionCount} revisions` });

    await expectConfirmable(page, field, button, dialog.getByRole('heading', { name: `Upgrade ${connection} to heads` }));
    expect(await clippedNumbers(dialog.getByRole('list', { name: 'Plan steps' })), 'pixels cut off each step’s number').toEqual(Array(revisionCount).fill(0));
    await page.keyboard.type(connection);
    await expect(button).toBeEnabled();
    await shot(page, 'production-run-dialog-1280x720');
    await page.keyboard.press('Escape');
  });

  test('the reset’s Confirm step: one-line sentences, the name field focused, the Reset button in view', async ({ page }) => {
    await openTab(page, app.url, 'Reset');
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await page.getByRole('button', { name: 'Next: confirm' }).click();

    const field = page.getByLabel(/Type the database name/);
    const acknowledge = page.getByLabel(/type “production” to acknowledge it/);
    const button = page.getByRole('button', { name: `Reset ${database}` });
    await expectConfirmable(page, field, button, page.getByRole('heading', { name: 'What will run, in order' }));
    expect(await linesBeforeField(acknowledge)).toBe(1);
    expect(await onScreen(acknowledge)).toBe(true);
    await page.keyboard.type(database);
    await acknowledge.fill('production');
    await expect(button).toBeEnabled();
    await shot(page, 'production-reset-confirm-1280x720');
  });

  test('the snapshot dialogs (take, restore, delete): one-line sentence, the name field focused, the button in view', async ({ page }) => {
    await openTab(page, app.url, 'Reset');
    const field = page.getByRole('dialog').getByLabel('Type the connection name to confirm');

    await page.getByLabel('Snapshot name').fill('before the client');
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    const take = page.getByRole('dialog').getByRole('button', { name: 'Take the snapshot' });
    await expectConfirmable(page, field, take, page.getByRole('dialog').getByRole('heading'));
    await shot(page, 'production-snapshot-take-1280x720');
    await page.keyboard.type(connection);
    await take.click();

    const row = page.getByRole('table', { name: 'Snapshot list' }).getByRole('row').filter({ hasText: 'before the client' });
    await row.getByRole('button', { name: 'Restore' }).click();
    const restore = page.getByRole('dialog').getByRole('button', { name: 'Restore' });
    await expectConfirmable(page, field, restore, page.getByRole('dialog').getByRole('heading'));
    await shot(page, 'production-snapshot-restore-1280x720');
    await page.keyboard.press('Escape');

    await row.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog').getByRole('button', { name: 'Delete' });
    await expectConfirmable(page, field, remove, page.getByRole('dialog').getByRole('heading'));
    await page.keyboard.type(connection);
    await remove.click();
    await expect(row).toHaveCount(0);
  });
});
