// The outcome of "Test connection", shown in place under the form's buttons.
import { ErrorMessage } from '../../components/ErrorMessage';
import type { TestState } from './connectionsStore';

export function TestResult({ test }: { test: TestState }) {
  if (test.status === 'idle') return null;
  if (test.status === 'running') {
    return (
      <div className="test-result running" role="status">
        Connecting…
      </div>
    );
  }
  if (test.status === 'error') {
    return <ErrorMessage className="test-result failed" lead="Connection failed" error={test} />;
  }
  const { result } = test;
  return (
    <div className="test-result ok" role="status">
      <strong>Connected</strong>
      <dl>
        <dt>Server</dt>
        <dd>{result.serverVersion}</dd>
        <dt>Round trip</dt>
        <dd>{result.latencyMs} ms</dd>
        <dt>Signed in as</dt>
        <dd>{result.currentUser}</dd>
        <dt>May create databases</dt>
        <dd>{result.canCreateDatabase ? 'yes' : 'no'}</dd>
        <dt>Session</dt>
        <dd>{result.readOnly ? 'read-only' : 'read-write'}</dd>
      </dl>
    </div>
  );
}
