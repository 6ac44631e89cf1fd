// What a run will destroy, in tables and the rows they hold now: a downgrade (or any plan that drops,
// truncates or deletes) says so before it runs, so nobody loses data without having been told.
import type { DestroyedTable, RunRequest } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { countRowsExactly } from '../inventory/rowCounts';
import type { LoadedProject } from '../migrations/project';
import { loadParser } from '../migrations/staticAnalysis';
import type { OperationContext } from '../operations/operations';
import { destructiveStatements, mayDestroy, type DestructiveStep } from './destructiveStatements';
import { planRun, stamping } from './runPlan';

/** A preview is one answer, not an operation: counts report nowhere and cannot be cancelled. */
const quiet: OperationContext = {
  opId: 'runner.preview',
  signal: new AbortController().signal,
  progress: () => undefined,
  log: () => undefined,
  checkpoint: () => undefined,
};

/** Each table is counted under this limit; past it the dialog says the count timed out. */
const countTimeoutMs = 5_000;

export async function destructionOf(driver: Driver, project: LoadedProject, request: RunRequest): Promise<DestroyedTable[]> {
  // A stamp only writes bookkeeping: it runs none of the SQL below.
  if (stamping(request)) return [];
  const { steps } = await planRun(driver, project, request);
  const files = new Map(project.files.files.map((f) => [f.revision.id, f]));
  const planned: DestructiveStep[] = steps.flatMap((s) => {
    const file = files.get(s.revision);
    return file ? [{ direction: s.direction, file }] : [];
  });
  const { runner } = project.format;
  if (!mayDestroy(planned, runner)) return [];
  const found = destructiveStatements(await loadParser(), planned, runner);
  // A table that does not exist now holds nothing to lose (created later in the same run, or gone).
  const { catalog } = engineFor(driver.engine);
  const existing = await catalog.existingTableNames(driver);
  const present = found.filter((d) => existing.has(d.table));
  const counts = await countRowsExactly(
    driver,
    present.map((d) => catalog.address(d.table)),
    quiet,
    countTimeoutMs,
  );
  return present.map((d, i) => {
    const count = counts[i];
    return count?.error ? { ...d, rows: null, error: count.error } : { ...d, rows: count?.rows ?? null };
  });
}
