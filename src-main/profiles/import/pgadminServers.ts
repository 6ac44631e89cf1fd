// pgAdmin 4's servers.json, as `setup.py --dump-servers` writes it and `--load-servers` reads it:
// {"Servers": {"1": {"Name", "Group", "Host", "Port", "MaintenanceDB", "Username", "SSLMode" (before
// pgAdmin 7) or "ConnectionParameters": {"sslmode", "sslrootcert", "passfile", …}, "Comment", …}}}.
// Source: https://www.pgadmin.org/docs/pgadmin4/latest/import_export_servers.html. It never holds passwords.
import type { ImportProblem } from '../../../src-shared/model/profileImport';
import type { SshHopInput } from '../../../src-shared/model/sshRoute';
import { isJsonObject, jsonText, portOf, readJsonEntries, sslModeOf, type ImportedConnection, type JsonObject, type SourceReading } from './importedConnection';

/** Keys of a server pgAdmin writes that a profile has no place for, said when they matter. */
const unusedSettings: Record<string, string> = {
  PassFile: 'a password file (its passwords are not read: import the .pgpass itself)',
  Service: 'a pg_service.conf service (import the service file itself)',
  Role: 'a role to SET after connecting',
  HostAddr: 'a host address beside the host name',
  KerberosAuthentication: 'Kerberos authentication',
  PasswordExecCommand: 'a command that prints the password',
};

/** pgAdmin's SSH tunnel (UseSSHTunnel; TunnelAuthentication 1: TunnelIdentityFile, 0: a password it does not export) as a one-host route. */
function tunnelRoute(server: JsonObject, notes: string[]): SshHopInput[] | undefined {
  if (server.UseSSHTunnel !== 1 && server.UseSSHTunnel !== true) return undefined;
  const host = jsonText(server.TunnelHost);
  const user = jsonText(server.TunnelUsername);
  const keyFile = jsonText(server.TunnelIdentityFile);
  const port = portOf(server.TunnelPort, notes) ?? 22;
  if (!host || !user || !keyFile || Number(server.TunnelAuthentication) !== 1) {
    notes.push('its SSH tunnel signs in by password, which servers.json does not hold, and was not imported: add it with --ssh and --ssh-password-stdin');
    return undefined;
  }
  notes.push(`its SSH tunnel came with it (the key ${keyFile}): accept the host's key (profiles trust-host) before the first connection`);
  return [{ host, port, user, auth: 'key', keyFile }];
}

function readServer(key: string, server: JsonObject): ImportedConnection | ImportProblem {
  const where = `Servers › ${key}`;
  const host = jsonText(server.Host) ?? jsonText(server.HostAddr);
  if (!host) return { where, message: `"${jsonText(server.Name) ?? key}" has no Host (a service-only or socket server cannot be imported).` };
  const notes: string[] = [];
  const parameters = isJsonObject(server.ConnectionParameters) ? server.ConnectionParameters : {};
  const sslMode = sslModeOf(jsonText(parameters.sslmode) ?? jsonText(server.SSLMode), notes);
  const sslCaFile = jsonText(parameters.sslrootcert) ?? jsonText(server.SSLRootCert);
  for (const [setting, meaning] of Object.entries(unusedSettings)) {
    if (jsonText(server[setting]) !== undefined || server[setting] === true) notes.push(`${setting}: ${meaning} is not kept`);
  }
  if (jsonText(parameters.passfile)) notes.push('passfile: a password file is not read (import the .pgpass itself)');
  const ssh = tunnelRoute(server, notes);
  const port = portOf(server.Port, notes);
  const group = jsonText(server.Group);
  const comment = jsonText(server.Comment);
  return {
    profile: {
      name: jsonText(server.Name) ?? host,
      environment: 'dev',
      engine: 'postgres',
      host,
      ...(port ? { port } : {}),
      database: jsonText(server.MaintenanceDB) ?? 'postgres',
      user: jsonText(server.Username) ?? '',
      ...(sslMode ? { sslMode } : {}),
      ...(sslCaFile ? { sslCaFile } : {}),
      notes: [group ? `pgAdmin group: ${group}` : '', comment ?? ''].filter(Boolean).join('\n'),
      ...(ssh ? { ssh } : {}),
    },
    where,
    notes,
  };
}

export function readPgadminServers(source: string): SourceReading {
  return readJsonEntries(source, 'Servers', 'pgAdmin servers.json', readServer);
}
