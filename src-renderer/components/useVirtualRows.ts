// Hand-rolled list virtualisation: with a fixed row height, only the rows in view (plus a margin)
// need to be in the DOM. Returns the viewport's ref and scroll handler, and the slice to render.
import { useEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

export interface VirtualRows {
  viewport: RefObject<HTMLDivElement | null>;
  onScroll(event: UIEvent<HTMLDivElement>): void;
  /** Render rows [first, last); row i sits at i * rowHeight. */
  first: number;
  last: number;
}

export function useVirtualRows(count: number, rowHeight: number, overscan = 8): VirtualRows {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return {
    viewport,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    first: Math.max(0, Math.floor(scrollTop / rowHeight) - overscan),
    last: Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan),
  };
}
