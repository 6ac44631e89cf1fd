// One inventory for one target: the catalog and the bookkeeping read over one connection, the
// project's static analysis parsed meanwhile, then joined.
import type { Inventory } from '../../src-shared/model/inventory';
import { SwitchyardError } from '../../src-shared/errors';
import type { LoadedProject } from '../migrations/project';
import { analyseTables } from '../migrations/staticAnalysis';
import { migrationStatus } from '../runner/migrationStatus';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import { withDriver } from '../targets/withDriver';
import { readRecorded } from '../runner/versionTables';
import { readCatalog } from './catalog';
import { classifyTables, type ProjectState } from './expectedVsActual';

/** A project that cannot be read must not hide the database: the catalog is worth showing alone. */
function projectOrError(target: MigrationTarget): { project: LoadedProject | null; projectError: string | null } {
  if (!target.projectDir) return { project: null, projectError: null };
  try {
    return { project: loadTargetProject(target), projectError: null };
  } catch (error) {
    if (error instanceof SwitchyardError && (error.code === 'E_PROJECT_NOT_FOUND' || error.code === 'E_INVALID_PROJECT'))
      return { project: null, projectError: error.message };
    throw error;
  }
}

export async function loadInventory(target: MigrationTarget): Promise<Inventory> {
  const { project, projectError } = projectOrError(target);
  const analysis = project ? analyseTables(project.files.files, project.files.format) : null;
  // Awaited below; marked handled now so a connection failure first does not leave it unhandled.
  analysis?.catch(() => undefined);
  const { catalog, recorded } = await withDriver(target, async (driver) => ({
    catalog: await readCatalog(driver),
    recorded: project ? await readRecorded(driver, project) : null,
  }));

  let state: ProjectState | null = null;
  let projectSummary: Inventory['project'] = null;
  if (project && recorded && analysis) {
    const status = migrationStatus(project, recorded);
    state = { graph: project.graph, changes: await analysis, applied: new Set(status.applied), pending: status.pending };
    projectSummary = { dir: project.files.project, format: project.files.format, applied: status.applied.length, pending: status.pending.length };
  }
  return {
    connection: target.name,
    engine: target.connection.engine,
    project: projectSummary,
    projectError,
    ...classifyTables(catalog.relations, target.connection.engine, state),
    sizesExact: catalog.sizesExact,
  };
}
