// The outcome of "Test connection", shown in place under the form's buttons: through an SSH tunnel,
// each hop first, and an unknown host key's fingerprint with Accept.
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections, type TestState } from './connectionsStore';
import { tunnelStepsOf, tunnelStepWords, unknownHostKeyOf } from './sshHostKey';

function TunnelSteps({ test }: { test: TestState }) {
  const steps = tunnelStepsOf(test);
  if (steps.length === 0) return null;
  return (
    <ol className="tunnel-steps" aria-label="SSH tunnel">
      {steps.map((step, index) => (
        <li key={index}>
          <strong>{tunnelStepWords[step.step]}</strong> {step.where} — {step.detail}
        </li>
      ))}
    </ol>
  );
}

export function TestResult({ test }: { test: TestState }) {
  const acceptHostKey = useConnections((s) => s.acceptHostKey);
  if (test.status === 'idle') return null;
  if (test.status === 'running') {
    return (
      <div className="test-result running" role="status">
        Connecting…
      </div>
    );
  }
  if (test.status === 'error') {
    const unknown = unknownHostKeyOf(test);
    return (
      <ErrorMessage className="test-result failed" lead="Connection failed" error={test}>
        <TunnelSteps test={test} />
        {unknown && (
          <p className="host-key-offer">
            <code>{unknown.fingerprint}</code>{' '}
            <button type="button" onClick={() => void acceptHostKey(unknown.position, unknown.fingerprint)}>
              Accept the key of {unknown.host}:{unknown.port}
            </button>
          </p>
        )}
      </ErrorMessage>
    );
  }
  const { result } = test;
  return (
    <div className="test-result ok" role="status">
      <strong>Connected</strong>
      <TunnelSteps test={test} />
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
