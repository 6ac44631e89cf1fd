// Sizes and colours of the graph's lanes, shared by the rows and the canvas their lanes are drawn on.
export const rowHeight = 28;
export const laneWidth = 14;
const palette = ['#4dabf7', '#f783ac', '#69db7c', '#ffd43b', '#b197fc', '#ff922b', '#3bc9db', '#e599f7', '#a9e34b', '#ff8787'];

export const laneColour = (lane: number): string => palette[lane % palette.length] as string;
export const laneX = (lane: number): number => lane * laneWidth + laneWidth / 2 + 2;
export const lanesWidth = (laneCount: number): number => Math.max(1, laneCount) * laneWidth + 4;

/** The row's columns besides the lanes: each compared environment's status, then the id (about 19 characters). */
const statusColumnWidth = 84;
const idColumnWidth = 150;
/** The lanes' column stops growing here; wider histories are cut at its edge. */
const lanesColumnMax = 360;
/** .graph-row's column gap and right padding, and the viewport's two borders. */
const rowGap = 8;
const rowEnd = 10;
const viewportBorders = 2;

/** The lanes' column: as wide as the lanes, up to its maximum. */
export const lanesColumnWidth = (laneCount: number): number => Math.min(lanesWidth(laneCount), lanesColumnMax);

/** The rows' grid-template-columns: lanes, a status column per environment, the id, and the message taking the rest. */
export function rowTemplate(laneCount: number, columnCount: number): string {
  const statuses = Array.from({ length: columnCount }, () => `${statusColumnWidth}px`);
  return [`${lanesColumnWidth(laneCount)}px`, ...statuses, `${idColumnWidth}px`, 'minmax(0, 1fr)'].join(' ');
}

/** The narrowest the rows get: every column up to the id whole (the message is what gives way, then the revision panel). */
export function rowsMinWidth(laneCount: number, columnCount: number): number {
  const tracks = lanesColumnWidth(laneCount) + columnCount * statusColumnWidth + idColumnWidth;
  return tracks + (columnCount + 2) * rowGap + rowEnd + viewportBorders;
}
