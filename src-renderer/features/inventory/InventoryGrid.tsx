// The table grid, virtualised by hand: fixed row height, only the rows in view (plus a few) are in
// the DOM, so 10,000 tables scroll like 10.
import type { ReactNode } from 'react';
import type { AnalysisIncomplete, InventoryTable, RevisionRef } from '../../../src-shared/model/inventory';
import { analysisMayExplain, formatBytes, statusLabels } from '../../../src-shared/model/inventoryExport';
import { useVirtualRows } from '../../components/useVirtualRows';
import { isCountable, type Sort, type SortColumn, type Totals } from './inventoryView';
import { tableDriftText, tablePath, type TableDrift } from './tableDrift';

export const rowHeight = 30;
const numbers = new Intl.NumberFormat('en-US');

interface Column {
  id: SortColumn;
  label: string;
  numeric?: boolean;
}

const columns: Column[] = [
  { id: 'schema', label: 'Schema' },
  { id: 'name', label: 'Name' },
  { id: 'kind', label: 'Kind' },
  { id: 'rows', label: 'Rows', numeric: true },
  { id: 'bytes', label: 'Size', numeric: true },
  { id: 'indexCount', label: 'Indexes', numeric: true },
  { id: 'owner', label: 'Owner' },
  { id: 'status', label: 'Status' },
  { id: 'createdBy', label: 'Created by' },
];

export interface GridRow extends InventoryTable {
  /** Why the exact count failed (timed out), when it did. */
  countError?: string;
}

interface Props {
  rows: GridRow[];
  /** Said beside each unexpected, missing or conflicting table, whose status it may explain. */
  analysisIncomplete: AnalysisIncomplete | null;
  sort: Sort;
  totals: Totals;
  canCount: boolean;
  onSort(column: SortColumn): void;
  onCount(table: GridRow): void;
  onShowRevision(revision: string): void;
  /** The drift of each table by its path (`tablePath`): its columns' statuses, another application's tables. */
  drift?: ReadonlyMap<string, TableDrift>;
}

function RowsCell({ row }: { row: GridRow }) {
  if (row.status === 'missing') return <>—</>;
  if (row.exactRows !== null) return <span title="exact count">{numbers.format(row.exactRows)}</span>;
  if (row.countError)
    return (
      <span className="inventory-warn" title={row.countError}>
        {row.countError}
      </span>
    );
  if (row.estimatedRows === null)
    return (
      <span className="muted" title="never analysed: count it for an exact number">
        ?
      </span>
    );
  return (
    <span className="muted" title="estimate from the planner's statistics">
      ~{numbers.format(row.estimatedRows)}
    </span>
  );
}

function RevisionLink({ revision, onShow }: { revision: RevisionRef; onShow(revision: string): void }) {
  return (
    <button
      type="button"
      className="inventory-revision"
      title={`Show ${revision.revision} in the graph (${revision.file}:${revision.line})`}
      onClick={() => onShow(revision.revision)}
    >
      <code>{revision.revision}</code>
    </button>
  );
}

function CreatedByCell({ row, onShow }: { row: GridRow; onShow(revision: string): void }) {
  if (row.status === 'conflict' && row.conflictWith) {
    return (
      <span>
        pending <RevisionLink revision={row.conflictWith} onShow={onShow} /> creates it
      </span>
    );
  }
  if (!row.createdBy && row.mayBeCreatedBy) {
    return (
      <span title={row.mayBeCreatedBy.how}>
        maybe <RevisionLink revision={row.mayBeCreatedBy} onShow={onShow} /> <span className="muted small">{row.mayBeCreatedBy.how}</span>
      </span>
    );
  }
  if (!row.createdBy) return null;
  return (
    <span>
      <RevisionLink revision={row.createdBy} onShow={onShow} />{' '}
      <span className="muted small">
        {row.createdBy.file}:{row.createdBy.line}
      </span>
    </span>
  );
}

/** The table's status, another application's when a rule says so, and its drifted columns after it. */
function StatusCell({ row, props }: { row: GridRow; props: Props }) {
  if (!row.status) return null;
  const drift = props.drift?.get(tablePath(row));
  const other = row.status === 'unexpected' && drift?.otherApplication;
  const drifted = drift && !other ? tableDriftText(drift) : '';
  return (
    <span className={`inventory-status status-${other ? 'other' : row.status}`}>
      {other ? <span title={`set apart by the rule: ${other}`}>Other application</span> : statusLabels[row.status]}
      {props.analysisIncomplete && analysisMayExplain(row, props) && (
        <span className="inventory-warn" title={props.analysisIncomplete.message} aria-label={`(${props.analysisIncomplete.message})`}>
          *
        </span>
      )}
      {drifted && (
        <span className="inventory-columns" title={`Drifted from the migrations: ${drifted}`}>
          {' '}
          · {drifted}
        </span>
      )}
    </span>
  );
}

function cells(row: GridRow, props: Props): ReactNode[] {
  const { canCount, onCount, onShowRevision } = props;
  return [
    row.schema,
    <span title={row.comment ? `${row.name}: ${row.comment}` : row.name}>{row.name}</span>,
    row.kind,
    <RowsCell row={row} />,
    row.bytes === null ? (
      ''
    ) : (
      <span className={row.bytesExact ? '' : 'muted'} title={row.bytesExact ? 'exact' : 'estimate from page counts'}>
        {row.bytesExact ? '' : '~'}
        {formatBytes(row.bytes)}
      </span>
    ),
    row.status === 'missing' ? '' : row.indexCount,
    row.owner ?? '',
    <StatusCell row={row} props={props} />,
    <CreatedByCell row={row} onShow={onShowRevision} />,
    isCountable(row) ? (
      <button type="button" className="small" disabled={!canCount} aria-label={`Count rows of ${row.schema}.${row.name}`} onClick={() => onCount(row)}>
        Count
      </button>
    ) : null,
  ];
}

export function InventoryGrid(props: Props) {
  const { rows, sort, totals, onSort } = props;
  const { viewport, onScroll, first, last } = useVirtualRows(rows.length, rowHeight);
  const visible = rows.slice(first, last);

  return (
    <div className="inventory-grid" role="table" aria-label="Tables" aria-rowcount={rows.length + 2}>
      {/* One box scrolls both ways, so the head and totals move sideways with the rows (a small screen scrolls to every column). */}
      <div className="inventory-viewport" ref={viewport} onScroll={onScroll}>
        <div className="inventory-row inventory-head" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <div
              key={c.id}
              role="columnheader"
              className={c.numeric ? 'numeric' : undefined}
              aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" className="inventory-sort" onClick={() => onSort(c.id)}>
                {c.label}
                {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </div>
          ))}
          <div role="columnheader" aria-label="Actions" />
        </div>
        {/* Empty, it is as tall as its message, which the totals would otherwise cover. */}
        <div className="inventory-canvas" style={rows.length > 0 ? { height: rows.length * rowHeight } : undefined}>
          {visible.map((row, i) => (
            <div
              key={`${row.schema}\u0000${row.name}`}
              className={`inventory-row${row.status === 'missing' ? ' missing' : ''}`}
              role="row"
              aria-rowindex={first + i + 2}
              style={{ top: (first + i) * rowHeight }}
            >
              {cells(row, props).map((cell, c) => (
                <div key={c} role="cell" className={columns[c]?.numeric ? 'numeric' : undefined}>
                  {cell}
                </div>
              ))}
            </div>
          ))}
          {rows.length === 0 && <p className="muted inventory-empty">No table matches the filter.</p>}
        </div>
        <div className="inventory-row inventory-foot" role="row" aria-rowindex={rows.length + 2}>
          <div role="cell">Total</div>
          <div role="cell">{numbers.format(totals.tables)} tables</div>
          <div role="cell" />
          <div role="cell" className="numeric">
            {numbers.format(totals.rows)}
          </div>
          <div role="cell" className="numeric">
            {formatBytes(totals.bytes)}
          </div>
          <div role="cell" className="numeric">
            {numbers.format(totals.indexes)}
          </div>
          <div role="cell" />
          <div role="cell" />
          <div role="cell" />
          <div role="cell" />
        </div>
      </div>
    </div>
  );
}
