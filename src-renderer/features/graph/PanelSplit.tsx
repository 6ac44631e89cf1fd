// The handle between the graph and the revision panel: drag it, or focus it and use the arrow keys.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { panelWidths, usePanelWidth, widthAfterKey } from './panelWidthStore';

export function PanelSplit() {
  const { width, resize } = usePanelWidth();
  const handle = useRef<HTMLDivElement>(null);
  // On a small screen the panel shows narrower than the width kept for it (the graph's ids come
  // first): the handle moves and reports the width that shows.
  const [shown, setShown] = useState(width);
  useEffect(() => {
    const panel = handle.current?.nextElementSibling;
    if (!panel) return;
    const observer = new ResizeObserver(() => setShown(Math.round(panel.getBoundingClientRect().width)));
    observer.observe(panel);
    return () => observer.disconnect();
  }, []);
  // Keys and drags start from the width the panel has now, read from the page: the observed `shown`
  // lags a frame behind, and a second arrow key pressed within it would repeat the first's step.
  const current = () => {
    const panel = handle.current?.nextElementSibling;
    return panel ? Math.round(panel.getBoundingClientRect().width) : shown;
  };
  const onKey = (event: KeyboardEvent) => {
    const next = widthAfterKey(current(), event.key);
    if (next === undefined) return;
    event.preventDefault();
    resize(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const target = event.currentTarget;
    const startX = event.clientX;
    const startWidth = current();
    target.setPointerCapture(event.pointerId);
    const onMove = (move: globalThis.PointerEvent) => resize(startWidth - (move.clientX - startX));
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
  };
  return (
    <div
      ref={handle}
      className="panel-split"
      role="separator"
      aria-orientation="vertical"
      aria-label="Revision panel width"
      aria-valuenow={shown}
      aria-valuemin={panelWidths.min}
      aria-valuemax={panelWidths.max}
      tabIndex={0}
      onKeyDown={onKey}
      onPointerDown={onPointerDown}
    />
  );
}
