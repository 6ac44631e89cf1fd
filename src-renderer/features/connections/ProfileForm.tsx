// Create or edit a connection: inline validation, paste-a-URI, test in place, keyboard friendly.
import { useState, type FormEvent, type ReactNode } from 'react';
import { environmentLabels, environments, sslModes, type Profile } from '../../../src-shared/model/profile';
import { formatConnectionUri } from '../../../src-shared/model/connectionUri';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { useConnections } from './connectionsStore';
import { validateDraft } from './profileDraft';
import { TestResult } from './TestResult';

function Field({ label, error, children, wide }: { label: string; error?: string | undefined; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

export function ProfileForm({ profile }: { profile: Profile | undefined }) {
  const { draft, edit, save, saving, showErrors, serverErrors, test, runTest, pasteUri, duplicate, remove, select } = useConnections();
  const [uri, setUri] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [copied, setCopied] = useState(false);
  const errors = { ...validateDraft(draft), ...serverErrors };
  const errorFor = (field: string) => (showErrors || touched[field] ? errors[field] : undefined);
  const blur = (field: string) => () => setTouched((t) => ({ ...t, [field]: true }));
  const postgres = draft.engine === 'postgres';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const copyUri = async () => {
    if (!profile) return;
    await navigator.clipboard.writeText(formatConnectionUri(profile)).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <form
      className="profile-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && select(profile?.id)}
      aria-label={profile ? `Edit ${profile.name}` : 'New connection'}
      noValidate
    >
      <header className="form-head">
        <h1>{profile ? profile.name : 'New connection'}</h1>
        {profile && (
          <div className="head-actions">
            <button type="button" onClick={() => void copyUri()} disabled={!postgres} title="Copy as a postgres:// URI, without the password">
              {copied ? 'Copied' : 'Copy URI'}
            </button>
            <button type="button" onClick={() => void duplicate(profile.id)}>
              Duplicate
            </button>
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </div>
        )}
      </header>
      {profile && postgres && (
        <p className="uri-preview">
          <code>{formatConnectionUri(profile)}</code>
        </p>
      )}

      <div className="grid">
        <Field label="Name" error={errorFor('name')}>
          <input
            autoFocus={!profile}
            value={draft.name}
            onChange={(e) => edit({ name: e.target.value })}
            onBlur={blur('name')}
            placeholder="e.g. Billing — staging"
          />
        </Field>
        <Field label="Environment">
          <select value={draft.environment} onChange={(e) => edit({ environment: e.target.value as typeof draft.environment })}>
            {environments.map((env) => (
              <option key={env} value={env}>
                {environmentLabels[env]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Engine">
          <select value={draft.engine} onChange={(e) => edit({ engine: e.target.value as typeof draft.engine })}>
            <option value="postgres">PostgreSQL</option>
            <option value="sqlite">SQLite</option>
          </select>
        </Field>

        {postgres ? (
          <>
            <Field label="Paste a postgres:// URI to fill the form" wide>
              <input
                value={uri}
                placeholder="postgres://user:password@host:5432/database?sslmode=require"
                onChange={(e) => setUri(e.target.value)}
                onPaste={(e) => {
                  const text = e.clipboardData.getData('text');
                  if (pasteUri(text)) {
                    e.preventDefault();
                    setUri('');
                  }
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (pasteUri(uri)) setUri('');
                  }
                }}
              />
            </Field>
            <Field label="Host" error={errorFor('host')}>
              <input value={draft.host} onChange={(e) => edit({ host: e.target.value })} onBlur={blur('host')} />
            </Field>
            <Field label="Port" error={errorFor('port')}>
              <input inputMode="numeric" value={draft.port} onChange={(e) => edit({ port: e.target.value })} onBlur={blur('port')} />
            </Field>
            <Field label="Database" error={errorFor('database')}>
              <input value={draft.database} onChange={(e) => edit({ database: e.target.value })} onBlur={blur('database')} />
            </Field>
            <Field label="User" error={errorFor('user')}>
              <input value={draft.user} autoComplete="off" onChange={(e) => edit({ user: e.target.value })} onBlur={blur('user')} />
            </Field>
            <Field label={profile?.hasPassword ? 'Password (stored — type to replace)' : 'Password'}>
              <input
                type="password"
                autoComplete="new-password"
                value={draft.password}
                placeholder={profile?.hasPassword && !draft.clearPassword ? '••••••••' : ''}
                onChange={(e) => edit({ password: e.target.value, clearPassword: false })}
              />
              {profile?.hasPassword && (
                <span className="inline-check">
                  <input type="checkbox" checked={draft.clearPassword} onChange={(e) => edit({ clearPassword: e.target.checked, password: '' })} /> Forget the
                  stored password
                </span>
              )}
            </Field>
            <Field label="SSL mode">
              <select value={draft.sslMode} onChange={(e) => edit({ sslMode: e.target.value as typeof draft.sslMode })}>
                {sslModes.map((mode) => (
                  <option key={mode} value={mode}>
                    {mode}
                  </option>
                ))}
              </select>
            </Field>
            {draft.sslMode !== 'disable' && draft.sslMode !== 'require' && (
              <Field label="CA certificate file" error={errorFor('sslCaFile')} wide>
                <input
                  value={draft.sslCaFile}
                  onChange={(e) => edit({ sslCaFile: e.target.value })}
                  onBlur={blur('sslCaFile')}
                  placeholder="/path/to/root.crt"
                />
              </Field>
            )}
          </>
        ) : (
          <Field label="SQLite file" error={errorFor('sqlitePath')} wide>
            <input
              value={draft.sqlitePath}
              onChange={(e) => edit({ sqlitePath: e.target.value })}
              onBlur={blur('sqlitePath')}
              placeholder="/path/to/database.sqlite"
            />
          </Field>
        )}

        <label className="check wide">
          <input type="checkbox" checked={draft.readOnly} onChange={(e) => edit({ readOnly: e.target.checked })} />
          Read-only: the server refuses every write on this connection
        </label>
        <Field label="Migration project folder (a migrations folder, or one holding alembic.ini)" wide>
          <input value={draft.projectDir} onChange={(e) => edit({ projectDir: e.target.value })} placeholder="/path/to/project/migrations" />
        </Field>
        <Field label="Project format">
          <select value={draft.projectFormat} onChange={(e) => edit({ projectFormat: e.target.value as typeof draft.projectFormat })}>
            <option value="auto">Detect</option>
            <option value="native">Native SQL</option>
            <option value="alembic">Alembic</option>
          </select>
        </Field>
        {draft.projectFormat !== 'native' && (
          <Field label="Alembic command">
            <input value={draft.alembicCommand} onChange={(e) => edit({ alembicCommand: e.target.value })} placeholder="alembic" />
          </Field>
        )}
        <Field label="Notes" wide>
          <textarea rows={3} value={draft.notes} onChange={(e) => edit({ notes: e.target.value })} />
        </Field>
      </div>

      <div className="actions">
        <button type="button" onClick={() => void runTest()} disabled={test.status === 'running'}>
          {test.status === 'running' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Save connection'}
        </button>
      </div>
      <TestResult test={test} />

      {confirmDelete && profile && (
        <DeleteConnectionDialog
          profile={profile}
          onCancel={() => setConfirmDelete(false)}
          onDelete={(snapshots, typedName) => {
            setConfirmDelete(false);
            void remove(profile.id, snapshots, typedName);
          }}
        />
      )}
    </form>
  );
}
