// The list of saved connections, grouped by environment, prod last and loudest.
import { databasePlaceOf } from '../../../src-shared/model/engineDescription';
import { environments } from '../../../src-shared/model/profile';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { useConnections } from './connectionsStore';
import { ProjectsPanel } from '../projects/ProjectsPanel';
import { GroupsPanel } from '../groups/GroupsPanel';
import { LocalServersPanel } from './LocalServersPanel';
import { TransferButtons } from './TransferButtons';

/** The list's element id: the button that folds it away controls it. */
export const connectionsListId = 'connections-list';

export function ConnectionSidebar() {
  const { profiles, selected, select, startNew } = useConnections();
  return (
    <nav className="sidebar" id={connectionsListId} aria-label="Connections">
      <div className="sidebar-head">
        <h2>Connections</h2>
        <button type="button" className="primary small" onClick={startNew} title="New connection (Ctrl+N)">
          + New
        </button>
      </div>
      <TransferButtons />
      {environments.map((environment) => {
        const group = profiles.filter((p) => p.environment === environment);
        if (group.length === 0) return null;
        return (
          <section key={environment} className="env-group" aria-label={`${environment} connections`}>
            <EnvironmentBadge environment={environment} />
            <ul>
              {group.map((profile) => (
                <li key={profile.id}>
                  <button
                    type="button"
                    className={`connection-item env-${profile.environment}${selected === profile.id ? ' selected' : ''}`}
                    aria-current={selected === profile.id ? 'true' : undefined}
                    onClick={() => select(profile.id)}
                  >
                    <span className="connection-name">{profile.name}</span>
                    <span className="connection-where">
                      {databasePlaceOf(profile)}
                      {profile.readOnly ? ' · read-only' : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <ProjectsPanel />
      <GroupsPanel />
      <LocalServersPanel />
    </nav>
  );
}
