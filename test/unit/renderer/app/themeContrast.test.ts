// Both themes readable: every colour has a light and a dark value, and text colours keep WCAG AA
// contrast (4.5:1) on the page and panel backgrounds in each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('src-renderer/styles.css', 'utf8');

/** Each theme's colours, from `--name: light-dark(#light, #dark);` in the root block. */
function themeColours(): { light: Map<string, string>; dark: Map<string, string> } {
  const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
  const pairs = [...root.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)\s*;/gi)];
  return {
    light: new Map(pairs.map((m) => [m[1] as string, m[2] as string])),
    dark: new Map(pairs.map((m) => [m[1] as string, m[3] as string])),
  };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const { light, dark } = themeColours();
// The SQL colours too: the revision panel shows a revision's SQL in them.
const texts = [
  'text',
  'muted',
  'ok-text',
  'bad-text',
  'warn-text',
  'caution-text',
  'merge-text',
  'accent',
  'sql-keyword',
  'sql-string',
  'sql-number',
  'sql-comment',
  'sql-identifier',
];

describe('the light and dark themes', () => {
  it('give every colour of the root a light and a dark value', () => {
    const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
    const colours = [...root.matchAll(/--([\w-]+):\s*([^;]+);/g)].filter((m) => /#|rgb|hsl/.test(m[2] as string)).map((m) => m[1]);
    expect(colours.length).toBeGreaterThan(0);
    expect([...light.keys()]).toEqual(colours);
  });

  it('colour text with the text colours, never with the fills (--ok and --bad are under 4.5:1 on the light panel)', () => {
    const textOnFill = [...css.matchAll(/(?<![-\w])color:\s*var\(--(?:ok|bad)\)/g)].map((m) => m[0]);
    expect(textOnFill).toEqual([]);
  });

  it('colour text with the theme’s colours, whose dark value is checked too (a fixed grey was 2.8:1 on the dark panel)', () => {
    const fixed = [...css.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3,6})/gi)].map((m) => m[0]);
    expect(fixed).toEqual([]);
  });

  for (const [name, theme] of [
    ['dark', dark],
    ['light', light],
  ] as const) {
    it(`keeps text readable on the ${name} backgrounds`, () => {
      for (const text of texts) {
        for (const background of ['bg', 'panel', 'panel-2']) {
          const ratio = contrast(theme.get(text) ?? '', theme.get(background) ?? '');
          expect({ text, background, readable: ratio >= 4.5 }).toEqual({ text, background, readable: true });
        }
      }
    });
  }
});
