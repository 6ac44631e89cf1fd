// Collapsing long linear runs: consecutive rows where history goes straight down one lane with
// nothing joining or leaving are shown as one "… N revisions" row, keeping the run's two ends.
import type { LaneLayout, LaneRow } from './laneLayout';

export type ViewItem = { kind: 'revision'; row: number } | { kind: 'run'; first: number; last: number };

function straight(row: LaneRow, index: number): boolean {
  const [up] = row.up;
  const [down] = row.down;
  return (
    row.up.length === 1 &&
    row.down.length === 1 &&
    !up?.dashed &&
    !down?.dashed &&
    up?.childRow === index - 1 &&
    down?.parentRow === index + 1 &&
    up.lane === row.lane &&
    down.lane === row.lane
  );
}

/** Rows to show, runs of at least `minimum` straight rows folded unless their first row is in `expanded`. */
export function viewItems(layout: LaneLayout, collapse: boolean, expanded: ReadonlySet<number> = new Set(), minimum = 6): ViewItem[] {
  const items: ViewItem[] = [];
  const { rows } = layout;
  for (let i = 0; i < rows.length;) {
    let end = i;
    if (collapse) while (end < rows.length && straight(rows[end] as LaneRow, end)) end += 1;
    const length = end - i;
    if (length >= minimum && !expanded.has(i)) items.push({ kind: 'run', first: i, last: end - 1 });
    else for (let row = i; row < Math.max(end, i + 1); row += 1) items.push({ kind: 'revision', row });
    i = Math.max(end, i + 1);
  }
  return items;
}
