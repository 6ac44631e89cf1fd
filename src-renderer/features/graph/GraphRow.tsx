// One revision's row, memoised: scrolling renders only the rows coming into view. Its lanes are drawn
// by LaneCanvas, over the row's first column.
import { memo, type MouseEvent } from 'react';
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import type { MigrationStatus } from '../../../src-shared/model/status';
import type { ReportRevision } from './graphModel';
import type { EnvironmentColumn } from './environmentComparison';
import type { LegendDatabase } from './bindingLegend';
import type { NodeState } from './laneStrokes';
import { rowHeight } from './laneGeometry';

/** A column's status as sets: rows look revisions up while scrolling. */
export interface StatusSets {
  applied: Set<string>;
  heads: Set<string>;
  changed: Set<string>;
}

export function statusSets(status: MigrationStatus | undefined): StatusSets | undefined {
  return status && { applied: new Set(status.applied), heads: new Set(status.heads), changed: new Set(status.changed) };
}

/** The node's look in the lanes: applied or pending in the selected database (the first column). */
export function stateIn(sets: StatusSets | undefined, id: string, ghost: boolean): NodeState {
  if (ghost) return 'ghost';
  if (!sets) return 'unknown';
  return sets.applied.has(id) ? 'applied' : 'pending';
}

/** What the status cell says: the database's current head, changed since applied, applied or pending. */
function statusWord(sets: StatusSets | undefined, id: string): string {
  if (!sets) return '—';
  if (sets.changed.has(id)) return 'changed';
  if (sets.heads.has(id)) return 'current';
  return sets.applied.has(id) ? 'applied' : 'pending';
}

interface Props {
  row: LaneRow;
  /** The row's place among all the rows (from 0), of `count`: the DOM holds only those in view, in their slots' order. */
  index: number;
  count: number;
  template: string;
  revision: ReportRevision | undefined;
  head: boolean;
  columns: EnvironmentColumn[];
  sets: Array<StatusSets | undefined>;
  selected: boolean;
  match: boolean;
  gap: boolean;
  /** Objects this revision made differ in the database (drift). */
  drifted?: boolean;
  /** In a project with bindings: the database the revision lives on, or 'none' when it lives on none (or on two). */
  database?: LegendDatabase | 'none' | undefined;
  onOpen(id: string): void;
  onSelect(id: string): void;
  onMenu(id: string, x: number, y: number): void;
}

export const GraphRow = memo(function GraphRow({
  row,
  index,
  count,
  template,
  revision,
  head,
  columns,
  sets,
  selected,
  match,
  gap,
  drifted = false,
  database,
  onOpen,
  onSelect,
  onMenu,
}: Props) {
  const ghost = revision === undefined;
  const classes = ['graph-row', selected && 'selected', match && 'match', gap && 'gap', ghost && 'ghost'].filter(Boolean).join(' ');
  const onContext = (event: MouseEvent) => {
    event.preventDefault();
    onSelect(row.id);
    onMenu(row.id, event.clientX, event.clientY);
  };
  return (
    <div
      className={classes}
      // Contained: a row coming into view is laid out and painted alone, never its neighbours.
      style={{ transform: `translateY(${index * rowHeight}px)`, gridTemplateColumns: template, contain: 'strict' }}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-label={row.id}
      data-revision={row.id}
      onClick={() => onOpen(row.id)}
      onContextMenu={onContext}
    >
      {/* The lanes' column: LaneCanvas draws over it. */}
      <span />
      {columns.map((c, i) => {
        const word = statusWord(sets[i], row.id);
        return (
          <span key={c.id} className={`graph-status graph-status-${word}`} data-column={c.name}>
            {ghost ? '' : word}
          </span>
        );
      })}
      <code className="graph-id">{row.id}</code>
      <span className="graph-message">
        {ghost ? (
          <span className="graph-anomaly-text">missing parent: no file defines this revision</span>
        ) : (
          <>
            {head && <span className="graph-tag head">head</span>}
            {revision.parents.length === 0 && <span className="graph-tag base">base</span>}
            {revision.parents.length > 1 && <span className="graph-tag merge">merge</span>}
            {drifted && (
              <span className="graph-tag drift" title="Objects this revision made differ in the database: see the Migrations tab">
                drifted
              </span>
            )}
            {database === 'none' && (
              <span className="graph-tag anomaly" title="No bound database runs this revision: see the legend above">
                no database
              </span>
            )}
            {database !== undefined && database !== 'none' && (
              <span
                className="graph-tag database"
                data-swatch={database.swatch}
                title={`Runs on the ${database.role} database (${database.connection ?? 'no connection'})`}
              >
                {database.role} db
              </span>
            )}
            {revision.branchLabels.map((l) => (
              <span key={l} className="graph-tag label">
                @{l}
              </span>
            ))}
            {revision.message}
            <span className="graph-file muted">{revision.file}</span>
          </>
        )}
      </span>
    </div>
  );
});
