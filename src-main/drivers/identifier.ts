// The one way an identifier reaches SQL text: double-quoted, inner quotes doubled. Works the same
// on PostgreSQL and SQLite; values never go this way, they are parameters.
import { SwitchyardError } from '../../src-shared/errors';

export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new SwitchyardError('E_INVALID_INPUT', 'An identifier cannot contain a NUL character.');
  return `"${name.replace(/"/g, '""')}"`;
}

/** schema.name, each part quoted. */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}
