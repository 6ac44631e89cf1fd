// Export connections: the ones ticked, as an encrypted bundle with their passwords (a passphrase the
// user chooses, the store's rule applying) for a colleague's Import connections, or as pgAdmin's
// servers.json without passwords. The file is saved as a download; nothing secret is shown.
import { useId } from 'react';
import { passphraseRule } from '../../../src-shared/model/passphraseStrength';
import { countOf } from '../../../src-shared/format/plural';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import { useConnections } from './connectionsStore';
import { passphraseProblem, useExport, type ExportFormat } from './exportStore';
import './transfer.css';

const formatWords: Record<ExportFormat, string> = {
  bundle: 'Encrypted bundle, with passwords and SSH secrets (for Switchyard)',
  pgadmin: 'pgAdmin 4 servers.json, without passwords',
};

export function ExportDialog() {
  const state = useExport();
  const profiles = useConnections((s) => s.profiles);
  const { unticked, format, passphrase, repeat, busy, error, exported } = state;
  const dialog = useModalDialog();
  const ids = useId();
  const names = profiles.map((p) => p.name);
  const ticked = names.filter((name) => !unticked.includes(name));
  const problem = format === 'bundle' ? passphraseProblem(passphrase, repeat) : undefined;

  return (
    <dialog ref={dialog} className="confirm transfer" aria-labelledby={`${ids}-title`} onCancel={state.close}>
      <h2 id={`${ids}-title`}>Export connections</h2>
      {!exported && (
        <>
          <fieldset>
            <legend>Connections ({countOf(ticked.length, 'ticked', 'ticked')})</legend>
            <ul className="transfer-choices">
              {profiles.map((profile) => (
                <li key={profile.id}>
                  <label className="check">
                    <input type="checkbox" checked={!unticked.includes(profile.name)} onChange={(e) => state.tick(profile.name, e.target.checked)} />
                    {profile.name} <span className="muted small">({profile.environment})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>As</legend>
            {(['bundle', 'pgadmin'] as const).map((choice) => (
              <label key={choice} className="check">
                <input type="radio" name={`${ids}-format`} checked={format === choice} onChange={() => state.setFormat(choice)} />
                {formatWords[choice]}
              </label>
            ))}
          </fieldset>
          {format === 'bundle' && (
            <>
              <label>
                <span className="field-label">Bundle passphrase</span>
                <input
                  type="password"
                  autoComplete="new-password"
                  value={passphrase}
                  onChange={(e) => state.setPassphrase(e.target.value)}
                  aria-describedby={`${ids}-rule`}
                />
              </label>
              <p id={`${ids}-rule`} className="muted small">
                {passphraseRule} Give it to your colleague another way than the file.
              </p>
              <label>
                <span className="field-label">Repeat the passphrase</span>
                <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => state.setRepeat(e.target.value)} />
              </label>
              {passphrase && problem && <p className="field-error">{problem}</p>}
            </>
          )}
        </>
      )}
      {exported && (
        <p role="status">
          Saved {exported.fileName} with {countOf(exported.profiles.length, 'connection')}
          {exported.format === 'bundle' ? ' (encrypted, with passwords)' : ' (no passwords)'}: {exported.profiles.join(', ')}.
          {exported.leftOut.length ? ` Left out (servers.json has no place for SQLite): ${exported.leftOut.join(', ')}.` : ''}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="button" autoFocus onClick={state.close}>
          {exported ? 'Close' : 'Cancel'}
        </button>
        {exported ? (
          <button type="button" onClick={state.save}>
            Save the file again
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy || ticked.length === 0 || Boolean(problem)} onClick={() => void state.run(names)}>
            {busy ? 'Exporting…' : `Export ${countOf(ticked.length, 'connection')}`}
          </button>
        )}
      </div>
    </dialog>
  );
}
