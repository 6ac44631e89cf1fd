// The accessibility checker itself: a page with one structural fault and one fault of the dark theme's
// colours must give both, so a screen that passes `violations` has been checked in both themes.
import { expect, test } from '@playwright/test';
import { violations } from './axe';

test('violations finds a missing name in the light theme and poor contrast only the dark theme has', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>axe check</title>
    <style>body { background: #fff; color: #111 } @media (prefers-color-scheme: dark) { body { background: #000; color: #eee } .note { color: #333 } }</style>
    </head><body><main><h1>Check</h1><p class="note">Grey on black in the dark theme</p><button></button></main></body></html>`);
  const found = await violations(page);
  expect(found.filter((line) => line.startsWith('light: button-name'))).toHaveLength(1);
  expect(found.filter((line) => line.startsWith('dark: color-contrast'))).toEqual([expect.stringMatching(/ — p$/)]);
  expect(found.filter((line) => line.startsWith('light: color-contrast'))).toEqual([]);
  // Only the parts asked for: the button's fault is outside `main p`.
  expect(await violations(page, ['main p'])).toEqual([expect.stringMatching(/^dark: color-contrast: .* — p$/)]);
});
