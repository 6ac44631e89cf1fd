// Moving around the app by keyboard alone, as a user who never touches the mouse: Tab (or
// Shift+Tab) until the wanted control has focus, and arrow keys through a closed <select>.
import { expect, type Locator, type Page } from '@playwright/test';

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses `key` until `target` has focus; fails, naming the target, if it is not reached in `most` presses. */
export async function tabTo(page: Page, target: Locator, { key = 'Tab', most = 60 }: { key?: 'Tab' | 'Shift+Tab'; most?: number } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < most; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached with ${most} presses of ${key}`).toBeFocused();
}

/** Picks the option labelled `label` of a focused-by-keyboard <select> with the arrow keys, as Chromium lets a closed select do. */
export async function chooseWithArrows(page: Page, select: Locator, label: string): Promise<void> {
  await expect(select).toBeFocused();
  const labels = await select.locator('option').allTextContents();
  const wanted = labels.indexOf(label);
  expect(wanted, `${label} among ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
  const at = await select.evaluate((element) => (element as HTMLSelectElement).selectedIndex);
  const key = wanted > at ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - at); i += 1) await page.keyboard.press(key);
  await expect(select.locator('option:checked')).toHaveText(label);
}
