// A profile plus its secrets, as a driver wants it. Lives only in memory for one connection.
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import type { ConnectionTarget } from '../drivers/driver';

type TargetFields = Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath' | 'readOnly'> & {
  ssh?: Profile['ssh'] | ValidProfileInput['ssh'];
};

/** `sshSecrets`: each SSH host's stored passphrase or password, in chain order; a secret typed with a host wins. */
export function toConnectionTarget(
  profile: TargetFields | ValidProfileInput,
  password: string | undefined,
  timeoutMs?: number,
  sshSecrets: readonly (string | undefined)[] = [],
): ConnectionTarget {
  const target: ConnectionTarget = {
    engine: profile.engine,
    host: profile.host,
    port: profile.port,
    database: profile.database,
    user: profile.user,
    sslMode: profile.sslMode,
    sslCaFile: profile.sslCaFile,
    sqlitePath: profile.sqlitePath,
    readOnly: profile.readOnly,
  };
  if (password !== undefined) target.password = password;
  if (timeoutMs !== undefined) target.timeoutMs = timeoutMs;
  const hops = profile.ssh ?? [];
  if (hops.length > 0) {
    target.ssh = hops.map(({ host, port, user, auth, keyFile, hostKey, ...rest }, position) => {
      const typed = 'secret' in rest && typeof rest.secret === 'string' && rest.secret ? rest.secret : undefined;
      const secret = typed ?? sshSecrets[position];
      return { host, port, user, auth, keyFile, hostKey, ...(secret !== undefined ? { secret } : {}) };
    });
  }
  return target;
}
