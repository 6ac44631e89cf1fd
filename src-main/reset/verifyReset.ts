// The wizard's Verify step: the version bookkeeping at the target, the tables equal to what the
// applied migrations create — none missing, none unexpected — and, when a migration target was
// reached, the full schema (columns, indexes, constraints…) equal to what its migrations make.
import type { DriftReport } from '../../src-shared/model/drift';
import type { ResetVerification } from '../../src-shared/model/reset';
import { driftedObjectText, driftNoteLines, driftUnreadLines } from '../../src-shared/schema/driftText';
import { countOf } from '../../src-shared/format/plural';
import { loadInventory } from '../inventory/loadInventory';
import { appliedWithAncestors, planUpgrade } from '../../src-shared/graph/planner';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import { targetStatus } from '../runner/targetStatus';

/**
 * What the database must hold: nothing recorded (recreate or wipe without migrating), a migration
 * target reached, or a snapshot's own state — its heads, and its tables as they were, whatever they were.
 */
export type Expectation = { kind: 'empty' } | { kind: 'target'; to: string } | { kind: 'snapshot'; heads: readonly string[] };

const sameHeads = (a: readonly string[], b: readonly string[]) => [...a].sort().join(' ') === [...b].sort().join(' ');

/** The database's drift against its migrations (another application's objects set apart), read now. */
export type SchemaDriftCheck = () => Promise<Pick<DriftReport, 'objects' | 'unread' | 'notes'>>;

export async function verifyReset(
  target: MigrationTarget,
  expectation: Expectation,
  schemaDrift?: SchemaDriftCheck,
): Promise<ResetVerification & { problems: string[] }> {
  const problems: string[] = [];
  const [status, inventory] = await Promise.all([target.projectDir ? targetStatus(target) : undefined, loadInventory(target)]);
  const heads = status?.heads ?? [];
  if (status && expectation.kind === 'target') {
    const project = loadTargetProject(target);
    const left = planUpgrade(project.graph, expectation.to, appliedWithAncestors(project.graph, status.applied)).steps;
    if (left.length > 0) problems.push(`${countOf(left.length, 'revision')} short of ${expectation.to}: ${left.map((s) => s.revision).join(', ')}`);
  } else if (status && expectation.kind === 'empty' && status.applied.length > 0) {
    problems.push(`${countOf(status.applied.length, 'revision')} recorded, none expected`);
  } else if (status && expectation.kind === 'snapshot' && !sameHeads(heads, expectation.heads)) {
    problems.push(`at ${heads.join(', ') || 'base'}, the snapshot was at ${expectation.heads.join(', ') || 'base'}`);
  }
  const named = (status: string) => inventory.tables.filter((t) => t.status === status).map((t) => `${t.schema}.${t.name}`);
  const missingTables = named('missing');
  const unexpectedTables = named('unexpected');
  // A restored snapshot holds what it held: its extra tables are reported, not held against the restore.
  if (expectation.kind !== 'snapshot') {
    if (missingTables.length) problems.push(`missing: ${missingTables.join(', ')}`);
    if (unexpectedTables.length) problems.push(`unexpected: ${unexpectedTables.join(', ')}`);
  }
  // Only a migration target says what the whole schema must be; a restored snapshot is what it was.
  const report = expectation.kind === 'target' && status && schemaDrift ? await schemaDrift() : undefined;
  const drift = report?.objects;
  if (drift && drift.length > 0) problems.push(`the schema differs from what the migrations make: ${drift.map(driftedObjectText).join('; ')}`);
  // What the comparison could not read, and how its reads went: a pass never speaks for them.
  const schemaNotes = report ? [...driftUnreadLines(report).map((line) => `not read, not compared: ${line}`), ...driftNoteLines(report)] : [];
  return {
    ok: problems.length === 0,
    heads,
    missingTables,
    unexpectedTables,
    problems,
    ...(drift ? { drift } : {}),
    ...(schemaNotes.length > 0 ? { schemaNotes } : {}),
  };
}
