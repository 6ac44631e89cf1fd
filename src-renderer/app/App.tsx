// The app shell: unlock first, then the environment band and the connections workspace.
import { useEffect } from 'react';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { useSession } from '../features/session/sessionStore';
import { EnvironmentBand } from './EnvironmentBand';
import { ErrorMessage } from '../components/ErrorMessage';
import { Workspace } from './Workspace';

export function App() {
  const { status, error, load } = useSession();
  useEffect(() => {
    void load();
  }, [load]);

  if (!status) {
    return <main className="unlock">{error ? <ErrorMessage error={error} /> : <p className="muted">Starting…</p>}</main>;
  }
  if (status.locked) return <UnlockScreen />;
  return (
    <div className="app">
      <EnvironmentBand />
      <Workspace />
    </div>
  );
}
