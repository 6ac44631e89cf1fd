// The tables a plan destroys, as the CLI prints them before a run and in a --dry-run: the same list
// the run dialog shows.
import type { DestroyedTable } from '../../src-shared/model/run';
import { countOf } from '../../src-shared/format/plural';

const verbs: Record<DestroyedTable['how'], string> = { drop: 'dropped', truncate: 'emptied (TRUNCATE)', delete: 'rows deleted (DELETE)' };

export function destructionLines(tables: readonly DestroyedTable[]): string[] {
  if (tables.length === 0) return [];
  const rows = tables.reduce((sum, t) => sum + (t.rows ?? 0), 0);
  const width = Math.max(...tables.map((t) => t.table.length));
  return [
    `This destroys data: ${countOf(tables.length, 'table')}, ${countOf(rows, 'row')} now`,
    ...tables.map((t) => {
      const held = t.rows === null ? `rows not counted: ${t.error ?? 'unknown'}` : countOf(t.rows, 'row');
      return `  ${t.table.padEnd(width)}  ${verbs[t.how]}, holds ${held}  (${t.direction === 'down' ? 'reverting' : 'applying'} ${t.revision})`;
    }),
  ];
}
