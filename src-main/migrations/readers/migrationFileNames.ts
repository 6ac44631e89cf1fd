// Names of header-less SQL migrations in the tools people come from: dbmate (`20240101120000_x.sql`),
// Flyway (`V1_2__x.sql`, undo `U1_2__x.sql`) and golang-migrate (`0001_x.up.sql` / `0001_x.down.sql`).

export interface MigrationFileName {
  /** The revision id: the version part of the name. */
  version: string;
  /** Numeric parts of the version, for ordering 2 before 10. */
  order: number[];
  description: string;
  /** Which body the file holds. */
  part: 'up' | 'down' | 'both';
}

const golangMigrate = /^(\d+)_(.*)\.(up|down)\.sql$/i;
const flyway = /^([VU])(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const numbered = /^(\d+)(?:[_-](.*))?\.sql$/i;

function words(description: string): string {
  return description.replace(/[_-]+/g, ' ').trim();
}

/** Null for files that are not migrations in any of these styles (e.g. Flyway's repeatable `R__`). */
export function parseMigrationFileName(name: string): MigrationFileName | null {
  const go = golangMigrate.exec(name);
  if (go) {
    const version = go[1] as string;
    return { version, order: [Number(version)], description: words(go[2] as string), part: go[3]?.toLowerCase() === 'up' ? 'up' : 'down' };
  }
  const fly = flyway.exec(name);
  if (fly) {
    const version = (fly[2] as string).replace(/_/g, '.');
    return { version, order: version.split('.').map(Number), description: words(fly[3] as string), part: fly[1] === 'V' ? 'up' : 'down' };
  }
  const plain = numbered.exec(name);
  if (plain) {
    const version = plain[1] as string;
    return { version, order: [Number(version)], description: words(plain[2] ?? ''), part: 'both' };
  }
  if (/^R__/.test(name) || !name.toLowerCase().endsWith('.sql')) return null;
  const version = name.slice(0, -'.sql'.length);
  return { version, order: [], description: words(version), part: 'both' };
}

/** Versions in numeric order; names without a number come last, alphabetically. */
export function compareMigrationFileNames(a: MigrationFileName, b: MigrationFileName): number {
  if (a.order.length === 0 || b.order.length === 0) {
    if (a.order.length !== b.order.length) return a.order.length === 0 ? 1 : -1;
    return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
  }
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i += 1) {
    const d = (a.order[i] ?? 0) - (b.order[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
