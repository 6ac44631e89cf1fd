// The connection form's SSH tunnel: its hosts outermost first (a chain of jump hosts), each with how
// it is signed in to and the host key accepted for it. Secrets are typed, never shown back.
import { sshAuthMethods, type SshAuth } from '../../../src-shared/model/sshRoute';
import { useConnections } from './connectionsStore';
import { emptyHop, type SshHopDraft } from './profileDraft';

const authLabels: Record<SshAuth, string> = { key: 'A key file', agent: 'The SSH agent', password: 'A password' };

export function SshSection({ errorFor }: { errorFor: (field: string) => string | undefined }) {
  const hops = useConnections((s) => s.draft.ssh);
  const edit = useConnections((s) => s.edit);
  const change = (position: number, patch: Partial<SshHopDraft>) => edit({ ssh: hops.map((hop, i) => (i === position ? { ...hop, ...patch } : hop)) });
  const field = (position: number, name: keyof SshHopDraft, label: string, type = 'text') => (
    <label className={`field${errorFor(`ssh.${position}.${name}`) ? ' invalid' : ''}`}>
      <span className="field-label">{label}</span>
      <input type={type} value={String(hops[position]?.[name] ?? '')} autoComplete="off" onChange={(e) => change(position, { [name]: e.target.value })} />
      {errorFor(`ssh.${position}.${name}`) && <span className="field-error">{errorFor(`ssh.${position}.${name}`)}</span>}
    </label>
  );
  return (
    <fieldset className="ssh-section wide">
      <legend>SSH tunnel</legend>
      {hops.length === 0 && <p className="muted small">Connected directly. Add an SSH host to reach a database behind a bastion.</p>}
      {hops.map((hop, position) => (
        <div className="grid ssh-hop" key={position} role="group" aria-label={`SSH host ${position + 1}`}>
          {field(position, 'host', position === 0 ? 'SSH host' : `Then SSH host ${position + 1}`)}
          {field(position, 'port', 'SSH port')}
          {field(position, 'user', 'SSH user')}
          <label className="field">
            <span className="field-label">Sign in with</span>
            <select value={hop.auth} onChange={(e) => change(position, { auth: e.target.value as SshAuth, secret: '' })}>
              {sshAuthMethods.map((auth) => (
                <option key={auth} value={auth}>
                  {authLabels[auth]}
                </option>
              ))}
            </select>
          </label>
          {hop.auth === 'key' && field(position, 'keyFile', 'Private key file')}
          {hop.auth !== 'agent' &&
            field(
              position,
              'secret',
              `${hop.auth === 'key' ? 'Key passphrase' : 'SSH password'}${hop.hasSecret ? ' (stored — type to replace)' : ''}`,
              'password',
            )}
          <p className="field wide small">
            <span className="field-label">Host key</span>
            {hop.hostKey ? <code>{hop.hostKey}</code> : <span className="muted">Not accepted yet: Test connection shows it to accept.</span>}
          </p>
          <button type="button" onClick={() => edit({ ssh: hops.filter((_, i) => i !== position) })}>
            Remove SSH host {position + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => edit({ ssh: [...hops, hops.length ? { ...emptyHop(), auth: hops[0]?.auth ?? 'key', keyFile: hops[0]?.keyFile ?? '' } : emptyHop()] })}
      >
        {hops.length ? 'Add a jump host after these' : 'Add an SSH host'}
      </button>
    </fieldset>
  );
}
