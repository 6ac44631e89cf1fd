// Where a database stands against its project, computed from the recorded rows: pure.
import { SwitchyardError } from '../../src-shared/errors';
import type { MigrationStatus } from '../../src-shared/model/status';
import { withAncestors } from '../../src-shared/graph/revisionGraph';
import { appliedHeads, appliedWithAncestors, planUpgrade, upgradeOrder } from '../../src-shared/graph/planner';
import type { LoadedProject } from '../migrations/project';
import type { RecordedState } from './versionTables';

/** Pending revisions the planner refuses to reach would otherwise stay "pending" forever without a word. */
function blockedBy(project: LoadedProject, applied: ReadonlySet<string>, pending: readonly string[]): string | null {
  const { graph } = project;
  // Only a cycle or a missing parent can block `heads`; a sound project skips the planning.
  if (pending.length === 0 || (graph.missing.length === 0 && graph.topological.length === graph.revisions.length)) return null;
  try {
    planUpgrade(graph, 'heads', applied);
    return null;
  } catch (error) {
    if (error instanceof SwitchyardError) return error.message;
    throw error;
  }
}

export function migrationStatus(project: LoadedProject, recorded: RecordedState): MigrationStatus {
  const { graph } = project;
  const ids = recorded.records.map((r) => r.revision);
  const applied = appliedWithAncestors(graph, ids);
  const unknown = ids.filter((id) => !graph.byId.has(id));
  const files = new Map(project.files.files.map((f) => [f.revision.id, f]));
  const { format } = project;
  // Compared only where the format's tool keeps a checksum, computed its way (Flyway's CRC32, Prisma's sha256…).
  const changed =
    format.runner === 'sql'
      ? recorded.records
          .filter((record) => {
            const file = files.get(record.revision);
            const checksum = file ? format.bookkeeping.checksum(file) : null;
            return checksum !== null && record.checksum !== null && checksum !== record.checksum;
          })
          .map((record) => record.revision)
      : [];
  const pendingSet = new Set(graph.revisions.map((r) => r.id).filter((id) => !applied.has(id)));
  const pending = upgradeOrder(graph, pendingSet);
  const pendingByBranch = graph.heads
    .map((head) => {
      const needed = withAncestors(graph, [head]);
      return { head, revisions: pending.filter((id) => needed.has(id)) };
    })
    .filter((branch) => branch.revisions.length > 0);
  return {
    format: project.files.format,
    project: project.files.project,
    applied: upgradeOrder(graph, applied),
    heads: appliedHeads(graph, applied),
    pending,
    pendingByBranch,
    unknown,
    changed,
    projectHeads: graph.heads,
    records: recorded.records,
    initialised: recorded.initialised,
    blockedBy: blockedBy(project, applied, pending),
  };
}
