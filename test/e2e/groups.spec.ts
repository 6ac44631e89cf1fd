// The Groups screen in Chromium at 1280×720, by keyboard where a user would: a consultant's group of
// client databases made from the sidebar (the demo and a staging client ticked), where each stands
// against the demo project read at a glance, a production client added, the rollout order changed,
// a member taken out, the group renamed, a rollout of the project opened from it on the project's
// Rollouts tab and run to done, the members then up to date, and the group deleted once its name is
// typed (Escape first gives the focus back) — axe's WCAG 2 A and AA rules on the group screen, in both themes.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { violations } from './axe';
import { openDemoWorkspace } from './demoWorkspace';
import { tabTo } from './keyboard';
import { typeInto } from './keyboardForms';

const passphrase = 'groups e2e passphrase';
/** The new screen's parts: the sidebar's Groups, the group screen, its dialog. */
const groupParts = ['.groups-panel', '.group-workspace'];

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test('makes a group of client databases, reads where each stands, rolls the project out to it and deletes it', async ({ page }) => {
  // A hang guard: at a load average of 19 on two cores each CLI call took 10 s and the spec 3.6 min.
  test.setTimeout(6 * 60_000);
  const { app, home, cli, demo } = await openDemoWorkspace(page, passphrase);
  try {
    cli(['profiles', 'add', '--name', 'client-a', '--env', 'staging', '--engine', 'sqlite', '--sqlite-path', join(home, 'client-a.sqlite')]);
    cli(['profiles', 'add', '--name', 'client-b', '--env', 'prod', '--engine', 'sqlite', '--sqlite-path', join(home, 'client-b.sqlite')]);
    cli(['projects', 'add', 'demo-shop', demo.projectDir]);
    await page.reload();

    const sidebar = page.getByRole('navigation', { name: 'Connections' });
    await expect(sidebar.getByText('None yet: connections that take the same migrations')).toBeVisible();
    await tabTo(page, sidebar.getByRole('button', { name: 'New group' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'New group' })).toBeVisible();
    await expect(page.getByLabel('Group name')).toBeFocused();
    await page.keyboard.type('clients');
    await tabTo(page, page.getByRole('checkbox', { name: /^client-a/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`^${demo.name}`) }), { key: 'Shift+Tab' });
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Create group with 2 connections' }));
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: 'Group clients' });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Created the group clients' })).toHaveText('Created the group clients with 2 connections.');
    await expect(sidebar.getByRole('list', { name: 'Groups' }).getByRole('button', { name: /^clients/ })).toHaveAttribute('aria-current', 'true');

    // At a glance, against the only project: the demo part-way, the empty client with everything pending.
    const members = page.getByRole('table', { name: /in rollout order/ });
    const row = (name: string | RegExp) => members.getByRole('row', { name });
    await expect(page.getByRole('status').filter({ hasText: 'against demo-shop' })).toContainText('2 connections against demo-shop: 2 behind.', {
      timeout: 30_000,
    });
    await expect(row(/client-a/)).toContainText(/nothing applied yet, \d+ pending/);
    await expect(row(new RegExp(demo.name))).toContainText(/\d+ pending \(\d+ applied\)/);
    expect(await violations(page, groupParts)).toEqual([]);
    await shot(page, '70-group-made');

    // A production client added at the end, then moved before the demo: the keyboard stays on it.
    await tabTo(page, page.getByRole('checkbox', { name: /^client-b/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Add 1 connection at the end' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Every saved connection is in this group.')).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(row(/client-b/)).toContainText(/nothing applied yet, \d+ pending/, { timeout: 30_000 });
    await tabTo(page, page.getByRole('button', { name: 'Move client-b earlier' }), { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'in the rollout order' })).toHaveText('client-b is number 2 of 3 in the rollout order.');
    await expect(page.getByRole('button', { name: 'Move client-b earlier' })).toBeFocused();
    await expect(members.getByRole('rowheader')).toHaveText(['client-a', 'client-b', demo.name]);

    // The demo taken out: the keyboard goes to its neighbour's button.
    await tabTo(page, page.getByRole('button', { name: `Remove ${demo.name} from the group` }));
    await page.keyboard.press('Enter');
    await expect(members.getByRole('rowheader')).toHaveText(['client-a', 'client-b']);
    await expect(page.getByRole('button', { name: 'Remove client-b from the group' })).toBeFocused();

    await typeInto(page, page.getByLabel('Name', { exact: true }), 'tenants');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Group tenants' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Renamed' })).toHaveText('Renamed clients to tenants.');
    expect(JSON.parse(cli(['groups', 'list', 'tenants', '--json']))).toMatchObject({ name: 'tenants', profiles: ['client-a', 'client-b'] });

    // The rollout: the project's own Rollouts tab, set to the group, the focus on the group's field.
    await tabTo(page, page.getByRole('button', { name: 'Roll out demo-shop to this group…' }), { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Project demo-shop' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Rollouts' })).toHaveAttribute('aria-selected', 'true');
    const form = page.getByRole('form', { name: 'New rollout' });
    await expect(form.getByLabel('Group', { exact: true })).toBeFocused();
    await expect(form.getByLabel('Group', { exact: true })).toHaveValue('tenants');
    // client-b is production: the group's name typed.
    await typeInto(page, form.getByLabel(/type the group's name \(tenants\) to confirm/), 'tenants');
    await tabTo(page, form.getByRole('button', { name: 'Start rollout' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Rollout done' })).toHaveText('Rollout done: 2 done of 2.', { timeout: 90_000 });

    await sidebar
      .getByRole('list', { name: 'Groups' })
      .getByRole('button', { name: /^tenants/ })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'against demo-shop' })).toContainText('2 connections against demo-shop: 2 up to date.', {
      timeout: 30_000,
    });
    await expect(row(/client-b/)).toContainText(/up to date \(\d+ revisions applied\)/);
    await shot(page, '71-group-rolled-out');

    // Deleting: Escape gives the focus back to the button; then the name typed, the focus on the sidebar's Groups after.
    const deleteButton = page.getByRole('button', { name: 'Delete group…' });
    await tabTo(page, deleteButton);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete the group tenants?' });
    await expect(dialog).toContainText('Its 2 connections and their databases stay as they are');
    await expect(dialog.getByLabel("Type the group's name to confirm")).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Delete group' })).toBeDisabled();
    expect(await violations(page, ['dialog.confirm'])).toEqual([]);
    await page.keyboard.type('tenants');
    await shot(page, '72-group-delete');
    await tabTo(page, dialog.getByRole('button', { name: 'Delete group' }));
    await page.keyboard.press('Enter');
    await expect(sidebar.getByRole('heading', { name: 'Groups' })).toBeFocused();
    await expect(sidebar.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
      'Deleted the group tenants; its connections and their databases are untouched.',
    );
    expect(await violations(page, ['.groups-panel'])).toEqual([]);
    expect(cli(['groups', 'list'])).toContain('No groups yet');
    await expect(sidebar.getByRole('button', { name: /^client-a/ })).toBeVisible();
    await expect(sidebar.getByRole('button', { name: /^client-b/ })).toBeVisible();
  } finally {
    await app.stop();
  }
});
