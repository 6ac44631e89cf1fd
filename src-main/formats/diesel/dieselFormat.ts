// diesel: a folder per migration (`<timestamp>_name/up.sql`, `down.sql`, `metadata.toml`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFormat } from '../format';
import { dieselBookkeeping } from './dieselBookkeeping';
import { dieselFolderName, readDieselProject } from './dieselReader';

/** The first `<version>_name` folder of `dir` holding an up.sql, or undefined. */
function migrationFolder(dir: string, names: readonly string[]): string | undefined {
  // A name with a dot is a file (10,000 numbered .sql files must not cost 10,000 look-ups).
  return names.find((n) => !n.includes('.') && dieselFolderName.test(n) && existsSync(join(dir, n, 'up.sql')));
}

export const dieselFormat: SqlFormat = {
  name: 'diesel',
  runner: 'sql',
  detect(dir, names) {
    if (names.includes('diesel.toml')) return 'diesel.toml in the folder: a diesel crate';
    // A crate without diesel.toml is read from its migrations/ by the project reader (detectProject.ts).
    const own = migrationFolder(dir, names);
    return own === undefined ? null : `migration folders with up.sql (e.g. ${own}/up.sql): diesel's layout`;
  },
  read: (dir, names) => readDieselProject(dir, names),
  bookkeeping: dieselBookkeeping,
  outsideTransaction: '`run_in_transaction = false` in the migration folder’s metadata.toml',
};
