// Switchyard's own format: `.sql` files with `-- revision:` headers (branches, merges, labels), or
// header-less numbered `.sql` files read as a chain. The tools' layouts are their own formats'.
import { readNativeProject } from '../../migrations/readers/nativeReader';
import type { SqlFormat } from '../format';
import { nativeBookkeeping } from './nativeBookkeeping';

export const nativeFormat: SqlFormat = {
  name: 'native',
  runner: 'sql',
  detect(_dir, names) {
    const sql = names.filter((n) => n.toLowerCase().endsWith('.sql')).length;
    return sql === 0 ? null : `${sql} .sql file${sql === 1 ? '' : 's'} in the folder, none of another tool's layout: Switchyard's native format`;
  },
  read: (dir, names) => readNativeProject(dir, names),
  bookkeeping: nativeBookkeeping,
  outsideTransaction: '`-- migrate:up transaction:false` on the revision’s up section',
};
