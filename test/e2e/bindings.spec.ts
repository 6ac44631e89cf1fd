// The Graph tab of a connection in a project with bindings, in Chromium at 1280×720: the demo folder
// made a project whose `rbac` branch is bound to the demo connection's role and whose `llm` branch to a
// role no connection plays; the legend names both databases, the rows carry the database they live
// on, the revisions on no bound branch say so — axe clean in both themes, a screenshot in the output.
import { expect, test } from '@playwright/test';
import { violations } from './axe';
import { openDemoWorkspace } from './demoWorkspace';

const passphrase = 'bindings e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

test('the graph of a project with bindings shows which database each branch lives on', async ({ page }, testInfo) => {
  test.setTimeout(3 * 60_000);
  const { app, cli, demo } = await openDemoWorkspace(page, passphrase);
  try {
    cli(['projects', 'add', 'demo-shop', demo.projectDir]);
    cli(['projects', 'bind', 'demo-shop', 'rbac', 'main']);
    cli(['projects', 'bind', 'demo-shop', 'llm', 'llm']);
    await page.reload();
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /^Demo/ }).click();
    await page.getByRole('tab', { name: 'Graph', exact: true }).click();

    const legend = page.getByRole('region', { name: 'Databases of the project' });
    await expect(legend).toContainText('demo-shop runs its branches on 2 databases in demo:');
    await expect(legend.getByRole('listitem').first()).toContainText(`main — ${demo.name} (bound: @rbac;`);
    await expect(legend.getByRole('listitem').nth(1)).toContainText('llm — no connection plays this role in demo (bound: @llm;');
    await expect(legend.getByRole('note').first()).toContainText('on no bound branch: no database of the environment runs them');

    const row = (id: string) => page.getByRole('listbox', { name: 'Revisions' }).getByRole('option', { name: id, exact: true });
    // The newest rows, in view: one head per branch.
    const tag = row('20260113_security').locator('.graph-tag.database');
    await expect(tag).toHaveText('main db');
    await expect(tag).toHaveAttribute('title', `Runs on the main database (${demo.name})`);
    await expect(row('llm_014_model_routing').locator('.graph-tag.database')).toHaveText('llm db');
    await expect(row('version_lineage_004').locator('.graph-tag.anomaly')).toHaveText('no database');
    await page.screenshot({ path: testInfo.outputPath('graph-bindings.png'), fullPage: true });
    expect(await violations(page)).toEqual([]);
  } finally {
    await app.stop();
  }
});
