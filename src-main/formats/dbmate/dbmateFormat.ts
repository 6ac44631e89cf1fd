// dbmate: `<version>_name.sql` files with `-- migrate:up` / `-- migrate:down` blocks, recorded in
// schema_migrations as dbmate records them, so dbmate and Switchyard can take turns on one database.
import { peekText } from '../../migrations/readers/versionChain';
import type { SqlFormat } from '../format';
import { dbmateBookkeeping } from './dbmateBookkeeping';
import { dbmateFileName, readDbmateProject } from './dbmateReader';

const upDirective = /^--\s*migrate:up/m;
// Switchyard's native files use the same blocks under a `-- revision:` header.
const nativeHeader = /^--\s*revision\s*:/m;

export const dbmateFormat: SqlFormat = {
  name: 'dbmate',
  runner: 'sql',
  detect(dir, names) {
    // The first migration-named file decides: a dbmate folder's files all carry the up directive.
    const first = names
      .filter((n) => dbmateFileName.test(n))
      .sort()
      .at(0);
    if (!first) return null;
    const text = peekText(dir, first);
    return text !== null && upDirective.test(text) && !nativeHeader.test(text)
      ? `${first} opens with "-- migrate:up" and no "-- revision:" header: dbmate's layout`
      : null;
  },
  read: (dir, names) => readDbmateProject(dir, names),
  bookkeeping: dbmateBookkeeping,
  outsideTransaction: '`transaction:false` on the block’s directive line (`-- migrate:up transaction:false`)',
  // dbmate opens SQLite with mattn/go-sqlite3 and no pragma (pkg/driver/sqlite/sqlite.go, Open): foreign keys off unless the URL asks.
  sqliteForeignKeys: false,
};
