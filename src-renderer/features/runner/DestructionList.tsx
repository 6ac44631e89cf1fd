// What a run destroys, before it runs: each table it drops, empties or deletes from, and the rows it
// holds now, so a downgrade never takes data away unannounced.
import type { DestroyedTable } from '../../../src-shared/model/run';
import { countOf } from '../../../src-shared/format/plural';

const verbs: Record<DestroyedTable['how'], string> = { drop: 'dropped', truncate: 'emptied (TRUNCATE)', delete: 'rows deleted (DELETE)' };

function rowsNow(table: DestroyedTable): string {
  if (table.rows === null) return `rows not counted: ${table.error ?? 'unknown'}`;
  return countOf(table.rows, 'row');
}

export function DestructionList({ tables }: { tables: DestroyedTable[] }) {
  const rows = tables.reduce((sum, t) => sum + (t.rows ?? 0), 0);
  return (
    <section className="run-destruction" aria-label="What this destroys">
      <h3>
        Destroys data: {countOf(tables.length, 'table')}, {countOf(rows, 'row')} now
      </h3>
      <table>
        <thead>
          <tr>
            <th>Table</th>
            <th>What happens</th>
            <th>Holds now</th>
            <th>By</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => (
            <tr key={t.table}>
              <td>
                <code>{t.table}</code>
              </td>
              <td>{verbs[t.how]}</td>
              <td className="numeric">{rowsNow(t)}</td>
              <td>
                {t.direction === 'down' ? 'reverting' : 'applying'} <code>{t.revision}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
