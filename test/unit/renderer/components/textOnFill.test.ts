// Words on an environment's colour stay readable: the band's and the badges' text keeps 4.5:1 on
// every environment's fill, production's second stripe included.
import { describe, expect, it } from 'vitest';
import { environmentColours, environments } from '../../../../src-shared/model/profile';
import { contrastRatio, textOnFill } from '../../../../src-renderer/components/textOnFill';

/** Production's band alternates its colour with this darker red (styles.css, .env-band.env-prod). */
const productionStripe = '#c92a2a';

describe('textOnFill', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  for (const environment of environments) {
    it(`keeps the ${environment} band and badge readable`, () => {
      const fill = environmentColours[environment];
      const fills = environment === 'prod' ? [fill, productionStripe] : [fill];
      for (const each of fills) expect(contrastRatio(textOnFill(fill), each)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
