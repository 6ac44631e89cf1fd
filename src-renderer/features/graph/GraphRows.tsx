// The graph's rows, virtualised by hand: fixed row height, only the rows in view are rendered,
// so 10,000 revisions scroll like 40.
import { useCallback, useEffect, useMemo, type KeyboardEvent } from 'react';
import { slotOrder, useVirtualRows } from '../../components/useVirtualRows';
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import type { ViewItem } from '../../../src-shared/graph/linearRuns';
import { ComparisonHeads } from './ComparisonHeads';
import type { EnvironmentColumn } from './environmentComparison';
import type { GraphModel } from './graphModel';
import { GraphRow, stateIn, statusSets } from './GraphRow';
import type { BindingLegend } from './bindingLegend';
import { LaneCanvas } from './LaneCanvas';
import type { NodeLook } from './laneStrokes';
import { lanesColumnWidth, rowHeight, rowsMinWidth, rowTemplate } from './laneGeometry';

interface Props {
  model: GraphModel;
  items: ViewItem[];
  columns: EnvironmentColumn[];
  selected: string | undefined;
  matches: ReadonlySet<string>;
  /** Revisions the comparison would apply or revert: marked in the rows. */
  gap: ReadonlySet<string>;
  /** Revisions whose objects drifted in the selected connection's database: marked in the rows. */
  drifted?: ReadonlySet<string>;
  /** A project with bindings: the database each revision lives on, and those on none. */
  legend?: BindingLegend | undefined;
  scrollTo: number | undefined;
  /** Grows each time the user asks to be shown the selected row again (Enter in the search), so it scrolls back even when the selection did not change. */
  scrollRequest: number;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onExpand(firstRow: number): void;
  onMenu(id: string, x: number, y: number): void;
  onKey(event: KeyboardEvent): void;
  /** Stops comparing an environment from its column head. */
  onStopComparing(profileId: string): void;
}

const overscan = 8;

/** The revisions list's element id: the search's Escape and the skip link land on it. */
export const revisionsListId = 'graph-revisions';

export function GraphRows(props: Props) {
  const { model, items, columns, selected } = props;
  const { viewport, onScroll, first, last, slots } = useVirtualRows(items.length, rowHeight, overscan);
  const sets = useMemo(() => columns.map((c) => statusSets(c.status)), [columns]);
  const lookOf = useCallback(
    (row: LaneRow): NodeLook => {
      const revision = model.revisions.get(row.id);
      return { state: stateIn(sets[0], row.id, revision === undefined), merge: (revision?.parents.length ?? 0) > 1, head: model.heads.has(row.id) };
    },
    [model, sets],
  );

  useEffect(() => {
    const element = viewport.current;
    if (!element || props.scrollTo === undefined) return;
    const y = props.scrollTo * rowHeight;
    if (y < element.scrollTop) element.scrollTop = y;
    else if (y + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = y + rowHeight - element.clientHeight;
  }, [props.scrollTo, props.scrollRequest]);

  useEffect(() => {
    // After React commits the rows, the next frame is when they are on screen.
    const frame = requestAnimationFrame(() => performance.mark('graph:rows-painted'));
    return () => cancelAnimationFrame(frame);
  }, [model]);

  const lanes = lanesColumnWidth(model.layout.laneCount);
  const template = rowTemplate(model.layout.laneCount, columns.length);

  const visible = slotOrder(first, last, slots).map((index) => {
    const item = items[index] as ViewItem;
    const slot = `slot${index % slots}`;
    const style = { transform: `translateY(${index * rowHeight}px)`, gridTemplateColumns: template };
    if (item.kind === 'run') {
      const count = item.last - item.first + 1;
      return (
        <div key={slot} className="graph-row graph-run" style={style}>
          <span />
          {columns.map((c) => (
            <span key={c.id} />
          ))}
          <button type="button" className="graph-run-button small" onClick={() => props.onExpand(item.first)}>
            … {count} more revisions
          </button>
          <span className="muted small">linear history, collapsed — click to show</span>
        </div>
      );
    }
    const row = model.layout.rows[item.row] as LaneRow;
    return (
      <GraphRow
        key={slot}
        row={row}
        index={index}
        count={items.length}
        template={template}
        revision={model.revisions.get(row.id)}
        head={model.heads.has(row.id)}
        columns={columns}
        sets={sets}
        selected={row.id === selected}
        match={props.matches.has(row.id)}
        gap={props.gap.has(row.id)}
        drifted={props.drifted?.has(row.id) ?? false}
        database={props.legend?.databaseOf.get(row.id) ?? (props.legend?.unplaced.has(row.id) ? 'none' : undefined)}
        onOpen={props.onOpen}
        onSelect={props.onSelect}
        onMenu={props.onMenu}
      />
    );
  });

  return (
    // Never narrower than its columns up to the id: on a small screen the revision panel gives way instead.
    <div className="graph-rows" style={{ minWidth: rowsMinWidth(model.layout.laneCount, columns.length) }}>
      {columns.length > 1 && <ComparisonHeads template={template} columns={columns} onStop={props.onStopComparing} />}
      <div
        id={revisionsListId}
        className="graph-viewport"
        ref={viewport}
        tabIndex={0}
        role="listbox"
        aria-label="Revisions"
        onScroll={onScroll}
        onKeyDown={props.onKey}
      >
        <div className="graph-canvas" style={{ height: items.length * rowHeight }}>
          {visible}
          <LaneCanvas rows={model.layout.rows} items={items} first={first} last={last} width={lanes} lookOf={lookOf} />
        </div>
      </div>
    </div>
  );
}
