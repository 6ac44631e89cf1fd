// Filling the app's forms by keyboard alone, for the personas' end-to-end tasks: Tab to a field and
// type, and a PostgreSQL connection made in the connection form from its URI.
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
