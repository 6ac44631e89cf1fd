// "Local servers" under the connections: PostgreSQL servers Switchyard runs itself, each with its
// state, port and data size, created by name (its connection appears and is selected), started,
// stopped and removed. Folded by default: one Tab stop for those who never use it.
import { useEffect, useState, type FormEvent } from 'react';
import type { LocalServer } from '../../../src-shared/model/localServer';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RemoveLocalServerDialog } from './RemoveLocalServerDialog';
import { useLocalServers, type LocalServerAction } from './localServersStore';
import './localServers.css';

const busyWords: Record<LocalServerAction, string> = { creating: 'creating…', starting: 'starting…', stopping: 'stopping…', removing: 'removing…' };

function stateOf(server: LocalServer, busy: LocalServerAction | undefined): string {
  if (busy) return busyWords[busy];
  return server.running ? `running on port ${server.port}` : `stopped (port ${server.port})`;
}

export function LocalServersPanel() {
  const { servers, busy, failure, load, create, start, stop, remove } = useLocalServers();
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<LocalServer | undefined>(undefined);
  useEffect(() => {
    void load();
  }, [load]);
  const creating = Object.entries(busy).find(([, action]) => action === 'creating')?.[0];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await create(name)) setName('');
  };
  return (
    <details className="local-servers">
      <summary>Local servers{servers && servers.length > 0 ? ` (${servers.length})` : ''}</summary>
      <form onSubmit={(event) => void submit(event)} className="local-server-create">
        <label>
          <span>New local server</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="small" disabled={creating !== undefined || !name.trim()}>
          {creating !== undefined ? 'Creating…' : 'Create'}
        </button>
      </form>
      {failure && <ErrorMessage lead="Local server" error={failure} />}
      {servers && servers.length === 0 && <p className="muted small">None yet: a PostgreSQL server on this machine, with a connection of its name.</p>}
      {servers && servers.length > 0 && (
        <ul aria-label="Local servers">
          {servers.map((server) => {
            const action = busy[server.name];
            return (
              <li key={server.name} className="local-server">
                <span className="connection-name">{server.name}</span>
                <span className="connection-where">
                  {stateOf(server, action)} · {formatBytes(server.dataBytes) || '0 B'}
                </span>
                <span className="local-server-actions">
                  {server.running ? (
                    <button
                      type="button"
                      className="small"
                      disabled={action !== undefined}
                      onClick={() => void stop(server.name)}
                      aria-label={`Stop ${server.name}`}
                    >
                      Stop
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="small"
                      disabled={action !== undefined}
                      onClick={() => void start(server.name)}
                      aria-label={`Start ${server.name}`}
                    >
                      Start
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    disabled={action !== undefined}
                    onClick={() => setRemoving(server)}
                    aria-label={`Remove ${server.name}`}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {removing && (
        <RemoveLocalServerDialog
          server={removing}
          onCancel={() => setRemoving(undefined)}
          onRemove={(typedName) => {
            setRemoving(undefined);
            void remove(removing.name, typedName);
          }}
        />
      )}
    </details>
  );
}
