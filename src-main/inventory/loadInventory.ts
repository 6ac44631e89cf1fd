// One inventory for one target: the catalog and the bookkeeping read over one connection, the
// project's static analysis parsed meanwhile, then joined.
import type { Inventory } from '../../src-shared/model/inventory';
import type { LoadedProject } from '../migrations/project';
import { analyseTables } from '../migrations/staticAnalysis';
import { connectionStatus } from '../runner/connectionStatus';
import { loadTargetProject, type MigrationTarget } from '../runner/migrationTarget';
import { withDriver } from '../runner/runnerService';
import { readRecorded } from '../runner/versionTables';
import { readCatalog } from './catalog';
import { classifyTables, type ProjectState } from './expectedVsActual';

export async function loadInventory(target: MigrationTarget): Promise<Inventory> {
  const project: LoadedProject | null = target.projectDir ? loadTargetProject(target) : null;
  const analysis = project ? analyseTables(project.files.files, project.files.format) : null;
  // Awaited below; marked handled now so a connection failure first does not leave it unhandled.
  analysis?.catch(() => undefined);
  const { catalog, recorded } = await withDriver(target, async (driver) => ({
    catalog: await readCatalog(driver),
    recorded: project ? await readRecorded(driver, project.files.format) : null,
  }));

  let state: ProjectState | null = null;
  let projectSummary: Inventory['project'] = null;
  if (project && recorded && analysis) {
    const status = connectionStatus(project, recorded);
    state = { graph: project.graph, changes: await analysis, applied: new Set(status.applied), pending: status.pending };
    projectSummary = { dir: project.files.project, format: project.files.format, applied: status.applied.length, pending: status.pending.length };
  }
  return {
    connection: target.name,
    engine: target.connection.engine,
    project: projectSummary,
    ...classifyTables(catalog.relations, target.connection.engine, state),
    sizesExact: catalog.sizesExact,
  };
}
