// Accessibility end to end on the demo workspace at 1280×720: axe-core's WCAG 2 A and AA rules on
// every screen (the reset wizard's steps and the run dialog included), and the keyboard's ways
// around: the skip link first in the Tab order, the graph's search (Enter shows the match, Escape
// goes back to the revisions).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newHome, serve, type ServedApp } from './browserHost';

/** The page's WCAG 2 A/AA violations, one readable line each (rule, what it asks, where). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(' ')}`));
}

const row = (page: Page, id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });

test.describe('accessibility', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    // The first run's demo workspace, opened on its graph.
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'a11y e2e passphrase', SWITCHYARD_DEMO: 'on' });
  });
  test.afterAll(async () => {
    await app.stop();
  });
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('every screen of the demo workspace passes axe’s WCAG 2 A and AA rules', async ({ page }) => {
    await page.goto(app.url);
    // Every screen is checked before the verdict, so one run lists all that is wrong.
    const found: Record<string, string[]> = {};
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });

    await tab('Connection').click();
    await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible();
    found['Connection'] = await violations(page);

    await tab('Graph').click();
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');
    found['Graph'] = await violations(page);

    await tab('Inventory').click();
    await expect(page.getByRole('table', { name: 'Tables' })).toBeVisible();
    found['Inventory'] = await violations(page);

    await tab('Migrations').click();
    await expect(page.getByRole('region', { name: 'Applied' })).toBeVisible();
    found['Migrations'] = await violations(page);

    await page.getByRole('button', { name: 'Upgrade to heads…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Preview' })).toBeEnabled();
    found['Run dialog'] = await violations(page);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('region', { name: 'Plan' })).toBeVisible();
    found['Run dialog, its plan'] = await violations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await tab('Reset').click();
    await expect(page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]')).toHaveText('1. Target');
    found['Reset: target'] = await violations(page);
    await page.getByRole('button', { name: 'Next: impact' }).click();
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
    found['Reset: impact'] = await violations(page);
    await page.getByRole('button', { name: 'Next: safety net' }).click();
    await expect(page.getByLabel(/Take a snapshot first/)).toBeChecked();
    found['Reset: safety net'] = await violations(page);
    await page.getByRole('button', { name: 'Next: confirm' }).click();
    await expect(page.getByRole('navigation', { name: 'Reset steps' }).locator('[aria-current="step"]')).toHaveText(/Confirm/);
    found['Reset: confirm'] = await violations(page);

    await tab('Activity').click();
    await expect(page.getByRole('tabpanel', { name: 'Activity' })).toBeVisible();
    found['Activity'] = await violations(page);

    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });

  test('the first Tab reaches "Skip to graph", and Enter on it puts the keyboard on the revisions', async ({ page }) => {
    // A fresh window opens the lone demo on its graph; nothing is focused yet.
    await page.goto(app.url);
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to graph' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox', { name: 'Revisions' })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(row(page, 'version_lineage_004')).toHaveAttribute('aria-selected', 'true');

    // Alt+9 shows Activity without taking the focus: reload to start the Tab order afresh.
    await page.reload();
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');
    await page.keyboard.press('Alt+9');
    await expect(page.getByRole('tabpanel', { name: 'Activity' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('in the graph’s search, Enter scrolls back to the match and Escape leaves for the revisions', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    const revisions = page.getByRole('listbox', { name: 'Revisions' });
    const search = page.getByLabel('Search revisions');

    // The oldest revision, at the bottom of the graph: the one match.
    await search.fill('initial schema');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'true');
    // Scrolled away to the newest revisions, Enter brings the match back into view.
    await revisions.evaluate((list) => list.scrollTo({ top: 0 }));
    await expect(row(page, 'd01fd5049733')).not.toBeInViewport();
    await search.press('Enter');
    await expect(row(page, 'd01fd5049733')).toBeInViewport();
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'true');

    // Escape keeps the query and its match, and hands the keyboard to the revisions.
    await search.press('Escape');
    await expect(revisions).toBeFocused();
    await expect(search).toHaveValue('initial schema');
    await page.keyboard.press('ArrowUp');
    await expect(row(page, 'd01fd5049733')).toHaveAttribute('aria-selected', 'false');
  });
});
