// First launch: nothing saved yet. Offer the demo, or a first real connection.
import { useConnections } from './connectionsStore';

export function EmptyState() {
  const { createDemo, startNew } = useConnections();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">No connections yet</h1>
      <p className="muted">
        Switchyard keeps your database connections — dev, staging, prod — in one encrypted store, and shows per environment which migrations are applied and
        which are pending.
      </p>
      <div className="actions center">
        <button type="button" className="primary" onClick={() => void createDemo()}>
          Try the demo database
        </button>
        <button type="button" onClick={startNew}>
          Add a connection
        </button>
      </div>
      <p className="muted small">The demo is a SQLite file in Switchyard's data folder: offline, and safe to reset at any time.</p>
    </section>
  );
}
