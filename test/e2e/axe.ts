// axe-core's WCAG 2 A and AA rules on the page as it stands, shared by every spec that checks accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The page's WCAG 2 A/AA violations in the light and then the dark theme (the system's preference, which the app follows), one readable line each.
 * `within`: only these parts (CSS selectors), for a spec whose screen another spec already checks whole (axe on a full graph takes seconds).
 */
export async function violations(page: Page, within: string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await within
      .reduce((axe, part) => axe.include(part), new AxeBuilder({ page }))
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    found.push(...result.violations.flatMap((v) => v.nodes.map((node) => `${colorScheme}: ${v.id}: ${v.help} — ${node.target.join(' ')}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
