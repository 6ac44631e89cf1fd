// A fleet rollout from the app at 1280×720, as a consultant rolls a release over client databases:
// four SQLite databases of a project's environment (set up through the CLI, as a user would), the
// rollout started from the project's Rollouts tab, one row per database watched to done, the
// summary, the export offered, the rollout listed among the earlier ones — axe clean in both themes.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { violations } from './axe';
import { newHome, serve, type ServedApp } from './browserHost';

const passphrase = 'rollout e2e passphrase';
const clients = ['client-a', 'client-b', 'client-c', 'client-d'];

function cli(home: string, args: string[]): void {
  const run = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`switchyard ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
}

/** Three revisions; the second fills a table, long enough for a row to be seen running. */
function writeProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const revision = (n: number, parent: string | null, body: string) =>
    writeFileSync(
      join(dir, `00${n}_r${n}.sql`),
      `-- revision: r${n}\n-- parents: ${parent ?? 'none'}\n-- message: step ${n}\n-- migrate:up\n${body}\n-- migrate:down\nSELECT 1;\n`,
    );
  revision(1, null, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER);');
  revision(2, 'r1', 'INSERT INTO invoices (total) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT i FROM n;');
  revision(3, 'r2', 'CREATE INDEX invoices_total ON invoices (total);');
}

test.describe('fleet rollout', () => {
  let app: ServedApp;

  test.beforeAll(async () => {
    const home = newHome();
    const project = join(home, 'release', 'migrations');
    writeProject(project);
    for (const client of clients)
      cli(home, ['profiles', 'add', '--name', client, '--env', 'staging', '--engine', 'sqlite', '--sqlite-path', join(home, `${client}.db`)]);
    cli(home, ['projects', 'add', 'release', project]);
    cli(home, ['projects', 'env', 'release', 'clients', ...clients]);
    app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test("rolls the release over the environment's four databases, one row each, to done, and lists it", async ({ page }) => {
    test.setTimeout(3 * 60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.url);
    await page
      .getByRole('list', { name: 'Projects' })
      .getByRole('button', { name: /^release/ })
      .click();
    await page.getByRole('tab', { name: 'Rollouts' }).click();

    const form = page.getByRole('form', { name: 'New rollout' });
    await expect(form.getByLabel('Environment', { exact: true })).toHaveValue('clients');
    await expect(form.getByLabel('Target', { exact: true })).toHaveValue('heads');
    await form.getByLabel('At a time', { exact: true }).fill('2');
    expect(await violations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Start rollout' }).click();

    const rows = page.getByRole('table', { name: 'Databases of the rollout' }).getByRole('row');
    await expect(rows).toHaveCount(clients.length + 1);
    // Two at a time: a row is seen running its revisions while another waits.
    await expect(rows.filter({ hasText: /running (revision \d of 3|: planning)/ }).first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/rollout-running.png', fullPage: true });

    await expect(page.getByRole('status').filter({ hasText: 'Rollout done' })).toHaveText('Rollout done: 4 done of 4.', { timeout: 90_000 });
    // Each row by its own connection's cell: the others' rehearsal cells name the canary.
    const rowOf = (client: string) => rows.filter({ has: page.getByRole('cell', { name: client, exact: true }) });
    for (const client of clients) await expect(rowOf(client)).toContainText('done, 3 revisions applied');
    // Staging connections: the first (the canary) rehearsed on a clone before any ran, standing for the others.
    await expect(rowOf(clients[0]!)).toContainText(/rehearsed ✓ on a clone in \d+ ms/);
    await expect(rowOf(clients[1]!)).toContainText(`not rehearsed: ${clients[0]!} rehearsed for the fleet (canary)`);
    await expect(page.getByRole('button', { name: 'Resume rollout' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    await expect(page.getByRole('list').filter({ hasText: 'heads on the environment clients of release' })).toContainText('done · 4 done of 4');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/rollout-done.png', fullPage: true });

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/rollout-done-dark.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    expect((await download).suggestedFilename()).toMatch(/^rollout-[0-9a-f]{8}\.md$/);
  });
});
