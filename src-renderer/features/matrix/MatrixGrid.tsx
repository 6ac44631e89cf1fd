// The matrix itself: revisions down (newest first, lanes at the left), connections across, one cell
// each with its state in words for a screen reader. Virtualised both ways: only the rows and columns
// in view are in the DOM, so 10,000 revisions by 20 environments scroll as a page of them does.
import { useState, type UIEvent } from 'react';
import { formatMoment } from '../../../src-shared/format/moment';
import { cellWords, type Matrix, type MatrixCell } from '../../../src-shared/model/matrix';
import { useVirtualRows } from '../../components/useVirtualRows';

const rowHeight = 28;
const columnWidth = 150;
const laneWidth = 10;
/** Lanes drawn at most; a wider graph says how many more it has. */
const maxLanes = 12;
const idWidth = 170;
const overscanColumns = 2;

const mark: Record<MatrixCell['state'], string> = { applied: '✓', pending: '·', failed: '✗', changed: '≠', unknown: '?', elsewhere: '—' };

function Lanes({ matrix, row, lines }: { matrix: Matrix; row: number; lines: Matrix['lines'] }) {
  const lanes = Math.min(matrix.laneCount, maxLanes);
  const x = (lane: number) => Math.min(lane, maxLanes - 1) * laneWidth + laneWidth / 2;
  const node = matrix.rows[row];
  if (!node) return null;
  return (
    <svg width={lanes * laneWidth} height={rowHeight} aria-hidden="true" className="matrix-lanes">
      {lines.map((line, i) => {
        const top = line.from === row ? rowHeight / 2 : 0;
        const bottom = line.to === row ? rowHeight / 2 : rowHeight;
        return <line key={i} x1={x(line.lane)} x2={x(line.lane)} y1={top} y2={bottom} className="matrix-lane-line" />;
      })}
      <circle cx={x(node.lane)} cy={rowHeight / 2} r={node.merge ? 4.5 : 3.5} className={node.merge ? 'matrix-dot merge' : 'matrix-dot'} />
    </svg>
  );
}

export function MatrixGrid({ matrix }: { matrix: Matrix }) {
  const rows = useVirtualRows(matrix.rows.length, rowHeight);
  const [firstColumn, setFirstColumn] = useState(0);
  const [viewWidth, setViewWidth] = useState(1200);
  const firstWidth = idWidth + Math.min(matrix.laneCount, maxLanes) * laneWidth + 8;
  const from = Math.max(0, firstColumn - overscanColumns);
  const to = Math.min(matrix.columns.length, firstColumn + Math.ceil(viewWidth / columnWidth) + 1 + overscanColumns);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    rows.onScroll(event);
    const element = event.currentTarget;
    setFirstColumn(Math.floor(Math.max(0, element.scrollLeft) / columnWidth));
    setViewWidth(element.clientWidth);
  };
  const visible = matrix.columns.slice(from, to).map((column, i) => ({ column, index: from + i }));
  // Lines crossing the rows in view, found once per render from the matrix's long lines.
  const crossing = matrix.lines.filter((l) => l.from < rows.last && l.to >= rows.first);
  const moment = (iso: string) => formatMoment(iso);
  return (
    <div
      className="matrix-viewport"
      ref={rows.viewport}
      onScroll={onScroll}
      tabIndex={0}
      role="grid"
      aria-label={`Matrix: ${matrix.rows.length} revisions by ${matrix.columns.length} connections (scroll with the arrow keys)`}
      aria-rowcount={matrix.rows.length + 1}
      aria-colcount={matrix.columns.length + 1}
    >
      <div className="matrix-canvas" style={{ width: firstWidth + matrix.columns.length * columnWidth, height: rowHeight * (matrix.rows.length + 1) }}>
        <div className="matrix-head" role="row" aria-rowindex={1} style={{ height: rowHeight }}>
          <div className="matrix-corner" role="columnheader" aria-colindex={1} style={{ width: firstWidth }}>
            Revision
          </div>
          {visible.map(({ column, index }) => (
            <div
              key={index}
              role="columnheader"
              aria-colindex={index + 2}
              className={`matrix-colhead${column.production ? ' production' : ''}`}
              style={{ left: firstWidth + index * columnWidth, width: columnWidth }}
              title={column.error ? `${column.profileName}: ${column.error.message}` : column.profileName}
            >
              <span className="matrix-env">{column.environment}</span> {column.profileName}
              {matrix.bindings && <span className="matrix-role"> ({column.role} database)</span>}
              {column.error && <span className="matrix-unread"> (not read)</span>}
            </div>
          ))}
        </div>
        {Array.from({ length: rows.last - rows.first }, (_, k) => {
          const i = rows.first + k;
          const row = matrix.rows[i];
          if (!row) return null;
          return (
            <div key={i % rows.slots} className="matrix-row" role="row" aria-rowindex={i + 2} style={{ top: rowHeight * (i + 1), height: rowHeight }}>
              <div className="matrix-revision" role="rowheader" aria-colindex={1} style={{ width: firstWidth }} title={`${row.id}: ${row.message}`}>
                <Lanes matrix={matrix} row={i} lines={crossing.filter((l) => l.from <= i && l.to >= i)} />
                <code>{row.id}</code>
                {row.branchLabels.length > 0 && <span className="matrix-label">{row.branchLabels.join(', ')}</span>}
              </div>
              {visible.map(({ column, index }) => {
                const cell = column.cells[i] ?? { state: 'unknown' as const };
                return (
                  <div
                    key={index}
                    role="gridcell"
                    aria-colindex={index + 2}
                    className={`matrix-cell ${cell.state}`}
                    style={{ left: firstWidth + index * columnWidth, width: columnWidth }}
                    aria-label={`${row.id} on ${column.environment} ${column.profileName}: ${column.error ? `unknown, not read: ${column.error.message}` : cellWords(cell, moment)}`}
                    title={column.error ? column.error.message : cellWords(cell, moment)}
                  >
                    <span aria-hidden="true">
                      {mark[cell.state]} {cell.state === 'pending' || cell.state === 'elsewhere' ? '' : cell.state}
                    </span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
