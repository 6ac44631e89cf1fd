// Hand-rolled list virtualisation: with a fixed row height, only the rows in view (plus a margin)
// need to be in the DOM. Returns the viewport's ref and scroll handler, and the slice to render.
import { useCallback, useEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

export interface VirtualRows {
  viewport: RefObject<HTMLDivElement | null>;
  onScroll(event: UIEvent<HTMLDivElement>): void;
  /** Render rows [first, last); row i sits at i * rowHeight. */
  first: number;
  last: number;
  /**
   * The most rows [first, last) can hold. Keyed by `index % slots`, a row coming into view takes over
   * the elements of one that left, instead of the DOM being torn down and rebuilt on every frame.
   */
  slots: number;
}

export function useVirtualRows(count: number, rowHeight: number, overscan = 8): VirtualRows {
  const viewport = useRef<HTMLDivElement>(null);
  // The top row, not the scroll offset: scrolling within a row renders nothing again.
  const [topRow, setTopRow] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // A row partly in view at the bottom counts: one more than fit whole.
  const inView = Math.ceil(height / rowHeight) + 1;
  // The same handler every render: a new one is a prop change React commits to the viewport each frame.
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => setTopRow(Math.floor(event.currentTarget.scrollTop / rowHeight)), [rowHeight]);
  return {
    viewport,
    onScroll,
    first: Math.max(0, topRow - overscan),
    last: Math.min(count, topRow + inView + overscan),
    slots: inView + 2 * overscan,
  };
}

/**
 * The rows [first, last) in the order of their slots, not of their positions: a row scrolling in takes the
 * place of the one that left in the DOM too, so React updates its elements where they stand instead of
 * moving half the rows each frame (a moved element loses its layout and style and is rebuilt).
 */
export function slotOrder(first: number, last: number, slots: number): number[] {
  const order: number[] = [];
  for (let slot = 0; slot < slots; slot += 1) {
    const index = first + ((((slot - first) % slots) + slots) % slots);
    if (index < last) order.push(index);
  }
  return order;
}
