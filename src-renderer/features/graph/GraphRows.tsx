// The graph's rows, virtualised by hand: fixed row height, only the rows in view are rendered,
// so 10,000 revisions scroll like 40.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ViewItem } from '../../../src-shared/graph/linearRuns';
import type { ConnectionStatus } from '../../../src-shared/model/status';
import type { GraphModel } from './graphModel';
import { LaneCell, type NodeState } from './LaneCell';
import { lanesWidth, rowHeight } from './laneGeometry';

export interface StatusColumn {
  id: string;
  name: string;
  status: ConnectionStatus | undefined;
}

interface Props {
  model: GraphModel;
  items: ViewItem[];
  columns: StatusColumn[];
  selected: string | undefined;
  matches: ReadonlySet<string>;
  /** Revisions the comparison would apply or revert: marked in the rows. */
  gap: ReadonlySet<string>;
  scrollTo: number | undefined;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onExpand(firstRow: number): void;
  onMenu(id: string, x: number, y: number): void;
  onKey(event: KeyboardEvent): void;
}

const overscan = 8;

/** A column's status as sets: rows look revisions up while scrolling. */
interface StatusSets {
  applied: Set<string>;
  heads: Set<string>;
  changed: Set<string>;
}

function statusSets(status: ConnectionStatus | undefined): StatusSets | undefined {
  return status && { applied: new Set(status.applied), heads: new Set(status.heads), changed: new Set(status.changed) };
}

function stateIn(sets: StatusSets | undefined, id: string, ghost: boolean): NodeState {
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

export function GraphRows(props: Props) {
  const { model, items, columns, selected } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const sets = useMemo(() => columns.map((c) => statusSets(c.status)), [columns]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = viewport.current;
    if (!element || props.scrollTo === undefined) return;
    const y = props.scrollTo * rowHeight;
    if (y < element.scrollTop) element.scrollTop = y;
    else if (y + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = y + rowHeight - element.clientHeight;
  }, [props.scrollTo]);

  useEffect(() => {
    // After React commits the rows, the next frame is when they are on screen.
    const frame = requestAnimationFrame(() => performance.mark('graph:rows-painted'));
    return () => cancelAnimationFrame(frame);
  }, [model]);

  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  const lanes = lanesWidth(model.layout.laneCount);
  const template = `${Math.min(lanes, 360)}px ${columns.map(() => '84px').join(' ')} 150px minmax(0, 1fr)`;

  const visible = items.slice(first, last).map((item, k) => {
    const index = first + k;
    const style = { transform: `translateY(${index * rowHeight}px)`, gridTemplateColumns: template };
    if (item.kind === 'run') {
      const row = model.layout.rows[item.first] as GraphModel['layout']['rows'][number];
      const count = item.last - item.first + 1;
      return (
        <div key={`run${item.first}`} className="graph-row graph-run" style={style}>
          <LaneCell row={{ ...row, up: [], down: [], through: [...row.through, { lane: row.lane, dashed: true }] }} laneCount={model.layout.laneCount} state="unknown" merge={false} head={false} />
          {columns.map((c) => <span key={c.id} />)}
          <button type="button" className="graph-run-button small" onClick={() => props.onExpand(item.first)}>
            … {count} more revisions
          </button>
          <span className="muted small">linear history, collapsed — click to show</span>
        </div>
      );
    }
    const row = model.layout.rows[item.row] as GraphModel['layout']['rows'][number];
    const revision = model.revisions.get(row.id);
    const ghost = revision === undefined;
    const classes = ['graph-row', row.id === selected && 'selected', props.matches.has(row.id) && 'match', props.gap.has(row.id) && 'gap', ghost && 'ghost'].filter(Boolean).join(' ');
    const onContext = (event: MouseEvent) => {
      event.preventDefault();
      props.onSelect(row.id);
      props.onMenu(row.id, event.clientX, event.clientY);
    };
    return (
      <div
        key={row.id}
        className={classes}
        style={style}
        role="option"
        aria-selected={row.id === selected}
        aria-label={row.id}
        data-revision={row.id}
        onClick={() => props.onOpen(row.id)}
        onContextMenu={onContext}
      >
        <LaneCell row={row} laneCount={model.layout.laneCount} state={stateIn(sets[0], row.id, ghost)} merge={(revision?.parents.length ?? 0) > 1} head={model.heads.has(row.id)} />
        {columns.map((c, i) => {
          const word = statusWord(sets[i], row.id);
          return (
            <span key={c.id} className={`graph-status graph-status-${sets[i]?.applied.has(row.id) ? 'applied' : word}`} data-column={c.name}>
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
              {model.heads.has(row.id) && <span className="graph-tag head">head</span>}
              {revision.parents.length === 0 && <span className="graph-tag base">base</span>}
              {revision.parents.length > 1 && <span className="graph-tag merge">merge</span>}
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

  return (
    <div className="graph-viewport" ref={viewport} tabIndex={0} role="listbox" aria-label="Revisions" onScroll={(e) => setTop(e.currentTarget.scrollTop)} onKeyDown={props.onKey}>
      <div className="graph-canvas" style={{ height: items.length * rowHeight }}>
        {visible}
      </div>
    </div>
  );
}
