// The consultant's task from start to finish, by keyboard alone at 1280×720: "reset a demo for the
// next client on either engine". The first run's SQLite demo, and a PostgreSQL database in the demo
// environment made into a demo in the app (a connection, a reset seeded with the demo data, kept as
// the pristine demo); in each, a client's session changes data, Reset demo puts it back, and the
// Inventory's exact count shows it.
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import type { ConnectionTarget } from '../../src-main/drivers/driver';
import { sqliteTarget } from '../support/migrationTargets';
import { newHome, serve } from './browserHost';
import { tabTo } from './keyboard';
import { addPostgresConnection, answerRestore, expectRowsShown, typeInto } from './keyboardForms';
import { emptyDatabase, inDatabase } from './personaDatabase';

const passphrase = 'consultant persona e2e passphrase';

test.use({ viewport: { width: 1280, height: 720 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Three documents a client's session added during the demo. */
const clientWorksIn = (target: ConnectionTarget) =>
  inDatabase(target, (driver) =>
    driver.execScript(
      "INSERT INTO documents (id, title, body) VALUES (401, 'Client A brief', 'notes'), (402, 'Client A pricing', 'notes'), (403, 'Client A contract', 'notes')",
    ),
  );

const documentsIn = (target: ConnectionTarget) =>
  inDatabase(target, async (driver) => Number((await driver.query<{ n: number | string }>('SELECT count(*) AS n FROM documents'))[0]?.n));

/** Reset demo at the top of the Reset tab (Alt+5), asked like every restore, answered by keyboard. */
async function resetDemo(page: Page, database: string): Promise<void> {
  await page.keyboard.press('Alt+5');
  await tabTo(page, page.getByRole('button', { name: 'Reset demo', exact: true }));
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('heading')).toHaveText(`Restore “Pristine demo” over ${database}?`);
  await expect(ask).toContainText('Everything written to it since then is lost.');
  await answerRestore(page);
  await expect(page.getByRole('status').filter({ hasText: 'Restored "Pristine demo"' })).toBeVisible({ timeout: 30_000 });
}

test('a consultant resets the demo for the next client on SQLite and on PostgreSQL, by keyboard alone', async ({ page }) => {
  const database = 'consultant client demo';
  // The client's server has an empty database for the demo; everything else happens in the app.
  const postgres = await emptyDatabase(database);
  const clientDemo = postgres.target;
  const home = newHome();
  const sqliteDemo = sqliteTarget(join(home, 'demo', 'demo.sqlite'), '').connection;
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase, SWITCHYARD_DEMO: 'on' });
  try {
    await page.goto(app.url);
    // The first run opens the demo on its graph.
    await expect(page.getByRole('status', { name: 'Database status' })).toContainText('pending');

    // SQLite: yesterday's client left three documents behind; Reset demo takes them away.
    await clientWorksIn(sqliteDemo);
    await expectRowsShown(page, 'documents', 403);
    await resetDemo(page, 'demo.sqlite');
    expect(await documentsIn(sqliteDemo)).toBe(400);
    await expectRowsShown(page, 'documents', 400);
    await shot(page, 'persona-consultant-1-sqlite-reset');

    // PostgreSQL: a connection in the demo environment, bound to the demo project, made in the form.
    await addPostgresConnection(page, page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: '+ New' }), {
      name: 'Client demo',
      environment: 'Demo',
      uri: postgres.uri,
      database,
      password: clientDemo.password ?? '',
      project: resolve('assets/demo'),
    });
    await expect(page.locator('.env-band')).toHaveAttribute('data-environment', 'demo');

    // No pristine demo yet: the Reset tab says so, and builds one.
    await page.keyboard.press('Alt+5');
    const why = page.getByRole('note', { name: 'Reset demo' });
    await expect(why).toContainText('this database has none');
    await expect(why).not.toContainText('have it back');
    await tabTo(page, why.getByRole('button', { name: 'Rebuild the pristine demo' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Seed SQL file (optional)')).toHaveValue(resolve('assets/demo-data.sql'));
    await tabTo(page, page.getByRole('button', { name: 'Next: impact' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'What will be destroyed' })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Next: safety net' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(/Take a snapshot first/)).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Next: confirm' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Statements' })).toContainText(`run the SQL in ${resolve('assets/demo-data.sql')}`);
    await typeInto(page, page.getByLabel(/Type the database name/), database);
    await tabTo(page, page.getByRole('button', { name: `Reset ${database}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Reset done' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Steps' }).locator('[data-outcome="done"]').filter({ hasText: 'Run the seed SQL' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Verification' })).toContainText('none missing, none unexpected');
    expect(await documentsIn(clientDemo)).toBe(400);

    const snapshots = page.getByRole('region', { name: /^Snapshots of/ });
    await tabTo(page, snapshots.getByRole('button', { name: 'Keep as pristine demo' }));
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog');
    await expect(ask).toContainText('Reset demo button at the top of this tab restores it for the next client');
    const keep = ask.getByRole('button', { name: 'Keep as pristine demo' });
    await expect(keep).toBeEnabled();
    await tabTo(page, keep, { most: 3 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Snapshot "Pristine demo" taken' })).toBeVisible({ timeout: 30_000 });
    await expect(why).toHaveCount(0);
    await shot(page, 'persona-consultant-2-postgres-pristine');

    // Today's client adds their documents; Reset demo takes them away for the next one.
    await clientWorksIn(clientDemo);
    await expectRowsShown(page, 'documents', 403);
    await resetDemo(page, database);
    // The wizard's summary of the reset that built the demo no longer describes the database, and says so.
    await expect(page.getByRole('status').filter({ hasText: `“Pristine demo” was restored over ${database} since this reset` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Verification' })).toHaveCount(0);
    expect(await documentsIn(clientDemo)).toBe(400);
    await expectRowsShown(page, 'documents', 400);
    await shot(page, 'persona-consultant-3-postgres-reset');
  } finally {
    await app.stop();
    await postgres.drop();
  }
});
