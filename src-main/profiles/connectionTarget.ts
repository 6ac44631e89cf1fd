// A profile plus its secret, as a driver wants it. Lives only in memory for one connection.
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import type { ConnectionTarget } from '../drivers/driver';

type TargetFields = Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath' | 'readOnly'>;

export function toConnectionTarget(profile: TargetFields | ValidProfileInput, password: string | undefined, timeoutMs?: number): ConnectionTarget {
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
  return target;
}
