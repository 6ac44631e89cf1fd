// DBeaver's data-sources.json (workspace6/General/.dbeaver/): {"folders": {…}, "connections": {"<id>":
// {"provider", "driver", "name", "folder", "save-password", "configuration": {"host", "port", "database",
// "url", "type": "dev"|"test"|"prod", "user"?, "handlers": {…}}}}}. Users and passwords are in
// credentials-config.json beside it (dbeaverCredentials.ts). Source: DBeaver's documentation of its
// configuration files, https://github.com/dbeaver/dbeaver/wiki/Admin-Manage-Connections.
import type { Environment } from '../../../src-shared/model/profile';
import type { ImportProblem } from '../../../src-shared/model/profileImport';
import type { DbeaverCredential } from './dbeaverCredentials';
import { isJsonObject, jsonText, portOf, readJsonEntries, sslModeOf, type ImportedConnection, type JsonObject, type SourceReading } from './importedConnection';

/** DBeaver's built-in connection types (DBPConnectionType: DEV, TEST, PROD) by id. */
const connectionTypes: Record<string, Environment> = { dev: 'dev', test: 'test', prod: 'prod' };

function environmentOf(type: string | undefined, notes: string[]): Environment {
  if (!type) return 'dev';
  const environment = connectionTypes[type];
  if (environment) return environment;
  notes.push(`connection type "${type}" is not one of DBeaver's dev, test, prod: kept as dev`);
  return 'dev';
}

function handlerNotes(handlers: unknown, notes: string[]): string | undefined {
  if (!isJsonObject(handlers)) return undefined;
  let sslMode: string | undefined;
  for (const [id, handler] of Object.entries(handlers)) {
    if (!isJsonObject(handler) || handler.enabled !== true) continue;
    const properties = isJsonObject(handler.properties) ? handler.properties : {};
    if (id === 'postgre_ssl') sslMode = jsonText(properties.sslMode) ?? jsonText(properties.sslmode) ?? 'require';
    else if (id.startsWith('ssh')) notes.push(`its SSH tunnel (${id}) was not imported: add it to the profile`);
    else notes.push(`network handler "${id}" is not used`);
  }
  return sslMode;
}

function readConnection(id: string, connection: JsonObject, credential: DbeaverCredential | undefined): ImportedConnection | ImportProblem {
  const name = jsonText(connection.name) ?? id;
  const where = `connections › ${id}`;
  const provider = jsonText(connection.provider) ?? '';
  const configuration = isJsonObject(connection.configuration) ? connection.configuration : {};
  const notes: string[] = [];
  const environment = environmentOf(jsonText(configuration.type), notes);
  const folder = jsonText(connection.folder);
  if (provider === 'sqlite') {
    const path = jsonText(configuration.database);
    if (!path) return { where, message: `"${name}" (SQLite) names no database file.` };
    return { profile: { name, environment, engine: 'sqlite', sqlitePath: path, notes: folder ? `DBeaver folder: ${folder}` : '' }, where, notes };
  }
  if (provider !== 'postgresql') return { where, message: `"${name}" is a ${provider || 'unknown'} connection: Switchyard connects to PostgreSQL and SQLite.` };
  const host = jsonText(configuration.host);
  if (!host)
    return {
      where,
      message: `"${name}" has no host (a URL-only connection: ${jsonText(configuration.url) ? 'import its URI instead' : 'nothing to connect to'}).`,
    };
  const sslMode = sslModeOf(handlerNotes(configuration.handlers, notes), notes);
  const port = portOf(configuration.port, notes);
  const user = credential?.user ?? jsonText(configuration.user) ?? '';
  const password = credential?.password ?? jsonText(configuration.password);
  if (connection['save-password'] === true && password === undefined) notes.push('DBeaver saves its password, but no credentials-config.json gave it');
  return {
    profile: {
      name,
      environment,
      engine: 'postgres',
      host,
      ...(port ? { port } : {}),
      database: jsonText(configuration.database) ?? 'postgres',
      user,
      ...(sslMode ? { sslMode } : {}),
      notes: folder ? `DBeaver folder: ${folder}` : '',
    },
    ...(password !== undefined ? { password } : {}),
    where,
    notes,
  };
}

export function readDbeaverSources(source: string, credentials: Map<string, DbeaverCredential> | undefined): SourceReading {
  return readJsonEntries(source, 'connections', 'DBeaver data-sources.json', (id, connection) => readConnection(id, connection, credentials?.get(id)));
}
