// Import connections: a file chosen through the system's open dialog (<input type=file>, in Electron
// and the browser alike) or its text pasted, then a preview of what would be created — each connection
// with where it comes from, its password and SSH route (never their secrets), duplicates of saved
// connections and what could not be read, all said — and Import of exactly that.
import { useId, type ChangeEvent } from 'react';
import { databasePlaceOf } from '../../../src-shared/model/engineDescription';
import { importSourceLabels, importSources, type ImportCandidate } from '../../../src-shared/model/profileImport';
import { countOf } from '../../../src-shared/format/plural';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import { base64Of, fileRefusal, needsPassphrase, useImport, type ImportFrom } from './importStore';
import './transfer.css';

const authWords = { key: 'key file', agent: 'SSH agent', password: 'password' } as const;

function CandidateRow({ candidate }: { candidate: ImportCandidate }) {
  return (
    <tr className={candidate.duplicateOf ? 'duplicate' : undefined}>
      <th scope="row">{candidate.name}</th>
      <td>
        <EnvironmentBadge environment={candidate.fields.environment} />
      </td>
      <td>{databasePlaceOf(candidate.fields)}</td>
      <td>{candidate.hasPassword ? 'Password comes in' : 'No password'}</td>
      <td>
        {candidate.ssh?.length
          ? candidate.ssh.map((hop) => (
              <div key={hop.name}>
                {hop.name} ({authWords[hop.auth]}
                {hop.hasSecret ? ', secret comes in' : ''}
                {hop.hostKeyAccepted ? ', host key accepted' : ', host key to accept at the first test'})
              </div>
            ))
          : 'Direct'}
      </td>
      <td>
        {candidate.duplicateOf && <div className="duplicate-note">Same database and user as “{candidate.duplicateOf}”</div>}
        {candidate.notes.map((note) => (
          <div key={note}>{note}</div>
        ))}
        <div className="muted small">{candidate.where}</div>
      </td>
    </tr>
  );
}

export function ImportDialog() {
  const state = useImport();
  const { file, from, passphrase, preview, result, busy, error, includeDuplicates } = state;
  const dialog = useModalDialog();
  const ids = useId();

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (chosen) state.choose({ name: chosen.name, text: await chosen.text() });
  };
  const chooseCredentials = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    state.setCredentials(chosen ? { name: chosen.name, base64: base64Of(await chosen.arrayBuffer()) } : undefined);
  };
  const askPassphrase = needsPassphrase(file, from);
  const dbeaver = from === 'dbeaver' || preview?.source === 'dbeaver';
  const refusal = fileRefusal(file);
  const shown = result ?? preview;
  const fresh = shown?.candidates.filter((c) => !c.duplicateOf) ?? [];
  const duplicates = shown?.candidates.filter((c) => c.duplicateOf) ?? [];
  const toCreate = fresh.length + (includeDuplicates ? duplicates.length : 0);

  return (
    <dialog ref={dialog} className="confirm transfer" aria-labelledby={`${ids}-title`} onCancel={state.close}>
      <h2 id={`${ids}-title`}>Import connections</h2>
      {!result && (
        <div className="transfer-source">
          <label>
            <span className="field-label">File</span>
            <input type="file" onChange={(e) => void chooseFile(e)} aria-describedby={`${ids}-sources`} />
          </label>
          <p id={`${ids}-sources`} className="muted small">
            pgAdmin 4 servers.json, DBeaver data-sources.json, .pgpass, pg_service.conf, a list of postgres:// URIs, or a Switchyard bundle.
          </p>
          <label>
            <span className="field-label">Or paste its text</span>
            <textarea
              rows={3}
              spellCheck={false}
              value={file && !file.name ? file.text : ''}
              onChange={(e) => state.paste(e.target.value)}
              placeholder="postgres://app@db.internal:5432/orders"
            />
          </label>
          {file?.name && <p className="small">Chosen: {file.name}</p>}
          <label>
            <span className="field-label">Read as</span>
            <select value={from} onChange={(e) => state.setFrom(e.target.value as ImportFrom)}>
              <option value="detect">Tell from the file</option>
              {importSources.map((source) => (
                <option key={source} value={source}>
                  {importSourceLabels[source]}
                </option>
              ))}
            </select>
          </label>
          {dbeaver && (
            <label>
              <span className="field-label">DBeaver credentials-config.json (users and passwords, optional)</span>
              <input type="file" onChange={(e) => void chooseCredentials(e)} />
            </label>
          )}
          {askPassphrase && (
            <label>
              <span className="field-label">Bundle passphrase</span>
              <input type="password" autoComplete="off" value={passphrase} onChange={(e) => state.setPassphrase(e.target.value)} />
            </label>
          )}
          {refusal && <p className="field-error">{refusal}</p>}
        </div>
      )}

      {shown && (
        <section className="transfer-preview" aria-label={result ? 'What was imported' : 'What will be imported'}>
          <p className="small">Read as {shown.detection}.</p>
          {result ? (
            <p role="status">
              Imported {countOf(result.created.length, 'connection')}
              {result.created.length ? `: ${result.created.map((p) => p.name).join(', ')}` : ''}.
              {result.skipped.length ? ` Left out ${countOf(result.skipped.length, 'duplicate')} of saved connections.` : ''}
            </p>
          ) : (
            <p>
              {countOf(fresh.length, 'new connection')}
              {duplicates.length ? `, ${countOf(duplicates.length, 'duplicate')} of saved connections` : ''}
              {shown.problems.length ? `, ${countOf(shown.problems.length, 'entry', 'entries')} that could not be read` : ''}. Passwords go straight into the
              encrypted store.
            </p>
          )}
          {shown.candidates.length > 0 && (
            // Scrolls when long: reachable by keyboard, and named for it.
            <div className="transfer-table-wrap" tabIndex={0} role="region" aria-label="Connections in the file">
              <table className="transfer-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Environment</th>
                    <th scope="col">Database</th>
                    <th scope="col">Password</th>
                    <th scope="col">SSH</th>
                    <th scope="col">Notes</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.candidates.map((candidate) => (
                    <CandidateRow key={`${candidate.where}:${candidate.name}`} candidate={candidate} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!result && duplicates.length > 0 && (
            <label className="check">
              <input type="checkbox" checked={includeDuplicates} onChange={(e) => state.setIncludeDuplicates(e.target.checked)} />
              Import the {countOf(duplicates.length, 'duplicate')} too (otherwise left out)
            </label>
          )}
          {shown.problems.length > 0 && (
            <>
              <h3>Could not be read</h3>
              <ul aria-label="Could not be read">
                {shown.problems.map((problem) => (
                  <li key={`${problem.where}:${problem.message}`}>
                    {problem.where}: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {error && <ErrorMessage error={error} />}

      <div className="actions">
        <button type="button" autoFocus onClick={state.close}>
          {result ? 'Close' : 'Cancel'}
        </button>
        {!result && !preview && (
          <button
            type="button"
            className="primary"
            disabled={!file || Boolean(refusal) || (askPassphrase && !passphrase) || busy !== undefined}
            onClick={() => void state.runPreview()}
          >
            {busy === 'previewing' ? 'Reading…' : 'Preview'}
          </button>
        )}
        {!result && preview && (
          <button type="button" className="primary" disabled={toCreate === 0 || busy !== undefined} onClick={() => void state.runImport()}>
            {busy === 'importing' ? 'Importing…' : `Import ${countOf(toCreate, 'connection')}`}
          </button>
        )}
      </div>
    </dialog>
  );
}
