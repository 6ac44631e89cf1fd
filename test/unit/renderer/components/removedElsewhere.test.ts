import { describe, expect, it } from 'vitest';
import { removedElsewhere } from '../../../../src-renderer/components/removedElsewhere';

const listed = [{ id: 'a' }, { id: 'b' }];

describe('removedElsewhere', () => {
  it('says the open item left the list read again', () => {
    expect(removedElsewhere('c', 'new', listed)).toBe(true);
    expect(removedElsewhere('a', 'new', [])).toBe(true);
  });

  it('keeps an item still listed, the form of a new one, and nothing open', () => {
    expect(removedElsewhere('b', 'new', listed)).toBe(false);
    expect(removedElsewhere('new', 'new', [])).toBe(false);
    expect(removedElsewhere(undefined, 'new', [])).toBe(false);
  });
});
