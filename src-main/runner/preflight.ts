// Checks before the first statement: may we write, may we create, and will an upgrade trip over a
// table that already exists (the seeds' DuplicateTable, caught before anything runs).
import { SwitchyardError } from '../../src-shared/errors';
import type { PreflightFinding, RunRequest } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { LoadedProject } from '../migrations/project';
import { analyseTables, type TableChanges } from '../migrations/staticAnalysis';
import { conflictingTables } from '../inventory/conflicts';
import type { PreparedStep } from './preparedStep';
import type { MigrationTarget } from '../targets/migrationTarget';
import { stamping } from './runPlan';

/**
 * Table names as the static analysis spells them (`public.x` is `x`, other schemas keep a prefix),
 * from one cheap query: the inventory's catalog would also count rows and measure sizes.
 */
export function existingTableNames(driver: Driver): Promise<Set<string>> {
  return engineFor(driver.engine).catalog.existingTableNames(driver);
}

/** The plan's upgrade steps replayed over what exists: each create of something present is a finding. */
export function tableConflicts(
  graph: RevisionGraph,
  steps: readonly PreparedStep[],
  changes: ReadonlyMap<string, TableChanges>,
  existing: ReadonlySet<string>,
): PreflightFinding[] {
  const upward = steps.filter((s) => s.direction === 'up').map((s) => s.revision);
  return conflictingTables(graph, changes, upward, existing).map((c) => ({
    severity: 'error',
    table: c.table,
    revision: c.revision.revision,
    message: c.message,
  }));
}

export async function permissionFindings(driver: Driver, target: MigrationTarget): Promise<PreflightFinding[]> {
  const findings: PreflightFinding[] = [];
  if (target.connection.readOnly) {
    findings.push({ severity: 'error', message: `${target.name} is a read-only connection: Switchyard will not change it.` });
  }
  findings.push(...(await engineFor(driver.engine).permissionFindings(driver)));
  return findings;
}

/** Preflight errors stop the run before its first statement. */
export function refuseOn(findings: readonly PreflightFinding[]): void {
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0) throw new SwitchyardError('E_PREFLIGHT', `Nothing was run. ${blocking.map((f) => f.message).join(' ')}`, { findings: blocking });
}

/** Tables the plan's upgrade steps would create while they exist (stamps run nothing). */
export async function tableConflictFindings(
  driver: Driver,
  project: LoadedProject,
  steps: readonly PreparedStep[],
  request: RunRequest,
): Promise<PreflightFinding[]> {
  if (stamping(request) || !steps.some((s) => s.direction === 'up')) return [];
  const planned = new Set(steps.map((s) => s.revision));
  const changes = await analyseTables(
    project.files.files.filter((f) => planned.has(f.revision.id)),
    project.files.format,
  );
  return tableConflicts(project.graph, steps, changes, await existingTableNames(driver));
}

/** What every run checks before it takes the lock: an explicit yes for production, and permissions. */
export async function checkBeforeRun(driver: Driver, target: MigrationTarget, confirmProduction: boolean | undefined): Promise<void> {
  if (target.environment === 'prod' && !confirmProduction) {
    throw new SwitchyardError(
      'E_CONFIRMATION_REQUIRED',
      `${target.name} is a production connection: confirm explicitly to run (in the CLI: --yes-production).`,
    );
  }
  refuseOn(await permissionFindings(driver, target));
}
