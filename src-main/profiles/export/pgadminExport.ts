// Profiles as pgAdmin 4's servers.json (the format `setup.py --load-servers` reads:
// https://www.pgadmin.org/docs/pgadmin4/latest/import_export_servers.html), without passwords.
// SQLite profiles have no place in it and are returned as left out.
import type { Profile } from '../../../src-shared/model/profile';
import { engineUses } from '../../../src-shared/model/profile';

export interface PgadminExport {
  text: string;
  leftOut: string[];
}

export function pgadminServersJson(profiles: Profile[]): PgadminExport {
  const servers: Record<string, Record<string, unknown>> = {};
  const leftOut: string[] = [];
  for (const profile of profiles) {
    if (!engineUses(profile.engine, 'host')) {
      leftOut.push(profile.name);
      continue;
    }
    const parameters: Record<string, unknown> = { sslmode: profile.sslMode };
    if (profile.sslCaFile) parameters.sslrootcert = profile.sslCaFile;
    servers[String(Object.keys(servers).length + 1)] = {
      Name: profile.name,
      Group: `Switchyard ${profile.environment}`,
      Host: profile.host,
      Port: profile.port,
      MaintenanceDB: profile.database,
      Username: profile.user,
      ...(profile.notes ? { Comment: profile.notes } : {}),
      ConnectionParameters: parameters,
    };
  }
  return { text: `${JSON.stringify({ Servers: servers }, null, 4)}\n`, leftOut };
}
