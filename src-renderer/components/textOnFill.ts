// The text colour for words written on a colour fill (the environment band and badges): white where
// it keeps WCAG AA contrast (4.5:1), black otherwise — staging's orange was 2.5:1 under white.

/** The relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** White on fills dark enough for it, black on the others. */
export function textOnFill(fill: string): '#ffffff' | '#000000' {
  return contrastRatio('#ffffff', fill) >= 4.5 ? '#ffffff' : '#000000';
}
