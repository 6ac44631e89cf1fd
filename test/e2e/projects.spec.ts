// A project made in the app at 1280×720, by keyboard where a user would: "New project" in the
// sidebar, the demo's folder detected (its demo connection proposed), a staging environment added
// with a second connection and moved first, the approval switch, Create; the CLI reads the same
// project; a connection removed behind the app's back leaves its environment empty and said so; the
// project removed through its confirmation — axe's WCAG 2 A and AA rules in both themes on the way.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { Project } from '../../src-shared/model/project';
import { violations } from './axe';
import { openDemoWorkspace } from './demoWorkspace';
import { tabTo } from './keyboard';
import { typeInto } from './keyboardForms';

const passphrase = 'projects e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test('creates a project from the demo folder with two environments, shows an emptied one, and removes it', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const { app, home, cli, demo } = await openDemoWorkspace(page, passphrase);
  try {
    cli(['profiles', 'add', '--name', 'Demo copy', '--env', 'staging', '--engine', 'sqlite', '--sqlite-path', join(home, 'copy.sqlite')]);
    await page.reload();

    const sidebar = page.getByRole('navigation', { name: 'Connections' });
    await tabTo(page, sidebar.getByRole('button', { name: 'New project' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'New project' })).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Environments' })).toHaveAttribute('aria-selected', 'true');

    await typeInto(page, page.getByLabel('Migrations folder (or one holding alembic.ini)'), demo.projectDir);
    await page.keyboard.press('Enter');
    const found = page.getByRole('status').filter({ hasText: 'Read as' });
    await expect(found).toContainText('Environments proposed from the connections bound to this folder: demo.', { timeout: 30_000 });
    await typeInto(page, page.getByLabel('Project name'), 'demo-shop');

    await typeInto(page, page.getByLabel('New environment'), 'staging');
    await page.keyboard.press('Enter');
    const staging = page.getByRole('listitem', { name: 'staging' });
    await expect(staging).toContainText('No connections: none given yet, or they were removed.');
    await tabTo(page, staging.getByRole('checkbox', { name: 'Demo copy (staging)' }));
    await page.keyboard.press('Space');
    await expect(staging.getByLabel('Role of Demo copy in staging')).toHaveValue('main');
    await tabTo(page, staging.getByRole('button', { name: 'Move staging earlier' }), { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    // Now first: "earlier" is disabled, and the keyboard stays on the card, on "later".
    await expect(page.locator('.project-environments > li').first()).toHaveAccessibleName('1. staging');
    await expect(staging.getByRole('button', { name: 'Move staging later' })).toBeFocused();
    await tabTo(page, page.getByRole('switch', { name: 'Promotions to production need a second person’s approval' }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('switch')).toBeChecked();
    expect(await violations(page)).toEqual([]);
    await shot(page, '60-project-new');

    await tabTo(page, page.getByRole('button', { name: 'Create project' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved demo-shop.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Project demo-shop' })).toBeVisible();
    const listed = sidebar.getByRole('list', { name: 'Projects' }).getByRole('button', { name: /demo-shop/ });
    await expect(listed).toContainText('staging → demo');
    await expect(listed).toHaveAttribute('aria-current', 'true');

    const stored = JSON.parse(cli(['projects', 'show', 'demo-shop', '--json'])) as Omit<Project, 'environments'> & {
      environments: { name: string; members: { profileName: string }[] }[];
    };
    expect(stored.environments.map((e) => [e.name, e.members.map((m) => m.profileName)])).toEqual([
      ['staging', ['Demo copy']],
      ['demo', [demo.name]],
    ]);
    expect(stored.requireApproval).toBe(true);

    // A connection removed elsewhere: its environment stays, empty, and says so.
    cli(['profiles', 'remove', 'Demo copy', '--yes']);
    await page.reload();
    await sidebar
      .getByRole('list', { name: 'Projects' })
      .getByRole('button', { name: /demo-shop/ })
      .click();
    await expect(sidebar.getByRole('list', { name: 'Projects' })).toContainText('staging (empty) → demo');
    await expect(page.getByRole('listitem', { name: 'staging' })).toContainText('No connections: none given yet, or they were removed.');
    expect(await violations(page)).toEqual([]);
    await shot(page, '61-project-emptied-environment');

    await page.getByRole('button', { name: 'Remove project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the project demo-shop?' });
    await expect(dialog).toContainText('Its connections, their databases and the migrations folder stay as they are.');
    expect(await violations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove project' }).click();
    await expect(sidebar.getByText('None yet: a migrations folder with its environments, dev to prod.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Project demo-shop' })).toHaveCount(0);
    expect(cli(['projects', 'list'])).toContain('No projects yet');
  } finally {
    await app.stop();
  }
});
