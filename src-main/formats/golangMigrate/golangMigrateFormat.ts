// golang-migrate: `<version>_name.up.sql` / `.down.sql` pairs, recorded as migrate records them (one row,
// with its dirty flag honoured), so `migrate` and Switchyard can take turns on one database.
import type { SqlFormat } from '../format';
import { golangMigrateBookkeeping } from './golangMigrateBookkeeping';
import { golangMigrateFileName, readGolangMigrateProject } from './golangMigrateReader';

export const golangMigrateFormat: SqlFormat = {
  name: 'golang-migrate',
  runner: 'sql',
  detect(_dir, names) {
    const paired = names.filter((n) => golangMigrateFileName.test(n));
    return paired.length === 0
      ? null
      : `${paired.length} file${paired.length === 1 ? '' : 's'} named <version>_name.up.sql / .down.sql: golang-migrate's layout`;
  },
  read: (dir, names) => readGolangMigrateProject(dir, names),
  bookkeeping: golangMigrateBookkeeping,
  outsideTransaction:
    'a migration file holding that statement alone (migrate sends a file as one query, and PostgreSQL runs a query of several statements in one transaction)',
  refusesDuplicates: 'golang-migrate refuses to run a folder where two files give one version ("duplicate migration file").',
  // migrate opens SQLite with mattn/go-sqlite3 and no pragma (database/sqlite3/sqlite3.go, Open): foreign keys off unless the URL asks.
  sqliteForeignKeys: false,
};
