// The handle between the graph and the revision panel: drag it, or focus it and use the arrow keys.
import type { KeyboardEvent, PointerEvent } from 'react';
import { panelWidths, usePanelWidth, widthAfterKey } from './panelWidthStore';

export function PanelSplit() {
  const { width, resize } = usePanelWidth();
  const onKey = (event: KeyboardEvent) => {
    const next = widthAfterKey(width, event.key);
    if (next === undefined) return;
    event.preventDefault();
    resize(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = width;
    handle.setPointerCapture(event.pointerId);
    const onMove = (move: globalThis.PointerEvent) => resize(startWidth - (move.clientX - startX));
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };
  return (
    <div
      className="panel-split"
      role="separator"
      aria-orientation="vertical"
      aria-label="Revision panel width"
      aria-valuenow={width}
      aria-valuemin={panelWidths.min}
      aria-valuemax={panelWidths.max}
      tabIndex={0}
      onKeyDown={onKey}
      onPointerDown={onPointerDown}
    />
  );
}
