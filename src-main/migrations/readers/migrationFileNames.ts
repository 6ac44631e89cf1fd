// Names of header-less native migrations: numbered files (`001_create_users.sql`), read as a chain.
// The tools' own layouts (dbmate, golang-migrate, goose, Flyway, pop…) are their formats' to read.

export interface MigrationFileName {
  /** The revision id: the number the name starts with, or the whole name without `.sql`. */
  version: string;
  /** Numeric parts of the version, for ordering 2 before 10; empty for a name without a number. */
  order: number[];
  description: string;
}

const numbered = /^(\d+)(?:[_-](.*))?\.sql$/i;

function words(description: string): string {
  return description.replace(/[_-]+/g, ' ').trim();
}

/** Null for files that are not `.sql`. */
export function parseMigrationFileName(name: string): MigrationFileName | null {
  const plain = numbered.exec(name);
  if (plain) {
    const version = plain[1] as string;
    return { version, order: [Number(version)], description: words(plain[2] ?? '') };
  }
  if (!name.toLowerCase().endsWith('.sql')) return null;
  const version = name.slice(0, -'.sql'.length);
  return { version, order: [], description: words(version) };
}

/** Versions in numeric order; names without a number come last, alphabetically. */
export function compareMigrationFileNames(a: MigrationFileName, b: MigrationFileName): number {
  if (a.order.length === 0 || b.order.length === 0) {
    if (a.order.length !== b.order.length) return a.order.length === 0 ? 1 : -1;
    return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
  }
  return (a.order[0] ?? 0) - (b.order[0] ?? 0);
}
