// Flyway's SQL migrations: `V<version>__<description>.sql`, `U…` undo and `R__…` repeatable files in the
// configured locations, recorded in flyway_schema_history as Flyway records them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFormat } from '../format';
import { flywayBookkeeping } from './flywayBookkeeping';
import { defaultLocation, resolveLocation } from './flywayLocations';
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
    if (versioned === 0 && names.includes('src')) {
      // A Java project pointed at whole: its migrations are where Flyway looks by default.
      const classpath = resolveLocation(dir, defaultLocation);
      const inClasspath = classpath ? readdirSync(classpath).filter((n) => versionedName.test(n)).length : 0;
      if (inClasspath > 0)
        return `${inClasspath} V<version>__<description>.sql file${inClasspath === 1 ? '' : 's'} in Flyway's default location, ${defaultLocation}`;
    }
    return versioned === 0 ? null : `${versioned} file${versioned === 1 ? '' : 's'} named V<version>__<description>.sql: Flyway's versioned migrations`;
  },
  read: (dir) => readFlywayProject(dir),
  bookkeeping: flywayBookkeeping,
  // Flyway decides by itself: the reader marks the migrations it runs outside a transaction.
  outsideTransaction: null,
  refusesDuplicates: 'Flyway refuses to migrate while two migrations give one version ("Found more than one migration with version").',
  // validateOnMigrate (on by default): a versioned migration edited after it ran stops the migrate.
  refusesChanged: 'revert the file, or run `flyway repair` to record its new checksum (Flyway: "Validate failed: Migration checksum mismatch").',
};
