// goose (SQL migrations): `-- +goose Up` / `-- +goose Down` files, recorded in goose_db_version as goose
// records them, so goose and Switchyard can take turns on one database.
import { peekText } from '../../migrations/readers/versionChain';
import type { SqlFormat } from '../format';
import { gooseBookkeeping } from './gooseBookkeeping';
import { gooseFileName, readGooseProject } from './gooseReader';

const upAnnotation = /^--\s*\+goose Up\s*$/m;

export const gooseFormat: SqlFormat = {
  name: 'goose',
  runner: 'sql',
  detect(dir, names) {
    // The first migration-named .sql file decides: every goose SQL migration carries the Up annotation.
    const first = names
      .filter((n) => gooseFileName.test(n) && n.endsWith('.sql'))
      .sort()
      .at(0);
    if (!first) return null;
    const text = peekText(dir, first);
    return text !== null && upAnnotation.test(text) ? `${first} holds "-- +goose Up": goose's layout` : null;
  },
  read: (dir, names) => readGooseProject(dir, names),
  bookkeeping: gooseBookkeeping,
  outsideTransaction: '`-- +goose NO TRANSACTION` in the migration file',
  refusesDuplicates: 'goose refuses to run a folder where two files give one version ("duplicate version … detected").',
  // goose's CLI opens SQLite with modernc.org/sqlite and no pragma (cmd/goose/driver_sqlite3.go): foreign keys off unless the DSN asks.
  sqliteForeignKeys: false,
};
