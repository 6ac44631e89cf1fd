// Writing into a project from the Graph tab by keyboard, in Chromium at 1280×720 through the browser
// host, on a copy of the demo project bound to a SQLite connection: the seeds' stray root
// (`001_add_tenant_id_fields` with no parent) re-parented back onto its place, a new revision on a head,
// and a squash of a three-revision run proved and written, its stamp offered and run — each checked
// in the files written and in the graph after.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { violations } from './axe';
import { serve } from './browserHost';
import { boundDemoCopy } from './demoProjectCopy';
import { chooseWithArrows, tabTo } from './keyboard';

const passphrase = 'repair writes e2e passphrase';
const stray = '010_001_add_tenant_id_fields.sql';

test.use({ viewport: { width: 1280, height: 720 } });

async function openGraph(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Connections' })
    .getByRole('button', { name: /^Shop dev/ })
    .click();
  await page.getByRole('tab', { name: 'Graph', exact: true }).click();
}

/** Selects the revision through the search field, as typing its name (or words of its message) does. */
async function selectRevision(page: Page, id: string, typed = id): Promise<void> {
  const search = page.getByLabel('Search revisions');
  await search.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(typed);
  await expect(page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Opens the Repair menu from its button by keyboard and chooses `item` with the arrow keys. */
async function chooseRepair(page: Page, item: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Repair' });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Repair' });
  const wanted = menu.getByRole('menuitem', { name: item });
  for (let presses = 0; presses < 6 && !(await wanted.evaluate((e) => e === document.activeElement)); presses += 1) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
}

test('re-parenting the stray root and a new revision on a head, by keyboard: the files written and the graph after', async ({ page }) => {
  test.setTimeout(90_000);
  const { home, project } = boundDemoCopy(passphrase);
  // The seeds' slip: the revision's parent lost, so it reads as a second root.
  writeFileSync(join(project, stray), readFileSync(join(project, stray), 'utf8').replace('-- parents: 2f6b0cbeb30c', '-- parents: none'));
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await openGraph(page, app.url);
    const summary = page.locator('.graph-summary');
    await expect(summary).toContainText('40 revisions', { timeout: 20_000 });
    await expect(summary.locator('.graph-anomalies')).toContainText('001_add_tenant_id_fields');

    await selectRevision(page, '001_add_tenant_id_fields');
    await chooseRepair(page, 'Re-parent…');
    const reparent = page.getByRole('dialog', { name: 'Re-parent' });
    const parent = reparent.getByLabel('New parent');
    await tabTo(page, parent);
    await chooseWithArrows(page, parent, '2f6b0cbeb30c');
    await tabTo(page, reparent.getByRole('button', { name: 'Show the change' }));
    await page.keyboard.press('Enter');
    const diff = reparent.getByLabel("Changes to the project's files");
    await expect(diff).toContainText('removed: -- parents: none');
    await expect(diff).toContainText('added: -- parents: 2f6b0cbeb30c');
    await expect(reparent.getByText('Roots: 2 → 1')).toBeVisible();
    await tabTo(page, reparent.getByRole('button', { name: 'Write' }));
    await page.keyboard.press('Enter');
    await expect(reparent).toHaveCount(0);
    // Written back byte for byte as the demo ships it, and the graph reads one root again.
    expect(readFileSync(join(project, stray))).toEqual(readFileSync(resolve('assets/demo', stray)));
    await expect(page.locator('.repair-done')).toContainText(`Wrote ${stray} (changed)`);
    await expect(summary).toContainText('40 revisions · heads llm_014_model_routing, 20260113_security, version_lineage_004');
    await expect(summary.locator('.graph-anomalies')).not.toContainText('001_add_tenant_id_fields');

    await selectRevision(page, '20260113_security');
    await chooseRepair(page, 'New revision…');
    const create = page.getByRole('dialog', { name: 'New revision' });
    await expect(create.getByLabel('Parent').locator('option:checked')).toHaveText('20260113_security (head)');
    await tabTo(page, create.getByLabel('Message'));
    await page.keyboard.type('keep audit trails for a year');
    await page.keyboard.press('Tab');
    await expect(create.getByLabel('Branch label (optional)')).toBeFocused();
    await page.keyboard.type('retention');
    await page.keyboard.press('Enter');
    const added = create.getByLabel("Changes to the project's files");
    await expect(added).toContainText('added: -- parents: 20260113_security');
    await expect(added).toContainText('added: -- branch: retention');
    await expect(create.getByText('Heads: 3 → 3')).toBeVisible();
    const id = /-- revision: ([0-9a-f]{12})/.exec((await added.textContent()) ?? '')?.[1] as string;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(await violations(page, ['dialog[open]'])).toEqual([]);
    await tabTo(page, create.getByRole('button', { name: 'Write' }));
    await page.keyboard.press('Enter');
    await expect(create).toHaveCount(0);

    const file = `041_${id}.sql`;
    await expect(page.locator('.repair-done')).toContainText(`Wrote ${file} (created)`);
    expect(readFileSync(join(project, file), 'utf8')).toBe(
      `-- revision: ${id}\n-- parents: 20260113_security\n-- branch: retention\n-- message: keep audit trails for a year\n\n-- migrate:up\n\n\n-- migrate:down\n\n`,
    );
    await expect(summary).toContainText(`41 revisions · heads llm_014_model_routing, version_lineage_004, ${id}`);
    await selectRevision(page, id, 'keep audit trails');
  } finally {
    await app.stop();
  }
});

test('squashing a run by keyboard shows the proof first, writes exactly that, and offers the stamp the database needs', async ({ page }) => {
  // Two replays of the project on SQLite make the proof: about a minute on this loaded machine.
  test.setTimeout(180_000);
  const { home, project, cli } = boundDemoCopy(passphrase);
  cli('upgrade', '--profile', 'Shop dev', '--to', 'text_to_sql_003', '--no-schema-check');
  const files = readdirSync(project).sort();
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await openGraph(page, app.url);
    const summary = page.locator('.graph-summary');
    await selectRevision(page, 'text_to_sql_003');
    await chooseRepair(page, 'Squash…');
    const dialog = page.getByRole('dialog', { name: 'Squash' });
    const first = dialog.getByLabel('First revision of the run');
    await tabTo(page, first);
    await chooseWithArrows(page, first, 'text_to_sql_001 (3 revisions)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('text to sql');
    await page.keyboard.press('Enter');

    const proof = dialog.getByRole('region', { name: 'Proof' });
    await expect(proof.getByRole('status')).toContainText('Proven: the squashed project replays to the original', { timeout: 60_000 });
    await expect(proof).toContainText('Upgraded to every head');
    await expect(proof).toContainText('identical (diff empty)');
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('3 revisions (text_to_sql_001..text_to_sql_003) become');
    const id = /become ([0-9a-f]{12}) in/.exec((await preview.textContent()) ?? '')?.[1] as string;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    await expect(dialog.getByLabel('Connections bound to the project, against the run')).toContainText('Shop dev (dev): past the run');
    await expect(dialog.getByText('Heads: 3 → 3')).toBeVisible();
    const diff = dialog.getByLabel("Changes to the project's files");
    await expect(diff).toContainText(`added: -- parents: 012_add_admin_config, ${id}`);
    await expect(diff).toContainText(`b/archive/${id}/018_text_to_sql_001.sql`);
    expect(readdirSync(project).sort()).toEqual(files);
    expect(await violations(page, ['dialog[open]'])).toEqual([]);

    await tabTo(page, dialog.getByRole('button', { name: 'Write' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(summary).toContainText('38 revisions · heads llm_014_model_routing, 20260113_security, version_lineage_004');
    const written = readdirSync(project);
    expect(written.filter((f) => /text_to_sql_00/.test(f))).toEqual([]);
    expect(written).toContain('archive');
    expect(readdirSync(join(project, 'archive', id)).sort()).toEqual(['018_text_to_sql_001.sql', '022_text_to_sql_002.sql', '027_text_to_sql_003.sql']);
    expect(readFileSync(join(project, 'archive', `squash-${id}.md`), 'utf8')).toContain('Result: **proven**');
    expect(readFileSync(join(project, '032_merge_llm_text_to_sql.sql'), 'utf8')).toContain(`-- parents: 012_add_admin_config, ${id}`);

    // The database applied the whole run: its bookkeeping names ids the project no longer has, until it is stamped.
    const done = page.locator('.repair-done');
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('applied but unknown to the files: text_to_sql_001');
    await done.getByRole('button', { name: `Stamp Shop dev at ${id}…` }).click();
    const stamp = page.getByRole('dialog', { name: `Stamp Shop dev to ${id}` });
    await stamp.getByRole('button', { name: 'Stamp 1 revision' }).click();
    await expect(stamp.getByRole('status').filter({ hasText: 'Stamped: 1 revision recorded as applied' })).toBeVisible();
    await stamp.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('option', { name: id, exact: true })).toBeVisible();

    await done.getByRole('button', { name: 'Undo' }).click();
    await expect(done).toContainText('Undone: put back');
    // The archive folder the squash made goes with it.
    expect(readdirSync(project).sort()).toEqual(files);
    await expect(summary).toContainText('40 revisions');
  } finally {
    await app.stop();
  }
});
