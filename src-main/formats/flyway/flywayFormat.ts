// Flyway's SQL migrations: `V<version>__<description>.sql`, `U…` undo and `R__…` repeatable files in the
// configured locations, recorded in flyway_schema_history as Flyway records them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFormat } from '../format';
import { flywayBookkeeping } from './flywayBookkeeping';
import { readFlywayProject } from './flywayReader';

const configFiles = ['flyway.conf', 'flyway.toml', 'conf/flyway.conf', 'conf/flyway.toml'];
const versionedName = /^V\d[\d._]*__.*\.sql$/;

export const flywayFormat: SqlFormat = {
  name: 'flyway',
  runner: 'sql',
  detect(dir, names) {
    const config = configFiles.find((f) => (f.includes('/') ? names.includes('conf') && existsSync(join(dir, f)) : names.includes(f)));
    if (config) return `${config} in the folder: a Flyway project`;
    const versioned = names.filter((n) => versionedName.test(n)).length;
    return versioned === 0 ? null : `${versioned} file${versioned === 1 ? '' : 's'} named V<version>__<description>.sql: Flyway's versioned migrations`;
  },
  read: (dir) => readFlywayProject(dir),
  bookkeeping: flywayBookkeeping,
  // Flyway decides by itself: the reader marks the migrations it runs outside a transaction.
  outsideTransaction: null,
};
