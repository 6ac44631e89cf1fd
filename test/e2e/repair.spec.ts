// Repairing the demo's tree from the Graph tab, in Chromium at 1280×720: a copy of the demo project
// (never the bundled one) on a SQLite connection; Merge heads shows the diff and the heads before →
// after, writes, the graph shows one head, the run dialog upgrades to it, and Undo puts the folder
// back — the dialog by keyboard, axe clean in both themes, screenshots in test-results/screens/.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { violations } from './axe';
import { serve } from './browserHost';
import { boundDemoCopy } from './demoProjectCopy';

const passphrase = 'repair e2e passphrase';
const demoHeads = ['llm_014_model_routing', '20260113_security', 'version_lineage_004'];

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test('merging the demo’s heads from the graph shows the change first, upgrades to the one head, and is undone', async ({ page }) => {
  // The whole graph's axe check is a11y.spec's: here only the dialogs and the repair controls (seconds, not tens).
  test.setTimeout(90_000);
  const { home, project } = boundDemoCopy(passphrase);
  const files = readdirSync(project).sort();
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page
      .getByRole('navigation', { name: 'Connections' })
      .getByRole('button', { name: /^Shop dev/ })
      .click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();
    const summary = page.locator('.graph-summary');
    await expect(summary).toContainText(`40 revisions · heads ${demoHeads.join(', ')}`);

    // Adopt on an empty database: the root's tables are missing, so no stamp is offered.
    await page.getByLabel('Search revisions').fill('initial schema');
    await expect(page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: 'd01fd5049733', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const repairMenu = page.getByRole('button', { name: 'Repair' });
    await repairMenu.click();
    await page.getByRole('menu', { name: 'Repair' }).getByRole('menuitem', { name: 'Adopt…' }).click();
    const adoptDialog = page.getByRole('dialog', { name: 'Adopt d01fd5049733' });
    await expect(adoptDialog.getByRole('status').filter({ hasText: 'does not hold what d01fd5049733 makes: it cannot be adopted' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(adoptDialog.getByRole('region', { name: 'Evidence' })).toContainText('the database: missing');
    await expect(adoptDialog.getByRole('button', { name: /^Stamp/ })).toHaveCount(0);
    await shot(page, 'repair-0-adopt-refused');
    expect(await violations(page, ['dialog[open]'])).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(repairMenu).toBeFocused();
    await page.getByLabel('Search revisions').fill('');

    // By keyboard: the menu opens on its first item, the arrows move to Merge heads, and Escape in the
    // dialog gives the focus back to the menu's button.
    await repairMenu.focus();
    await page.keyboard.press('Enter');
    const merge = page.getByRole('menu', { name: 'Repair' }).getByRole('menuitem', { name: 'Merge heads…' });
    await page.keyboard.press('ArrowDown');
    await expect(merge).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Merge heads' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(repairMenu).toBeFocused();

    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    for (const head of demoHeads) await expect(dialog.getByRole('checkbox', { name: head })).toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Write' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Show the change' }).click();
    const diff = dialog.getByLabel("Changes to the project's files");
    await expect(diff).toContainText(`added: -- parents: ${demoHeads.join(', ')}`);
    await expect(diff).toContainText('added: -- message: merge heads');
    const change = dialog.getByRole('definition').filter({ hasText: 'after:' }).first();
    await expect(dialog.getByText('Heads: 3 → 1')).toBeVisible();
    await expect(dialog.getByRole('definition').filter({ hasText: `before: ${demoHeads.join(', ')}` })).toBeVisible();
    const merged = ((await change.textContent()) ?? '').replace('after: ', '').trim();
    expect(merged).toMatch(/^[0-9a-f]{12}$/);
    // Not a git work tree: nothing to overwrite, so no 'write anyway'.
    await expect(dialog.getByRole('checkbox', { name: /Write anyway/ })).toHaveCount(0);
    await shot(page, 'repair-1-merge-preview');
    expect(await violations(page, ['dialog[open]'])).toEqual([]);
    expect(readdirSync(project).sort()).toEqual(files);

    await dialog.getByRole('button', { name: 'Write' }).click();
    await expect(dialog).toHaveCount(0);
    const done = page.locator('.repair-done');
    await expect(done).toContainText(`Heads now: ${merged}.`);
    await expect(summary).toContainText(`41 revisions · head ${merged} ·`);
    await repairMenu.click();
    await expect(merge).toBeDisabled();
    await page.keyboard.press('Escape');
    expect(readdirSync(project)).toHaveLength(files.length + 1);
    await shot(page, 'repair-2-merged');
    expect(await violations(page, ['.repair-menu', '.repair-done'])).toEqual([]);

    // The merge is the newest row: upgrade to it through the run dialog.
    const rows = page.getByRole('listbox', { name: 'Revisions' });
    await rows.focus();
    await page.keyboard.press('Home');
    await expect(rows.getByRole('option', { name: merged, exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Revision details' }).getByRole('button', { name: 'Upgrade to here' }).click();
    const run = page.getByRole('dialog', { name: `Upgrade Shop dev to ${merged}` });
    await run.getByRole('button', { name: `Upgrade ${files.length + 1} revisions` }).click();
    await expect(run.getByRole('status').filter({ hasText: `Done: ${files.length + 1} revisions` })).toBeVisible();
    await run.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText(`database at ${merged}`);

    await done.getByRole('button', { name: 'Undo' }).click();
    await expect(done).toContainText('Undone: put back');
    expect(readdirSync(project).sort()).toEqual(files);
    await expect(summary).toContainText(`40 revisions · heads ${demoHeads.join(', ')}`);
    expect(readdirSync(resolve('assets/demo')).sort()).toEqual(files);
  } finally {
    await app.stop();
  }
});
