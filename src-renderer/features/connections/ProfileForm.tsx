// Create or edit a connection: inline validation, paste-a-URI, test in place, keyboard friendly.
import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { engineDescriptions } from '../../../src-shared/model/engineDescription';
import {
  engines,
  engineUses,
  environmentLabels,
  environments,
  profileFieldTable,
  sslModes,
  type Profile,
  type ProfileFieldName,
} from '../../../src-shared/model/profile';
import { formatConnectionUri } from '../../../src-shared/model/connectionUri';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { useConnections } from './connectionsStore';
import { projectFormatOptions, takesAlembicCommand, validateDraft } from './profileDraft';
import { TestResult } from './TestResult';
import { SshSection } from './SshSection';

function Field({ label, error, hint, children, wide }: { label: string; error?: string | undefined; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="muted small">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The connection fields the form takes as typed text. */
type ConnectionText = 'host' | 'port' | 'database' | 'user' | 'sslCaFile' | 'sqlitePath';

export function ProfileForm({ profile }: { profile: Profile | undefined }) {
  const { draft, edit, save, saving, showErrors, serverErrors, test, runTest, pasteUri, duplicate, remove, select, keyboardBack } = useConnections();
  const [uri, setUri] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [copied, setCopied] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const justSaved = useConnections((s) => s.justSaved !== undefined && s.justSaved === profile?.id);
  useEffect(() => {
    if (!justSaved) return;
    // A new connection's form is mounted anew once saved, and the focus went with the old one: the keyboard stays on the saved form.
    if (!form.current?.contains(document.activeElement)) saveButton.current?.focus();
    keyboardBack();
  }, [justSaved, keyboardBack]);
  const errors = { ...validateDraft(draft), ...serverErrors };
  const errorFor = (field: string) => (showErrors || touched[field] ? errors[field] : undefined);
  const blur = (field: string) => () => setTouched((t) => ({ ...t, [field]: true }));
  // What this engine's connections are made of decides what the form shows; no engine is named here.
  const engine = engineDescriptions[draft.engine];
  const uses = (field: ProfileFieldName) => engineUses(draft.engine, field);
  const label = (field: ProfileFieldName) => profileFieldTable[field].label;
  /** A connection field typed as text, shown where this engine's connections use it. */
  const textField = (field: ConnectionText, input: InputHTMLAttributes<HTMLInputElement> = {}, wide = false) =>
    uses(field) && (
      <Field label={label(field)} error={errorFor(field)} wide={wide}>
        <input value={draft[field]} onChange={(e) => edit({ [field]: e.target.value })} onBlur={blur(field)} {...input} />
      </Field>
    );

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
      ref={form}
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
            <button type="button" onClick={() => void copyUri()} disabled={!engine.uri} title="Copy as a postgres:// URI, without the password">
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
      {profile && engine.uri && (
        <p className="uri-preview">
          <code>{formatConnectionUri(profile)}</code>
        </p>
      )}

      <div className="grid">
        <Field label={label('name')} error={errorFor('name')}>
          <input
            autoFocus={!profile}
            value={draft.name}
            onChange={(e) => edit({ name: e.target.value })}
            onBlur={blur('name')}
            placeholder="e.g. Billing — staging"
          />
        </Field>
        <Field label={label('environment')}>
          <select value={draft.environment} onChange={(e) => edit({ environment: e.target.value as typeof draft.environment })}>
            {environments.map((env) => (
              <option key={env} value={env}>
                {environmentLabels[env]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={label('engine')}>
          <select value={draft.engine} onChange={(e) => edit({ engine: e.target.value as typeof draft.engine })}>
            {engines.map((kind) => (
              <option key={kind} value={kind}>
                {engineDescriptions[kind].label}
              </option>
            ))}
          </select>
        </Field>

        {engine.uri && (
          <Field label="Paste a postgres:// URI to fill the form" hint="Or type one: the form is filled when you press Enter or leave this field." wide>
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
              onBlur={() => {
                if (uri.trim() && pasteUri(uri)) setUri('');
              }}
            />
          </Field>
        )}
        {textField('host')}
        {textField('port', { inputMode: 'numeric' })}
        {textField('database')}
        {textField('user', { autoComplete: 'off' })}
        {engine.location === 'server' && (
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
        )}
        {uses('sslMode') && (
          <Field label={label('sslMode')}>
            <select value={draft.sslMode} onChange={(e) => edit({ sslMode: e.target.value as typeof draft.sslMode })}>
              {sslModes.map((mode) => (
                <option key={mode} value={mode}>
                  {mode}
                </option>
              ))}
            </select>
          </Field>
        )}
        {draft.sslMode !== 'disable' && draft.sslMode !== 'require' && textField('sslCaFile', { placeholder: '/path/to/root.crt' }, true)}
        {textField('sqlitePath', { placeholder: '/path/to/database.sqlite' }, true)}
        {uses('host') && <SshSection errorFor={errorFor} />}

        <label className="check wide">
          <input type="checkbox" checked={draft.readOnly} onChange={(e) => edit({ readOnly: e.target.checked })} />
          {label('readOnly')}
        </label>
        <Field label={label('projectDir')} wide>
          <input value={draft.projectDir} onChange={(e) => edit({ projectDir: e.target.value })} placeholder="/path/to/project/migrations" />
        </Field>
        <Field label={label('projectFormat')}>
          <select value={draft.projectFormat} onChange={(e) => edit({ projectFormat: e.target.value as typeof draft.projectFormat })}>
            {projectFormatOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        {takesAlembicCommand(draft.projectFormat) && (
          <Field label={label('alembicCommand')}>
            <input value={draft.alembicCommand} onChange={(e) => edit({ alembicCommand: e.target.value })} placeholder="alembic" />
          </Field>
        )}
        <Field label={label('notes')} wide>
          <textarea rows={3} value={draft.notes} onChange={(e) => edit({ notes: e.target.value })} />
        </Field>
      </div>

      <div className="actions">
        <button type="button" onClick={() => void runTest()} disabled={test.status === 'running'}>
          {test.status === 'running' ? 'Testing…' : 'Test connection'}
        </button>
        <button ref={saveButton} type="submit" className="primary" disabled={saving}>
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
