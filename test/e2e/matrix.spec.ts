// The Matrix tab in Chromium at 1280×720: a project from the demo folder with two environments at
// different points (the demo applied on its demo environment, an empty copy on staging), read as a matrix (each cell's
// state in words), staging promoted to the demo's point through the dialog's gates, the matrix level after
// it — axe's WCAG 2 A and AA rules on the way, screenshots in the test's output.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import type { Matrix } from '../../src-shared/model/matrix';
import { violations } from './axe';
import { openDemoWorkspace } from './demoWorkspace';

const passphrase = 'matrix e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

test('reads the matrix of two environments and promotes demo to staging through the gates', async ({ page }, testInfo) => {
  test.setTimeout(4 * 60_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const { app, home, cli, demo } = await openDemoWorkspace(page, passphrase);
  try {
    cli([
      'profiles',
      'add',
      '--name',
      'Demo copy',
      '--env',
      'staging',
      '--engine',
      'sqlite',
      '--sqlite-path',
      join(home, 'copy.sqlite'),
      '--project',
      demo.projectDir,
    ]);
    cli(['projects', 'add', 'demo-shop', demo.projectDir]);
    // The demo connection's environment (demo) is proposed from the folder; staging comes after it.
    cli(['projects', 'env', 'demo-shop', 'staging', 'Demo copy', '--order', 'demo,staging']);
    await page.reload();

    const sidebar = page.getByRole('navigation', { name: 'Connections' });
    await sidebar
      .getByRole('list', { name: 'Projects' })
      .getByRole('button', { name: /demo-shop/ })
      .click();
    await page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Matrix' }).click();
    const grid = page.getByRole('grid', { name: /^Matrix: \d+ revisions by 2 connections/ });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(grid.getByRole('columnheader', { name: /staging Demo copy/ })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: /on demo .*: applied, / }).first()).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: /on staging Demo copy: pending$/ }).first()).toBeVisible();
    const gap = page.getByRole('region', { name: 'Between neighbouring environments' });
    await expect(gap).toContainText(/staging lacks \d+ revisions of demo: .* \(a plain upgrade\)/);
    expect(await violations(page)).toEqual([]);
    await shot('matrix-two-environments');

    await gap.getByRole('button', { name: 'Promote to staging…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote demo to staging' });
    const gates = dialog.getByRole('list', { name: 'Gates' });
    await expect(gates).toContainText('Preflight clean on the target (passed)', { timeout: 30_000 });
    await expect(gates).toContainText("Production: the connection's name typed (not needed)");
    await expect(dialog.getByText(/Dry run on Demo copy: the SQL/)).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await shot('matrix-promotion-gates');
    await dialog.getByRole('button', { name: 'Promote to staging' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Promoted demo to staging: Demo copy applied' })).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByRole('button', { name: 'Export Markdown' })).toBeVisible();
    await shot('matrix-promoted');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(gap).toContainText('staging has everything demo has');
    // The demo is not at its heads itself: staging now stands exactly where it does.
    const matrix = JSON.parse(cli(['matrix', '--project', 'demo-shop', '--json'])) as Matrix;
    expect(matrix.columns.map((c) => c.counts.applied)).toEqual([matrix.columns[0]?.counts.applied, matrix.columns[0]?.counts.applied]);
    expect(matrix.columns[1]?.counts.applied).toBeGreaterThan(0);
    await shot('matrix-level');
    expect(cli(['audit', '--json'])).toContain('promotion.run');
  } finally {
    await app.stop();
  }
});
