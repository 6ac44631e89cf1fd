// A stamp runs no SQL: what the stamped revisions' SQL would have created is listed, so the user can
// see which tables must already be there (stamp) or stay behind (stamp down).
import type { StampedRevision } from './runDialogStore';

export function StampedTables({ stamped, down }: { stamped: readonly StampedRevision[]; down: boolean }) {
  return (
    <section className="run-stamped-tables" aria-label="Tables of the stamped revisions">
      <p>
        {down
          ? 'Their SQL created these tables; a stamp down drops none of them:'
          : 'Their SQL would create these tables; a stamp creates none of them, so they should already exist:'}
      </p>
      <ul>
        {stamped.map(({ revision, tables }) => (
          <li key={revision}>
            <code>{revision}</code>:{' '}
            {tables === null ? <span className="muted">its SQL could not be read</span> : tables.length === 0 ? 'no table' : tables.join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
