// A side of `switchyard diff` as typed: `profile:NAME`, a URL, `snapshot:ID` or `expected:DIR[@REV,…]`,
// turned into the service's SchemaSide. Anything else is a usage error naming the forms.
import type { SchemaSide } from '../../src-shared/model/schemaComparison';
import { UsageError } from './output';

export const schemaSpecUsage = `SPEC (one of):
  profile:NAME              a saved connection (the store's passphrase: SWITCHYARD_PASSPHRASE or a prompt)
  postgres://user@host:port/db   password: PGPASSWORD (or in the URL, with a warning)
  sqlite:///absolute/path.db
  snapshot:ID               a snapshot (the id, or its start as \`snapshot list\` prints it), read without changing it
  expected:DIR[@REV,REV…]   what the migrations in DIR make up to those revisions (every head when none),
                            replayed on the other side's engine (PostgreSQL when neither has one)`;

/** The side, with a profile still named as typed: the caller looks it up in the open store. */
export type TypedSide = SchemaSide | { kind: 'connection'; profileName: string };

export function parseSchemaSpec(spec: string, flag: string): TypedSide {
  const [prefix] = /^[a-z]+:/i.exec(spec) ?? [''];
  const rest = spec.slice(prefix.length);
  switch (prefix.toLowerCase()) {
    case 'profile:':
      if (rest) return { kind: 'connection', profileName: rest };
      break;
    case 'snapshot:':
      if (rest) return { kind: 'snapshot', snapshotId: rest };
      break;
    case 'expected:': {
      // The revisions follow the last @, unless what follows it is still a path (a folder named a@b).
      const at = rest.lastIndexOf('@');
      const revisions = at < 0 || /[/\\]/.test(rest.slice(at + 1)) ? undefined : rest.slice(at + 1);
      const project = revisions === undefined ? rest : rest.slice(0, at);
      if (!project) break;
      const list = revisions?.split(',').map((r) => r.trim());
      if (list?.some((r) => r === '')) throw new UsageError(`${flag} ${spec}: a revision after @ is empty.\n\n${schemaSpecUsage}`);
      return { kind: 'project', project, ...(list ? { revisions: list } : {}) };
    }
    case 'postgres:':
    case 'postgresql:':
    case 'sqlite:':
      return { kind: 'connection', target: { url: spec } };
  }
  throw new UsageError(`${flag} ${spec} is not a side switchyard diff knows.\n\n${schemaSpecUsage}`);
}
