// A band across the top of the window in the selected connection's environment colour:
// you always know where you are, and prod is unmistakable.
import type { CSSProperties } from 'react';
import { environmentColours, environmentLabels } from '../../src-shared/model/profile';
import { useConnections } from '../features/connections/connectionsStore';
import { textOnFill } from '../components/textOnFill';

export function EnvironmentBand() {
  const profile = useConnections((state) => state.profiles.find((p) => p.id === state.selected));
  if (!profile) return <div className="env-band none" data-environment="none" />;
  return (
    <div
      className={`env-band env-${profile.environment}`}
      data-environment={profile.environment}
      style={{ '--env': environmentColours[profile.environment], '--on-env': textOnFill(environmentColours[profile.environment]) } as CSSProperties}
      role="status"
      aria-label={`${environmentLabels[profile.environment]} connection selected`}
    >
      {profile.environment === 'prod' ? `PRODUCTION — ${profile.name}` : `${environmentLabels[profile.environment]} · ${profile.name}`}
    </div>
  );
}
