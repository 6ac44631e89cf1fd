// The shortest line-by-line edit between two texts (Myers' O(ND) algorithm, "An O(ND) Difference
// Algorithm and Its Variations", 1986), with a whole-replacement fallback when the texts differ too much.

export type LineEdit = { op: 'same' | 'removed' | 'added'; line: string };

/** Past this many differing lines the trace would cost too much memory: the diff says "all of it changed". */
const maxDifferences = 4000;

function replaced(a: readonly string[], b: readonly string[]): LineEdit[] {
  return [...a.map((line): LineEdit => ({ op: 'removed', line })), ...b.map((line): LineEdit => ({ op: 'added', line }))];
}

/** Myers' greedy forward search; `trace[d]` keeps the furthest x on diagonals -d..d before step d. */
function middle(a: readonly string[], b: readonly string[]): LineEdit[] {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxDifferences);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return replaced(a, b);
  const edits: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const before = trace[d] as Int32Array;
    // trace[d] holds diagonals -d-1..d+1 from index 0.
    const at = (k: number) => before[k + d + 1] as number;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      edits.push({ op: 'same', line: a[x] as string });
    }
    if (x === prevX) edits.push({ op: 'added', line: b[prevY] as string });
    else edits.push({ op: 'removed', line: a[prevX] as string });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    edits.push({ op: 'same', line: a[x] as string });
  }
  return edits.reverse();
}

/** The edits that turn lines `a` into lines `b`: common lines kept, the fewest removed and added. */
export function diffLines(a: readonly string[], b: readonly string[]): LineEdit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const same = (lines: readonly string[]) => lines.map((line): LineEdit => ({ op: 'same', line }));
  return [...same(a.slice(0, start)), ...middle(a.slice(start, endA), b.slice(start, endB)), ...same(a.slice(endA))];
}
