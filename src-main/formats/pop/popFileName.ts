// ory/pop migration file names, parsed as ory/x popx does (popx/match.go, at github.com/ory/x):
// `<version>_<name>[.<dialect>][.autocommit].(up|down).sql`, and gobuffalo/pop's `.fizz` files
// (gobuffalo/pop migrator.go), which Switchyard recognises only to say it does not run them.

/** The name's parts; `dialect` is pop's canonical dialect name, or null for a file every dialect runs. */
export interface PopFileName {
  version: string;
  name: string;
  dialect: string | null;
  autocommit: boolean;
  direction: 'up' | 'down';
  kind: 'sql' | 'fizz';
}

// popx's MigrationFileRegexp, with fizz beside sql so .fizz files are named rather than passed over.
const popName = /^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.(sql|fizz)$/;

// pop's dialect synonyms (CanonicalDialect: dialect_postgresql.go, dialect_cockroach.go, dialect_sqlite.go).
const synonyms: Readonly<Record<string, string>> = {
  postgresql: 'postgres',
  pg: 'postgres',
  pgx: 'postgres',
  cockroachdb: 'cockroach',
  crdb: 'cockroach',
  sqlite: 'sqlite3',
};

/** The dialects pop knows (AvailableDialects); a file for any other is one pop ignores. */
export const popKnownDialects: ReadonlySet<string> = new Set(['postgres', 'cockroach', 'mysql', 'mariadb', 'sqlite3']);

/** Null for a name that is not a pop migration. */
export function parsePopFileName(file: string): PopFileName | null {
  const match = popName.exec(file);
  if (!match) return null;
  const [, version = '', name = '', dialectPart, autocommitPart, direction, kind] = match;
  // popx: a lone `.autocommit` lands in the dialect group and means "every dialect, outside a transaction".
  const loneAutocommit = dialectPart === '.autocommit';
  const dialect = dialectPart && !loneAutocommit ? (synonyms[dialectPart.slice(1)] ?? dialectPart.slice(1)) : null;
  return {
    version,
    name,
    dialect,
    autocommit: loneAutocommit || autocommitPart !== undefined,
    direction: direction === 'down' ? 'down' : 'up',
    kind: kind === 'fizz' ? 'fizz' : 'sql',
  };
}
