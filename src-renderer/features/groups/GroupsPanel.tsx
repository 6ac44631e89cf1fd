// "Groups" in the sidebar: each group with how many connections it has and the first in rollout
// order; selecting one opens it in place of a connection's screens. A group just deleted is said here.
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { groupsHeadingId } from './groupFocus';
import { newGroup, useGroups } from './groupsStore';
import './groups.css';

export function GroupsPanel() {
  const { groups, selected, failure, notice, load, select, startNew } = useGroups();
  const profiles = useConnections((s) => s.profiles);
  useEffect(() => {
    void load();
  }, [load]);
  const nameOf = (id: string) => profiles.find((p) => p.id === id)?.name ?? '';
  return (
    <section className="groups-panel" aria-labelledby={groupsHeadingId}>
      <div className="sidebar-head">
        <h2 id={groupsHeadingId} tabIndex={-1}>
          Groups
        </h2>
        <button type="button" className="small" onClick={startNew} aria-label="New group" aria-pressed={selected === newGroup}>
          + New
        </button>
      </div>
      {failure && !groups && <ErrorMessage lead="Groups" error={failure} />}
      <p role="status" className="ok-text small">
        {notice ?? ''}
      </p>
      {groups && groups.length === 0 && <p className="muted small">None yet: connections that take the same migrations, a database per client or tenant.</p>}
      {groups && groups.length > 0 && (
        <ul aria-label="Groups">
          {groups.map((group) => (
            <li key={group.id}>
              <button
                type="button"
                className={`connection-item group-item${selected === group.id ? ' selected' : ''}`}
                aria-current={selected === group.id ? 'true' : undefined}
                onClick={() => select(group.id)}
              >
                <span className="connection-name">{group.name}</span>
                <span className="connection-where">
                  {group.profileIds.length === 0
                    ? 'no connections yet'
                    : `${group.profileIds.length} connection${group.profileIds.length === 1 ? '' : 's'}, first ${nameOf(group.profileIds[0] ?? '')}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
