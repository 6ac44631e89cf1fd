// The connections screen: the sidebar, and the selected profile's form (or the empty state).
import { useEffect } from 'react';
import { useConnections } from './connectionsStore';
import { ConnectionSidebar } from './ConnectionSidebar';
import { EmptyState } from './EmptyState';
import { ProfileForm } from './ProfileForm';

export function ConnectionsScreen() {
  const { profiles, loaded, selected, banner, load, startNew } = useConnections();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        startNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNew]);

  const profile = profiles.find((p) => p.id === selected);
  return (
    <div className="workspace">
      <ConnectionSidebar />
      <main className="content">
        {banner && (
          <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.text}
          </div>
        )}
        {selected === 'new' || profile ? (
          <ProfileForm key={selected} profile={profile} />
        ) : loaded && profiles.length === 0 ? (
          <EmptyState />
        ) : (
          <p className="muted placeholder">Select a connection, or press Ctrl+N for a new one.</p>
        )}
      </main>
    </div>
  );
}
