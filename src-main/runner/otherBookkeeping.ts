// Another tool's bookkeeping in the database: the reason a database migrated by that tool reads as
// "everything pending" against a project in another format, found so the status can say it.
import type { OtherBookkeeping } from '../../src-shared/model/status';
import type { Driver } from '../drivers/driver';
import { allFormats } from '../formats/formatRegistry';
import type { LoadedProject } from '../migrations/project';

export async function otherBookkeeping(driver: Driver, project: LoadedProject): Promise<OtherBookkeeping[]> {
  const found: OtherBookkeeping[] = [];
  for (const format of allFormats()) {
    if (format.name === project.format.name || !(await format.bookkeeping.present(driver))) continue;
    const { records } = await format.bookkeeping.read(driver, project.files);
    found.push({ format: format.name, tables: [...format.bookkeeping.tables], records: records.length });
  }
  return found;
}
