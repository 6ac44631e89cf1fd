// Sizes and colours of the graph's lanes, shared by the rows and their SVG cells.
export const rowHeight = 28;
export const laneWidth = 14;
const palette = ['#4dabf7', '#f783ac', '#69db7c', '#ffd43b', '#b197fc', '#ff922b', '#3bc9db', '#e599f7', '#a9e34b', '#ff8787'];

export const laneColour = (lane: number): string => palette[lane % palette.length] as string;
export const laneX = (lane: number): number => lane * laneWidth + laneWidth / 2 + 2;
export const lanesWidth = (laneCount: number): number => Math.max(1, laneCount) * laneWidth + 4;
