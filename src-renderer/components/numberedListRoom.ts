// Room on the left of an ordered list for its numbers: "10." and "100." need more than the 20-odd
// pixels a list usually leaves them, and a list that scrolls cuts off what sticks out.
import type { CSSProperties } from 'react';

/** The list's left padding for `count` items: a digit's width per digit, and two more for the dot and the space after it. */
export function numberedListRoom(count: number): CSSProperties {
  return { paddingInlineStart: `${String(Math.max(1, count)).length + 2}ch` };
}
