import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../../../src-shared/format/moment';

describe('a moment as people read it', () => {
  it('says the day with its month in words, 24-hour time and the time zone', () => {
    expect(formatMoment('2026-12-01T16:43:10.123Z', 'UTC')).toBe('1 Dec 2026, 16:43:10 UTC');
  });

  it("shows the viewer's zone, whatever zone the time was recorded in", () => {
    expect(formatMoment('2026-12-01T04:43:10+00:00', 'Europe/Berlin')).toBe('1 Dec 2026, 05:43:10 CET');
    expect(formatMoment('2026-07-01 06:43:10+02', 'UTC')).toBe('1 Jul 2026, 04:43:10 UTC');
  });

  it('shows a time recorded without its zone as recorded, rather than guess the zone', () => {
    expect(formatMoment('2024-01-01 10:00:00', 'UTC')).toBe('2024-01-01 10:00:00');
    expect(formatMoment('2024-01-01 10:00:00.123456', 'Europe/Berlin')).toBe('2024-01-01 10:00:00.123456');
  });
});
