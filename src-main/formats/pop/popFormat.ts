// ory/pop's SQL migrations (fizz-less): per-dialect files, `.autocommit` files run outside a transaction.
import type { SqlFormat } from '../format';
import { parsePopFileName, popKnownDialects } from './popFileName';
import { popBookkeeping } from './popBookkeeping';
import { readPopProject } from './popReader';

export const popFormat: SqlFormat = {
  name: 'pop',
  runner: 'sql',
  detect(_dir, names) {
    // Only what golang-migrate's plain `<version>_x.up.sql` cannot be: a dialect, `.autocommit` or fizz.
    const marked = names.filter((n) => {
      const parsed = parsePopFileName(n);
      return parsed !== null && ((parsed.dialect !== null && popKnownDialects.has(parsed.dialect)) || parsed.autocommit || parsed.kind === 'fizz');
    });
    if (marked.length === 0) return null;
    return `${marked.length} ory/pop file name${marked.length === 1 ? '' : 's'} with a dialect, .autocommit or .fizz (e.g. ${marked[0]}): pop's layout`;
  },
  read: (dir, _names, { engine }) => readPopProject(dir, engine),
  bookkeeping: popBookkeeping,
  outsideTransaction: '`.autocommit` in the file name (`<version>_<name>.autocommit.up.sql`)',
  // popx turns foreign keys off on SQLite for its whole run (ory/x popx/migrator.go, MigrationBox.exec: PRAGMA foreign_keys=OFF).
  sqliteForeignKeys: false,
};
