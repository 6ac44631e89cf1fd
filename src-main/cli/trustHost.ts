// `switchyard profiles trust-host NAME`: tests the connection, and each SSH host whose key is not known
// yet is shown (its fingerprint, as ssh prints it) and accepted, outermost first, until the database
// answers. A key that changed is never accepted here: it stays refused with both fingerprints.
import type { Profile } from '../../src-shared/model/profile';
import { SwitchyardError } from '../../src-shared/errors';
import type { Services } from '../services';
import { call } from './openServices';
import { printJson, say } from './output';
import { tunnelLines } from './sshFlags';

interface UnknownHost {
  host: string;
  port: number;
  position: number;
  fingerprint: string;
}

export async function trustHosts(services: Services, profile: Profile, json: boolean): Promise<number> {
  if (profile.ssh.length === 0) throw new SwitchyardError('E_INVALID_INPUT', `"${profile.name}" has no SSH tunnel: there is no host key to accept.`);
  const accepted: UnknownHost[] = [];
  for (let attempt = 0; attempt <= profile.ssh.length; attempt += 1) {
    try {
      const result = await call(services, 'profiles.test', { id: profile.id });
      if (json) printJson({ ok: true, profile: profile.name, accepted, ...result });
      else say(`${tunnelLines(result.tunnel ?? [])}${profile.name}: connected — ${result.serverVersion}, as ${result.currentUser}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof SwitchyardError) || error.code !== 'E_SSH_HOST_UNKNOWN') throw error;
      const unknown = error.detail as UnknownHost;
      if (!json) say(`${unknown.host}:${unknown.port} offers the host key ${unknown.fingerprint}: accepted for ${profile.name}.\n`);
      await call(services, 'profiles.trustHost', { id: profile.id, position: unknown.position, fingerprint: unknown.fingerprint });
      accepted.push(unknown);
    }
  }
  throw new SwitchyardError('E_SSH_HOST_UNKNOWN', `The SSH hosts of "${profile.name}" kept offering keys not accepted yet.`);
}
