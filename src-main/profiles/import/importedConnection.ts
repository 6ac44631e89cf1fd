// What every import source reader gives back: connections as the source describes them (password
// included, in memory only) and what it could not read, each with where it was in the file.
import type { ProfileInput } from '../../../src-shared/model/profile';
import type { ImportProblem } from '../../../src-shared/model/profileImport';

export interface ImportedConnection {
  /** The profile as read; its name is a wish (made unique on import). */
  profile: ProfileInput & { name: string };
  password?: string;
  where: string;
  notes: string[];
}

export interface SourceReading {
  connections: ImportedConnection[];
  problems: ImportProblem[];
}

/** libpq's sslmode as a profile keeps it: prefer and allow fall back to no TLS, so they are kept as disable and said. */
export function sslModeOf(mode: string | undefined, notes: string[]): 'disable' | 'require' | 'verify-ca' | 'verify-full' | undefined {
  if (mode === undefined || mode === '') return undefined;
  if (mode === 'disable' || mode === 'require' || mode === 'verify-ca' || mode === 'verify-full') return mode;
  if (mode === 'prefer' || mode === 'allow') {
    notes.push(`sslmode ${mode} is kept as disable: Switchyard only keeps modes it enforces (set require to insist on TLS)`);
    return 'disable';
  }
  notes.push(`sslmode "${mode}" is not known and was left out`);
  return undefined;
}

/** A port as text or number; undefined (and a note) when it is not one. */
export function portOf(value: unknown, notes: string[]): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const port = typeof value === 'number' ? value : Number(String(value).trim());
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return port;
  notes.push(`port "${String(value)}" is not a port number; 5432 is used`);
  return undefined;
}

/** The name an unnamed connection gets: user@host/database, as people say it. */
export function connectionName(user: string | undefined, host: string, database: string | undefined): string {
  return `${user ? `${user}@` : ''}${host}${database ? `/${database}` : ''}`;
}

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON string with something in it, trimmed; undefined otherwise. */
export const jsonText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The entries of a tool's JSON file kept under one key (pgAdmin's "Servers", DBeaver's "connections"),
 * each read to a connection or a problem; a file that is not JSON or lacks the key is one problem.
 */
export function readJsonEntries(
  source: string,
  collection: string,
  tool: string,
  readEntry: (key: string, entry: JsonObject) => ImportedConnection | ImportProblem,
): SourceReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return { connections: [], problems: [{ where: 'file', message: `Not JSON: ${(error as Error).message}` }] };
  }
  const entries = isJsonObject(parsed) ? parsed[collection] : undefined;
  if (!isJsonObject(entries)) return { connections: [], problems: [{ where: 'file', message: `No "${collection}" object: not a ${tool}.` }] };
  const reading: SourceReading = { connections: [], problems: [] };
  for (const [key, entry] of Object.entries(entries)) {
    const read = isJsonObject(entry) ? readEntry(key, entry) : { where: `${collection} › ${key}`, message: 'Not an object.' };
    if ('profile' in read) reading.connections.push(read);
    else reading.problems.push(read);
  }
  return reading;
}
