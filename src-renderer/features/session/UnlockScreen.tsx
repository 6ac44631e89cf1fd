// Asks for the master passphrase (browser host, or a desktop without a usable keychain).
import { useState, type FormEvent } from 'react';
import { passphraseRule } from '../../../src-shared/model/passphraseStrength';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from './sessionStore';

export function UnlockScreen() {
  const { status, error, unlocking, unlock, unlockWithKeychain } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const creating = status?.storeExists === false;
  const mismatch = creating && repeat.length > 0 && repeat !== passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || !passphrase) return;
    if (await unlock(passphrase)) {
      setPassphrase('');
      setRepeat('');
    }
  };

  // A store whose key the OS keychain keeps (the desktop app, after a lock) opens without a passphrase.
  if (status?.keySource === 'keyring' && status.storeExists) {
    return (
      <main className="unlock">
        <form
          className="unlock-card"
          aria-labelledby="unlock-title"
          onSubmit={(event) => {
            event.preventDefault();
            void unlockWithKeychain();
          }}
        >
          <h1 id="unlock-title">Unlock Switchyard</h1>
          <p className="muted">The store is locked. Its key is kept by this computer’s keychain, which may ask you to confirm.</p>
          {status.reason && <p className="notice">{status.reason}</p>}
          {error && <ErrorMessage error={error} />}
          <button className="primary" type="submit" autoFocus disabled={unlocking}>
            {unlocking ? 'Opening…' : 'Unlock'}
          </button>
        </form>
      </main>
    );
  }

  return (
    <main className="unlock">
      <form className="unlock-card" onSubmit={submit} aria-labelledby="unlock-title">
        <h1 id="unlock-title">{creating ? 'Create your Switchyard store' : 'Unlock Switchyard'}</h1>
        <p className="muted">
          {creating
            ? 'Connection profiles and their passwords are kept in one encrypted file. Choose the passphrase that opens it.'
            : 'Your connection profiles are encrypted. Enter the passphrase to open them.'}
        </p>
        {status?.reason && <p className="notice">{status.reason}</p>}
        <label>
          Passphrase
          <input
            type="password"
            autoFocus
            autoComplete={creating ? 'new-password' : 'current-password'}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-describedby={creating ? 'passphrase-rule' : undefined}
          />
        </label>
        {/* Outside the label: the rule describes the field (aria-describedby), it is not part of its name. */}
        {creating && (
          <p id="passphrase-rule" className="muted small">
            {passphraseRule}
          </p>
        )}
        {creating && (
          <label>
            Repeat passphrase
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} aria-invalid={mismatch} />
            {mismatch && <span className="field-error">The passphrases do not match</span>}
          </label>
        )}
        {error && <ErrorMessage error={error} />}
        <button className="primary" type="submit" disabled={unlocking || !passphrase || mismatch || (creating && !repeat)}>
          {unlocking ? 'Opening…' : creating ? 'Create store' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
