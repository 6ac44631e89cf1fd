// Store and security: the store's key (a passphrase, or a key the OS keychain keeps) and how to change
// it, a backup and a restore. Each change is asked once more in a confirmation that says what happens;
// a refusal (a wrong passphrase, another Switchyard holding the store) is shown beside its section.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { passphraseRule, passphraseWeakness } from '../../../src-shared/model/passphraseStrength';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import { useStoreSecurity, type StoreAction } from './storeSecurityStore';
import './settings.css';

interface Pending {
  action: StoreAction;
  title: string;
  body: ReactNode;
  label: string;
  danger?: boolean;
  run(): Promise<boolean>;
}

function Outcome({ action }: { action: StoreAction }) {
  const { failure, done } = useStoreSecurity();
  if (failure?.action === action) {
    const holders = (failure.detail as { holders?: { pid: number; what: string }[] } | undefined)?.holders ?? [];
    return (
      <ErrorMessage error={failure.error}>
        {holders.length > 0 && (
          <ul aria-label="Has the store open">
            {holders.map((h) => (
              <li key={h.pid}>
                {h.what} (pid {h.pid})
              </li>
            ))}
          </ul>
        )}
      </ErrorMessage>
    );
  }
  if (done?.action === action) return <p role="status">{done.text}</p>;
  return null;
}

function PasswordField({
  label,
  value,
  onChange,
  describedBy,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  describedBy?: string;
  autoComplete: string;
}) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <input type="password" autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} />
    </label>
  );
}

/** A new passphrase typed twice, with the store's rule; undefined problem when it can be used. */
function newPassphraseProblem(next: string, repeat: string): string | undefined {
  if (!next) return undefined;
  return passphraseWeakness(next) ?? (repeat && repeat !== next ? 'The passphrases do not match.' : undefined);
}

export function StoreSecurityDialog() {
  const state = useStoreSecurity();
  const { security, busy } = state;
  const dialog = useModalDialog();
  const ids = useId();
  const [pending, setPending] = useState<Pending>();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [backupFile, setBackupFile] = useState('');
  const [replace, setReplace] = useState(false);
  const [restoreFile, setRestoreFile] = useState('');
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const clearSecrets = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
    setRestorePassphrase('');
  };
  const confirm = (entry: Pending) => (event: FormEvent) => {
    event.preventDefault();
    setPending(entry);
  };
  const onPassphrase = security?.keySource === 'passphrase';
  const problem = newPassphraseProblem(next, repeat);
  const newReady = Boolean(next) && next === repeat && !problem;

  return (
    <dialog ref={dialog} className="confirm store-security" aria-labelledby={`${ids}-title`} onCancel={state.close}>
      <h2 id={`${ids}-title`}>Store and security</h2>
      {!security && <p className="muted">Reading the store…</p>}
      {security && (
        <>
          <p>
            The store ({security.storeDir}) opens with {onPassphrase ? 'a master passphrase' : 'a key the OS keychain keeps'}.
            {security.otherHolders.length > 0 &&
              ` Also open in ${security.otherHolders.map((h) => `${h.what} (pid ${h.pid})`).join(', ')}: a key change or a restore waits until it is closed or locked.`}
          </p>

          {onPassphrase && (
            <form
              aria-labelledby={`${ids}-change`}
              onSubmit={confirm({
                action: 'changePassphrase',
                title: 'Change the store’s passphrase?',
                body: (
                  <p>
                    The store is rekeyed on a copy and put in place; from then on only the new passphrase opens it. If anything stops it, the old one still
                    does.
                  </p>
                ),
                label: 'Change passphrase',
                run: () => state.changePassphrase(current, next),
              })}
            >
              <h3 id={`${ids}-change`}>Change passphrase</h3>
              <PasswordField label="Current passphrase" value={current} onChange={setCurrent} autoComplete="current-password" />
              <PasswordField label="New passphrase" value={next} onChange={setNext} autoComplete="new-password" describedBy={`${ids}-rule`} />
              <p id={`${ids}-rule`} className="muted small">
                {passphraseRule}
              </p>
              <PasswordField label="Repeat the new passphrase" value={repeat} onChange={setRepeat} autoComplete="new-password" />
              {problem && <p className="field-error">{problem}</p>}
              <button type="submit" disabled={!current || !newReady || busy !== undefined}>
                Change passphrase…
              </button>
              <Outcome action="changePassphrase" />
            </form>
          )}

          <section aria-labelledby={`${ids}-key`}>
            <h3 id={`${ids}-key`}>Keychain or passphrase</h3>
            {onPassphrase && !security.keychain.available && <p className="muted small">{security.keychain.reason}</p>}
            {onPassphrase && security.keychain.available && (
              <form
                onSubmit={confirm({
                  action: 'useKeychain',
                  title: 'Keep the store’s key in the OS keychain?',
                  body: (
                    <p>
                      The store gets a new random key that the OS keychain keeps, and opens without a passphrase on this machine. The current passphrase stops
                      opening it.
                    </p>
                  ),
                  label: 'Use the keychain',
                  run: () => state.useKeychain(current),
                })}
              >
                <PasswordField label="Current passphrase" value={current} onChange={setCurrent} autoComplete="current-password" />
                <button type="submit" disabled={!current || busy !== undefined}>
                  Use the OS keychain instead…
                </button>
              </form>
            )}
            {!onPassphrase && (
              <form
                onSubmit={confirm({
                  action: 'usePassphrase',
                  title: 'Open the store with a passphrase?',
                  body: (
                    <p>
                      The store is rekeyed to the passphrase you chose, and asks for it from then on (the CLI and the browser host can open it too). The
                      keychain’s key stops opening it.
                    </p>
                  ),
                  label: 'Use the passphrase',
                  run: () => state.usePassphrase(next),
                })}
              >
                <PasswordField label="New passphrase" value={next} onChange={setNext} autoComplete="new-password" describedBy={`${ids}-rule2`} />
                <p id={`${ids}-rule2`} className="muted small">
                  {passphraseRule}
                </p>
                <PasswordField label="Repeat the new passphrase" value={repeat} onChange={setRepeat} autoComplete="new-password" />
                {problem && <p className="field-error">{problem}</p>}
                <button type="submit" disabled={!newReady || busy !== undefined}>
                  Use a passphrase instead…
                </button>
              </form>
            )}
            <Outcome action={onPassphrase ? 'useKeychain' : 'usePassphrase'} />
          </section>

          <form
            aria-labelledby={`${ids}-backup`}
            onSubmit={confirm({
              action: 'backup',
              title: 'Back up the store?',
              body: (
                <p>
                  An encrypted copy with the same key is written to {backupFile.trim()}, and its key file to {backupFile.trim()}.keys.json
                  {replace ? ', replacing them if they exist' : ''}.
                </p>
              ),
              label: 'Back up',
              run: () => state.backup(backupFile.trim(), replace),
            })}
          >
            <h3 id={`${ids}-backup`}>Back up</h3>
            <label>
              <span className="field-label">Back up to (full path of the file)</span>
              <input
                type="text"
                spellCheck={false}
                value={backupFile}
                onChange={(e) => setBackupFile(e.target.value)}
                placeholder="/home/me/switchyard-store.backup"
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
              Replace the file if it exists
            </label>
            <button type="submit" disabled={!backupFile.trim() || busy !== undefined}>
              Back up…
            </button>
            <Outcome action="backup" />
          </form>

          <form
            aria-labelledby={`${ids}-restore`}
            onSubmit={confirm({
              action: 'restore',
              title: 'Replace the store with the backup?',
              danger: true,
              body: (
                <p>
                  Every connection, password and log entry in the store now is replaced by the backup {restoreFile.trim()}. The store it replaces is kept in a
                  before-restore folder of the data folder.
                </p>
              ),
              label: 'Restore',
              run: () => state.restore(restoreFile.trim(), restorePassphrase || undefined),
            })}
          >
            <h3 id={`${ids}-restore`}>Restore</h3>
            <label>
              <span className="field-label">Backup file (full path)</span>
              <input type="text" spellCheck={false} value={restoreFile} onChange={(e) => setRestoreFile(e.target.value)} />
            </label>
            <PasswordField
              label="The passphrase the store had when it was backed up"
              value={restorePassphrase}
              onChange={setRestorePassphrase}
              autoComplete="off"
              describedBy={`${ids}-restore-note`}
            />
            <p id={`${ids}-restore-note`} className="muted small">
              Leave it empty for a backup of a store whose key the OS keychain kept.
            </p>
            <button type="submit" className="danger" disabled={!restoreFile.trim() || busy !== undefined}>
              Restore…
            </button>
            <Outcome action="restore" />
          </form>
        </>
      )}
      <div className="actions">
        <button type="button" autoFocus onClick={state.close}>
          Close
        </button>
      </div>
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={busy ? 'Working…' : pending.label}
          danger={pending.danger}
          confirmDisabled={busy !== undefined}
          onCancel={() => setPending(undefined)}
          onConfirm={() =>
            void pending.run().then((ok) => {
              setPending(undefined);
              if (ok) clearSecrets();
            })
          }
        >
          {pending.body}
        </ConfirmDialog>
      )}
    </dialog>
  );
}
