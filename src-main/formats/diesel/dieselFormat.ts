// diesel: a folder per migration (`<timestamp>_name/up.sql`, `down.sql`, `metadata.toml`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFormat } from '../format';
import { dieselBookkeeping } from './dieselBookkeeping';
import { dieselFolderName, readDieselProject } from './dieselReader';

/** The first `<version>_name` folder of `dir` holding an up.sql, or undefined. */
function migrationFolder(dir: string, names: readonly string[]): string | undefined {
  return names.find((n) => dieselFolderName.test(n) && existsSync(join(dir, n, 'up.sql')));
}

export const dieselFormat: SqlFormat = {
  name: 'diesel',
  runner: 'sql',
  detect(dir, names) {
    if (names.includes('diesel.toml')) return 'diesel.toml in the folder: a diesel crate';
    const own = migrationFolder(dir, names);
    if (own !== undefined) return `migration folders with up.sql (e.g. ${own}/up.sql): diesel's layout`;
    const migrations = join(dir, 'migrations');
    const nested = names.includes('migrations') && statSync(migrations).isDirectory() ? migrationFolder(migrations, readdirSync(migrations)) : undefined;
    return nested === undefined ? null : `migrations/ holds folders with up.sql: a diesel crate`;
  },
  read: (dir, names) => readDieselProject(dir, names),
  bookkeeping: dieselBookkeeping,
  outsideTransaction: '`run_in_transaction = false` in the migration folder’s metadata.toml',
};
