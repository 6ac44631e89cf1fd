// What promoting one environment to the next would apply on each of its connections, and the gates
// the matrix alone can decide: the previous environment succeeded, its checksums match the files,
// no anomaly on the path, no downgrade first. Pure: the promotion service adds the database's own
// gates (preflight, the dry run) and the people's (confirmation, approval).
import { appliedHeads } from '../graph/planner';
import type { RevisionGraph } from '../graph/revisionGraph';
import { countOf } from '../format/plural';
import type { Matrix, MatrixColumn } from '../model/matrix';
import type { PromotionGate } from '../model/promotion';
import { gapPlan, heldByAll, orderWithin } from './neighbourGaps';

export interface TargetPlan {
  column: MatrixColumn;
  toApply: string[];
  toRevert: string[];
  /** The heads of the previous environment this connection lacks: one upgrade to each, in order. */
  runTo: string[];
}

export interface PromotionPlan {
  targets: TargetPlan[];
  /** The union of the targets' plans, in plan order. */
  plan: string[];
  gates: PromotionGate[];
}

const appliedIn = (column: MatrixColumn, matrix: Matrix): Set<string> =>
  new Set(matrix.rows.filter((_, i) => ['applied', 'changed'].includes(column.cells[i]?.state ?? '')).map((r) => r.id));

const listed = (ids: readonly string[]) => ids.join(', ');

function columnsOf(matrix: Matrix, environment: string): MatrixColumn[] {
  const env = matrix.environments.find((e) => e.name.toLowerCase() === environment.toLowerCase());
  return (env?.columns ?? []).map((i) => matrix.columns[i] as MatrixColumn);
}

/** `checksumsKept`: the format records a checksum Switchyard can compare with the file's. */
export function promotionPlan(matrix: Matrix, graph: RevisionGraph, from: string, to: string, checksumsKept: boolean): PromotionPlan {
  const previous = columnsOf(matrix, from);
  const next = columnsOf(matrix, to);
  const unreadFrom = previous.filter((c) => c.error);
  const readable = unreadFrom.length === 0 && previous.length > 0;
  const wanted = readable ? heldByAll(previous.map((c) => appliedIn(c, matrix))) : new Set<string>();
  const heads = appliedHeads(graph, wanted);
  const targets: TargetPlan[] = next
    .filter((c) => !c.error)
    .map((column) => {
      const here = appliedIn(column, matrix);
      const plan = gapPlan(graph, wanted, here);
      return { column, toApply: plan.toApply, toRevert: plan.toRevert, runTo: heads.filter((h) => !here.has(h)) };
    });
  const planSet = new Set(targets.flatMap((t) => t.toApply));
  const plan = orderWithin(graph, planSet);
  // One upgrade per head, in the order the plan reaches them, so the runs apply the plan in its order.
  const step = new Map(plan.map((id, i) => [id, i]));
  for (const target of targets) target.runTo.sort((a, b) => (step.get(a) ?? 0) - (step.get(b) ?? 0));
  const rowIndex = new Map(matrix.rows.map((r, i) => [r.id, i]));
  const cellsOnPlan = (column: MatrixColumn, state: string) =>
    plan.flatMap((id) => {
      const cell = column.cells[rowIndex.get(id) as number];
      return cell?.state === state ? [{ id, cell }] : [];
    });

  const upstreamProblems = [
    ...(previous.length === 0 ? [`${from} has no connections`] : []),
    ...unreadFrom.map((c) => `${c.profileName} could not be read (${c.error?.message ?? 'unknown'})`),
    ...previous.flatMap((c) =>
      c.cells.flatMap((cell, i) =>
        cell.state === 'failed'
          ? [
              `${c.profileName}'s last run of ${matrix.rows[i]?.id ?? '?'} failed${cell.at ? ` (${cell.at}${cell.by ? `, ${cell.by}` : ''})` : ''}: ${cell.note ?? ''}`,
            ]
          : [],
      ),
    ),
  ];
  const changed = previous.flatMap((c) => cellsOnPlan(c, 'changed').map(({ id, cell }) => `${id} on ${c.profileName}: ${cell.note ?? 'changed'}`));
  const onPath = matrix.anomalies.filter((a) => a.revisions.some((id) => planSet.has(id)));
  const targetAnomalies = next.flatMap((c) => [
    ...(c.runRefusal ? [`${c.profileName}: ${c.runRefusal}`] : []),
    ...(c.unknownApplied.length > 0 ? [`${c.profileName} records revisions no file defines: ${listed(c.unknownApplied)}`] : []),
  ]);
  const anomalies = [...onPath.map((a) => `${a.message}${a.file ? ` (${a.file}${a.line ? `:${a.line}` : ''})` : ''}`), ...targetAnomalies];
  const downgrades = targets.filter((t) => t.toRevert.length > 0).map((t) => `${t.column.profileName} has ${listed(t.toRevert)}, which ${from} has not`);
  const gates: PromotionGate[] = [
    {
      name: 'upstream',
      status: upstreamProblems.length === 0 ? 'passed' : 'failed',
      detail:
        upstreamProblems.length === 0
          ? `${countOf(plan.length, 'revision')} of the plan applied on every connection of ${from}, and no run of ${from} failed since.`
          : upstreamProblems.join('; '),
    },
    {
      name: 'checksums',
      status: changed.length === 0 ? 'passed' : 'failed',
      detail:
        changed.length > 0
          ? changed.join('; ')
          : checksumsKept
            ? `The files of the plan are the ones ${from} recorded.`
            : `The ${matrix.project.format} format records no checksum of its files: nothing to compare (not checked).`,
    },
    {
      name: 'anomalies',
      status: anomalies.length === 0 ? 'passed' : 'failed',
      detail: anomalies.length === 0 ? 'No anomaly touches the plan or the target.' : anomalies.join('; '),
    },
    {
      name: 'noDowngrade',
      status: downgrades.length === 0 ? 'passed' : 'failed',
      detail:
        downgrades.length === 0
          ? `${to} has nothing ${from} lacks.`
          : `${downgrades.join('; ')}: a promotion never reverts; downgrade it first, or promote from where it is.`,
    },
  ];
  return { targets, plan, gates };
}
