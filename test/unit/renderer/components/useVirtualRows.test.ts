import { describe, expect, it } from 'vitest';
import { slotOrder } from '../../../../src-renderer/components/useVirtualRows';

describe('the rows’ order in the DOM', () => {
  it('puts each row in view in its slot, index modulo the slots, so a row scrolling in replaces the one that left in place', () => {
    expect(slotOrder(0, 5, 8)).toEqual([0, 1, 2, 3, 4]);
    expect(slotOrder(6, 14, 8)).toEqual([8, 9, 10, 11, 12, 13, 6, 7]);
    const order = slotOrder(1003, 1049, 46);
    expect(order.map((i) => i % 46)).toEqual(Array.from({ length: 46 }, (_, slot) => slot));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 46 }, (_, k) => 1003 + k));
  });
});
