// The personas' steps by keyboard alone: Tab to a field and type, a PostgreSQL connection made in the
// connection form from its URI, a table's rows counted on the Inventory tab, a restore's question answered.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseWithArrows, tabTo } from './keyboard';

/** Tab to a text field and type into it, replacing what it held. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

export interface NewPostgresConnection {
  name: string;
  /** The environment as the form's list names it ("Staging", "Demo"). */
  environment: string;
  /** postgres://user@host:port/database, without the password. */
  uri: string;
  database: string;
  password: string;
  project: string;
}

/** The connection form, opened by its "+ New" or "Add a connection" button (`opener`), filled and saved with Enter. */
export async function addPostgresConnection(page: Page, opener: Locator, connection: NewPostgresConnection): Promise<void> {
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type(connection.name);
  const environment = page.getByLabel('Environment');
  await tabTo(page, environment);
  await chooseWithArrows(page, environment, connection.environment);
  // A typed URI fills the form on Enter.
  await typeInto(page, page.getByLabel('Paste a postgres:// URI to fill the form'), connection.uri);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Database', { exact: true })).toHaveValue(connection.database);
  await typeInto(page, page.getByLabel('Password', { exact: true }), connection.password);
  await typeInto(page, page.getByLabel(/^Migration project folder/), connection.project);
  // Enter in a field saves the form.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Saved ${connection.name}` })).toBeVisible();
}

/** The Inventory tab (Alt+3), filtered to one table, counted exactly: the rows the app shows it to hold. */
export async function expectRowsShown(page: Page, table: string, rows: number): Promise<void> {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'Inventory', exact: true })).toHaveAttribute('aria-selected', 'true');
  await typeInto(page, page.getByLabel('Filter by name'), table);
  await tabTo(page, page.getByRole('button', { name: /^Count rows \(/ }));
  await page.keyboard.press('Enter');
  const row = page
    .getByRole('table', { name: 'Tables' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: table, exact: true }) });
  await expect(row.getByTitle('exact count')).toHaveText(String(rows));
}

/** A restore's question (the open dialog) answered Restore: the safe Cancel has the focus, Restore is the next Tab once the server said who is connected. */
export async function answerRestore(page: Page): Promise<void> {
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const restore = ask.getByRole('button', { name: 'Restore', exact: true });
  await expect(restore).toBeEnabled();
  await tabTo(page, restore, { most: 3 });
  await page.keyboard.press('Enter');
}
