import { describe, expect, it } from 'vitest';
import { timeAgo } from '../../../src-shared/format/timeAgo';

describe('timeAgo', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('says minutes, hours and days in words', () => {
    expect(timeAgo('2026-12-01T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-12-01T11:58:00Z', now)).toBe('2 min ago');
    expect(timeAgo('2026-12-01T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-11-30T11:00:00Z', now)).toBe('1 day ago');
    expect(timeAgo('2026-11-27T12:00:00Z', now)).toBe('4 days ago');
  });

  it('shows a moment it cannot read as it was written', () => {
    expect(timeAgo('yesterday', now)).toBe('yesterday');
  });
});
