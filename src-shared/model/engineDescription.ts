// What the app says and shows of each database engine: its name, the fields its connections are made
// of, whether its database is a server or a file, and what copying it costs. The renderer and the
// profile's checks ask this description, so neither branches on an engine's name; what only the main
// process needs (connecting, catalogs, snapshots) is its Engine in src-main/engines/.
import type { Engine, Profile } from './profile';

export interface EngineDescription {
  /** Its name as users know it. */
  label: string;
  /** A server reached at a host and port (with a user and a password), or a file on this machine. */
  location: 'server' | 'file';
  /** A postgres:// URI describes its connections: pasted to fill the form, copied from a saved one. */
  uri: boolean;
  /**
   * Copying its database (a snapshot, a restore) needs the database idle, so every session on it is
   * ended first: the dialogs list them before anyone agrees.
   */
  copyEndsSessions: boolean;
}

export const engineDescriptions: Record<Engine, EngineDescription> = {
  postgres: { label: 'PostgreSQL', location: 'server', uri: true, copyEndsSessions: true },
  sqlite: { label: 'SQLite', location: 'file', uri: false, copyEndsSessions: false },
};

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The name a user knows the database by: the server's database, or the file's name. */
export function databaseNameOf(profile: Pick<Profile, 'engine' | 'database' | 'sqlitePath'>): string {
  return engineDescriptions[profile.engine].location === 'file' ? fileName(profile.sqlitePath) : profile.database;
}

/** Where the database is, for a list of connections: host:port/database, or the engine and the file's name. */
export function databasePlaceOf(profile: Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'sqlitePath'>): string {
  const { label, location } = engineDescriptions[profile.engine];
  return location === 'file' ? `${label} · ${fileName(profile.sqlitePath)}` : `${profile.host}:${profile.port}/${profile.database}`;
}
