// The connection tab: the selected profile's form, the blank form, or the empty state.
import { useConnections } from './connectionsStore';
import { EmptyState } from './EmptyState';
import { ProfileForm } from './ProfileForm';

export function ConnectionScreen() {
  const { profiles, loaded, selected } = useConnections();
  const profile = profiles.find((p) => p.id === selected);
  if (selected === 'new' || profile) return <ProfileForm key={selected} profile={profile} />;
  if (loaded && profiles.length === 0) return <EmptyState />;
  return <p className="muted placeholder">Select a connection, or press Ctrl+N for a new one.</p>;
}
