// The wizard's Verify step: the version bookkeeping at the target, and the tables equal to what the
// applied migrations create — none missing, none unexpected.
import type { ResetVerification } from '../../src-shared/model/reset';
import { loadInventory } from '../inventory/loadInventory';
import { appliedWithAncestors, planUpgrade } from '../migrations/planner';
import { loadTargetProject, type MigrationTarget } from '../runner/migrationTarget';
import { targetStatus } from '../runner/runnerService';

/** `to` absent and `expectEmpty`: nothing may be recorded (a recreate or wipe without a migrate step). */
export async function verifyReset(target: MigrationTarget, to: string | undefined, expectEmpty: boolean): Promise<ResetVerification & { problems: string[] }> {
  const problems: string[] = [];
  let heads: string[] = [];
  const [status, inventory] = await Promise.all([target.projectDir ? targetStatus(target) : undefined, loadInventory(target)]);
  if (status) {
    heads = status.heads;
    if (to) {
      const project = loadTargetProject(target);
      const left = planUpgrade(project.graph, to, appliedWithAncestors(project.graph, status.applied)).steps;
      if (left.length > 0) problems.push(`${left.length} revision(s) short of ${to}: ${left.map((s) => s.revision).join(', ')}`);
    } else if (expectEmpty && status.applied.length > 0) {
      problems.push(`${status.applied.length} revision(s) recorded, none expected`);
    }
  }
  const named = (status: string) => inventory.tables.filter((t) => t.status === status).map((t) => `${t.schema}.${t.name}`);
  const missingTables = named('missing');
  const unexpectedTables = named('unexpected');
  if (missingTables.length) problems.push(`missing: ${missingTables.join(', ')}`);
  if (unexpectedTables.length) problems.push(`unexpected: ${unexpectedTables.join(', ')}`);
  return { ok: problems.length === 0, heads, missingTables, unexpectedTables, problems };
}
