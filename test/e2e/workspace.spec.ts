// The workspace's own controls end to end on the demo: the screens as keyboard tabs, the theme
// (system, picked, kept), the resizable revision panel, and the migration target picker.
import { expect, test, type Page } from '@playwright/test';
import { newHome, serve, type ServedApp } from './browserHost';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const dark = 'rgb(20, 22, 26)';
const light = 'rgb(246, 247, 249)';

test.describe('workspace', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'workspace e2e passphrase' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('the screens are tabs: arrow keys, Home and End move between them and show each', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    const tabs = page.getByRole('tablist', { name: 'Screens' });
    await tabs.getByRole('tab', { name: 'Graph', exact: true }).click();

    await page.keyboard.press('ArrowRight');
    const inventory = tabs.getByRole('tab', { name: 'Inventory', exact: true });
    await expect(inventory).toBeFocused();
    await expect(inventory).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Inventory' })).toBeVisible();

    await page.keyboard.press('End');
    await expect(tabs.getByRole('tab', { name: 'Activity', exact: true })).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Activity' })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: 'Connection', exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab', { name: 'Activity', exact: true })).toHaveAttribute('aria-selected', 'true');
    // One tab stop for the whole list: only the shown tab is in the Tab order.
    await expect(tabs.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  });

  test('follows the system theme until Light or Dark is picked, and keeps the pick', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(app.url);
    await expect.poll(() => background(page)).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe(dark);

    await page.getByLabel('Theme').selectOption('light');
    await expect.poll(() => background(page)).toBe(light);
    await page.reload();
    await expect(page.getByLabel('Theme')).toHaveValue('light');
    await expect.poll(() => background(page)).toBe(light);

    await page.getByLabel('Theme').selectOption('system');
    await expect.poll(() => background(page)).toBe(dark);
  });

  test('the revision panel is resized by dragging or with the keyboard, and keeps its width', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await page.getByRole('listbox', { name: 'Revisions' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Revision details' });
    const split = page.getByRole('separator', { name: 'Revision panel width' });
    await expect(panel).toBeVisible();
    const before = (await panel.boundingBox())?.width ?? 0;

    await split.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await panel.boundingBox())?.width).toBe(before - 40);
    // A held key repeats faster than the page draws: two presses within one frame are two steps.
    await split.evaluate(async (element) => {
      const press = () => element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      press();
      await Promise.resolve();
      await Promise.resolve();
      press();
    });
    await expect.poll(async () => (await panel.boundingBox())?.width).toBe(before - 80);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await panel.boundingBox())?.width).toBe(before - 40);

    const handle = await split.boundingBox();
    if (!handle) throw new Error('the split has no box');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 40);
    await page.mouse.down();
    // Dragging the split left widens the panel on its right.
    await page.mouse.move(handle.x + handle.width / 2 - 100, handle.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await panel.boundingBox())?.width).toBe(before + 60);

    await page.reload();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    await page.getByRole('listbox', { name: 'Revisions' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await panel.boundingBox())?.width).toBe(before + 60);
  });

  test('the run dialog and the reset wizard offer the project’s targets and check a typed one', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('tab', { name: 'Migrations', exact: true }).click();
    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    const target = dialog.getByRole('combobox', { name: /Target/ });
    for (const offered of ['heads', 'llm_014_model_routing', 'version_lineage_001']) {
      await expect(dialog.locator(`datalist option[value="${offered}"]`)).toHaveCount(1);
    }

    await target.fill('no_such_revision');
    await expect(dialog.getByRole('alert')).toContainText('No revision or branch "no_such_revision"');
    await expect(target).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('button', { name: 'Preview' })).toBeDisabled();

    await target.fill('llm_014_model_routing');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('heading', { name: /Upgrade .* to llm_014_model_routing/ })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Reset', exact: true }).click();
    const resetTarget = page.getByRole('combobox', { name: /Migration target/ });
    await expect(resetTarget).toHaveValue('heads');
    await resetTarget.fill('no_such_revision');
    await expect(page.getByRole('alert').filter({ hasText: 'No revision or branch' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next: impact' })).toBeDisabled();
    await resetTarget.fill('heads');
    await expect(page.getByRole('button', { name: 'Next: impact' })).toBeEnabled();
  });
});
