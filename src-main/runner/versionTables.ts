// What a target database records as applied, read from the bookkeeping of the project's format
// (switchyard_migrations, alembic_version, or the tool's own table).
import type { Driver } from '../drivers/driver';
import type { RecordedState } from '../formats/format';
import type { LoadedProject } from '../migrations/project';

export type { RecordedState } from '../formats/format';
export { alembicTable } from '../formats/alembic/alembicBookkeeping';

/** What the database says is applied, in the order it was applied. */
export function readRecorded(driver: Driver, project: Pick<LoadedProject, 'files' | 'format'>): Promise<RecordedState> {
  return project.format.bookkeeping.read(driver, project.files);
}
