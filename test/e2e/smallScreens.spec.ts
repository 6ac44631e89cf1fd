// The demo workspace on a 1024×768 screen: the graph keeps its ids readable beside the revision
// panel, the connections fold away (button or Ctrl+B, kept), and the inventory loses no column.
import { expect, test, type Page } from '@playwright/test';
import { newHome, serve, type ServedApp } from './browserHost';
import { onScreen, overlap, shot, visibleBox, widthOfCharacters } from './geometry';

/** An id a person can still tell from its neighbours: the brief's 8 characters. */
const readableIdCharacters = 8;

const revisions = (page: Page) => page.getByRole('listbox', { name: 'Revisions' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Revision details' });

async function openFirstRevision(page: Page): Promise<void> {
  await revisions(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
}

/** The selected revision's id in the graph is readable, and the panel sits beside the graph, on screen. */
async function expectIdReadableBesidePanel(page: Page): Promise<void> {
  const id = revisions(page).locator('[aria-selected="true"] .graph-id');
  const seen = await visibleBox(id);
  expect(seen.right - seen.left, 'the visible width of the selected id').toBeGreaterThanOrEqual(await widthOfCharacters(id, readableIdCharacters));
  const panelBox = await visibleBox(panel(page));
  const panelWhole = await panel(page).boundingBox();
  expect(panelWhole && panelBox.right - panelBox.left, 'the panel is wholly on screen').toBeCloseTo(panelWhole?.width ?? -1, 0);
  expect(overlap(await visibleBox(revisions(page)), panelBox), 'the graph and the panel overlap').toBe(false);
}

test.describe('small screens', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  let app: ServedApp;

  test.beforeAll(async () => {
    app = await serve(newHome(), { SWITCHYARD_PASSPHRASE: 'small screens e2e passphrase', SWITCHYARD_DEMO: 'on' });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('at 1024×768 the graph keeps 8 characters of each id beside the revision panel, however wide the panel was made', async ({ page }) => {
    await page.goto(app.url);
    await openFirstRevision(page);
    await expectIdReadableBesidePanel(page);
    await shot(page, 'small-graph-panel-1024');

    // Widened as far as it goes (a width kept from a bigger screen): the graph still shows the ids.
    await page.getByRole('separator', { name: 'Revision panel width' }).focus();
    await page.keyboard.press('End');
    await expectIdReadableBesidePanel(page);
    await shot(page, 'small-graph-panel-widest-1024');

    // The split still answers the keyboard from the width the panel shows: one step narrows it.
    const shown = (await panel(page).boundingBox())?.width ?? 0;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await panel(page).boundingBox())?.width).toBeLessThan(shown);
  });

  test('the connections fold away with their button or Ctrl+B, give the screen their room, and stay as left', async ({ page }) => {
    await page.goto(app.url);
    const connections = page.getByRole('navigation', { name: 'Connections' });
    await expect(connections).toBeVisible();
    const graphWidth = (await revisions(page).boundingBox())?.width ?? 0;

    const hide = page.getByRole('button', { name: 'Hide connections' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await hide.click();
    await expect(connections).toBeHidden();
    const show = page.getByRole('button', { name: 'Show connections' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(show).toBeFocused();
    // The screen takes the room the list had.
    await expect.poll(async () => (await revisions(page).boundingBox())?.width).toBeGreaterThan(graphWidth + 200);
    // Which connection is open still shows, in the band across the top.
    await expect(page.locator('.env-band')).toContainText('Demo');
    await shot(page, 'small-connections-folded-1024');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Show connections' })).toBeVisible();
    await expect(connections).toBeHidden();

    await revisions(page).focus();
    await page.keyboard.press('Control+b');
    await expect(connections).toBeVisible();
    await page.keyboard.press('Control+b');
    await expect(connections).toBeHidden();
    await page.getByRole('button', { name: 'Show connections' }).press('Enter');
    await expect(connections).toBeVisible();
  });

  test('at 1024×768 the inventory scrolls sideways to every column, the table names staying in view', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('tab', { name: 'Inventory', exact: true }).click();
    const grid = page.getByRole('table', { name: 'Tables' });
    await expect(grid.getByRole('row').nth(1)).toBeVisible();
    // A sorted column's header carries its arrow (Status ▲ at first).
    const header = (name: string) => grid.getByRole('columnheader', { name: new RegExp(`^${name}( [▲▼])?$`) });
    const gridBox = await visibleBox(grid);
    const inGrid = async (name: string) => {
      const box = await header(name).boundingBox();
      return box !== null && box.x >= gridBox.left - 1 && box.x + box.width <= gridBox.right + 1;
    };
    expect(await inGrid('Name'), 'the Name column at first').toBe(true);

    // A user scrolls the grid sideways (Shift+wheel, a trackpad): every column comes into view.
    const box = await grid.boundingBox();
    if (!box) throw new Error('the grid has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (const name of ['Kind', 'Rows', 'Size', 'Indexes', 'Owner', 'Status', 'Created by']) {
      for (let turns = 0; turns < 8 && !(await inGrid(name)); turns += 1) await page.mouse.wheel(120, 0);
      expect(await inGrid(name), `the ${name} column can be scrolled into the grid`).toBe(true);
    }
    await page.mouse.wheel(2000, 0);
    await expect.poll(() => inGrid('Created by')).toBe(true);
    const firstRow = grid.getByRole('row').nth(1);
    const lastCell = firstRow.getByRole('cell').last();
    expect(await visibleBox(lastCell).then((b) => b.right - b.left)).toBeCloseTo((await lastCell.boundingBox())?.width ?? -1, 0);

    // Scrolled to the far right, each row still says which table it is, and its name is not covered.
    expect(await inGrid('Name'), 'the Name column once scrolled right').toBe(true);
    expect(await onScreen(header('Name')), 'the Name header is not covered').toBe(true);
    const nameCell = firstRow.getByRole('cell').nth(1);
    expect(await onScreen(nameCell), 'the first row’s name is not covered').toBe(true);
    const nameHead = await header('Name').boundingBox();
    expect((await nameCell.boundingBox())?.x).toBeCloseTo(nameHead?.x ?? -1, 0);
    await shot(page, 'small-inventory-scrolled-1024');
  });
});
