// axe-core's WCAG 2 A and AA rules on the page as it stands, shared by every spec that checks accessibility.
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules whose verdict depends on colours: all a theme changes (the rest read structure, names and roles, the same in both). */
const colourRules = ['color-contrast', 'link-in-text-block'];

let axeSource: string | undefined;

/**
 * axe-core put into the page once, until it navigates: `@axe-core/playwright` parses its 500 kB
 * again for each analysis, which was half of a11y.spec's time. `page.evaluate` runs it past the app's CSP.
 */
async function withAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
}

type AxeInPage = { axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> } };

async function analyze(page: Page, within: string[], options: RunOptions): Promise<AxeResults> {
  const context: ElementContext = within.length > 0 ? { include: within.map((selector) => [selector]) } : { exclude: [] };
  // Serialised across to the page as JSON; typed loosely here (Playwright's argument types recurse too deep for axe's).
  const argument: unknown = { context, options };
  const results: unknown = await page.evaluate((given) => {
    const { context, options } = given as { context: ElementContext; options: RunOptions };
    return (window as unknown as AxeInPage).axe.run(context, options);
  }, argument);
  return results as AxeResults;
}

/**
 * The page's WCAG 2 A/AA violations in the light and then the dark theme (the system's preference, which the app follows), one readable line each.
 * Every rule runs in the light theme; the dark theme runs the rules colours decide (contrast), since only colours differ between the two.
 * `within`: only these parts (CSS selectors), for a spec whose screen another spec already checks whole (axe on a full graph takes seconds).
 */
export async function violations(page: Page, within: string[] = []): Promise<string[]> {
  await withAxe(page);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const runOnly = colorScheme === 'light' ? { type: 'tag' as const, values: wcag } : { type: 'rule' as const, values: colourRules };
    const result = await analyze(page, within, { runOnly, resultTypes: ['violations'] });
    found.push(...result.violations.flatMap((v) => v.nodes.map((node) => `${colorScheme}: ${v.id}: ${v.help} — ${node.target.join(' ')}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
