// The lanes of the rows in view on one canvas over the rows' first column: painting ~200 strokes
// costs less than laying out and painting an SVG per row (measured: the worst scrolling frame was
// mostly SVG layout, style and paint). Repainted after each render, before the browser paints.
import { useLayoutEffect, useRef } from 'react';
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import type { ViewItem } from '../../../src-shared/graph/linearRuns';
import { rowHeight } from './laneGeometry';
import { laneStrokes, type NodeLook, type Stroke } from './laneStrokes';

interface Props {
  rows: LaneRow[];
  items: ViewItem[];
  first: number;
  last: number;
  /** The lane column's width: lanes beyond it are cut off, as the column cuts them. */
  width: number;
  lookOf(row: LaneRow): NodeLook;
}

function paint(context: CanvasRenderingContext2D, strokes: readonly Stroke[]): void {
  for (const s of strokes) {
    context.beginPath();
    if (s.kind === 'circle') {
      context.arc(s.x, s.y, s.r, 0, 2 * Math.PI);
      if (s.fill !== undefined) {
        context.fillStyle = s.fill;
        context.fill();
      }
      context.setLineDash(s.dotted ? [2, 2] : []);
      context.lineWidth = s.width;
    } else {
      context.moveTo(s.x1, s.y1);
      const bend = (s.y2 - s.y1) / 2;
      if (s.kind === 'curve') context.bezierCurveTo(s.x1, s.y1 + bend, s.x2, s.y2 - bend, s.x2, s.y2);
      else context.lineTo(s.x2, s.y2);
      context.setLineDash(s.dashed ? [3, 3] : []);
      context.lineWidth = 2;
    }
    context.strokeStyle = s.colour;
    context.stroke();
  }
}

export function LaneCanvas({ rows, items, first, last, width, lookOf }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = Math.max(0, last - first) * rowHeight;
  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelsWide = Math.round(width * ratio);
    const pixelsHigh = Math.round(height * ratio);
    // Resizing clears the canvas and costs a new buffer: only when the window's size changed.
    if (element.width !== pixelsWide) element.width = pixelsWide;
    if (element.height !== pixelsHigh) element.height = pixelsHigh;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    paint(context, laneStrokes(rows, items, first, last, lookOf));
  });
  return <canvas ref={canvas} className="graph-lanes-canvas" style={{ width, height, transform: `translateY(${first * rowHeight}px)` }} aria-hidden="true" />;
}
