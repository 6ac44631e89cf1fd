// Pending revisions that will create, drop or rename tables: what the next upgrade changes.
import type { PendingTableChange } from '../../../src-shared/model/inventory';

export function PendingChanges({ changes }: { changes: PendingTableChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section className="inventory-pending" aria-label="Pending table changes">
      <h2>Pending revisions that change tables</h2>
      <ul>
        {changes.map((change) => (
          <li key={change.revision}>
            <code>{change.revision}</code>{' '}
            <span className="muted small">
              {change.file}:{change.line}
            </span>
            {change.created.map((t) => (
              <span key={`+${t}`} className="inventory-change created">
                + {t}
              </span>
            ))}
            {change.dropped.map((t) => (
              <span key={`-${t}`} className="inventory-change dropped">
                − {t}
              </span>
            ))}
            {change.renamed.map((r) => (
              <span key={`${r.from}>${r.to}`} className="inventory-change renamed">
                {r.from} → {r.to}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
