// alembic_version: the heads Alembic has applied (one row per applied head), written by Alembic itself.
import { tableExists } from '../bookkeepingCatalog';
import type { BookkeepingReader } from '../format';

export const alembicTable = 'alembic_version';

export const alembicBookkeeping: BookkeepingReader = {
  tables: [alembicTable],
  present: (driver) => tableExists(driver, alembicTable),
  async read(driver) {
    if (!(await tableExists(driver, alembicTable))) return { initialised: false, records: [] };
    const rows = await driver.query<{ version_num: string }>(`SELECT version_num FROM ${alembicTable} ORDER BY version_num`);
    return { initialised: true, records: rows.map((r) => ({ revision: r.version_num, checksum: null, appliedAt: null, appliedBy: null, durationMs: null })) };
  },
};
