// A stamp runs no SQL: what the stamped revisions' SQL would have created is listed, so the user can
// see which tables must already be there (stamp) or stay behind (stamp down).
import { stampedTablesLead, stampedTablesOf } from '../../../src-shared/format/stampedTables';
import type { StampedRevision } from './runDialogStore';

export function StampedTables({ stamped, down }: { stamped: readonly StampedRevision[]; down: boolean }) {
  return (
    <section className="run-stamped-tables" aria-label="Tables of the stamped revisions">
      <p>{stampedTablesLead(down)}</p>
      <ul>
        {stamped.map(({ revision, tables }) => (
          <li key={revision}>
            <code>{revision}</code>: {tables === null ? <span className="muted">{stampedTablesOf(tables)}</span> : stampedTablesOf(tables)}
          </li>
        ))}
      </ul>
    </section>
  );
}
