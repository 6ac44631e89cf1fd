// What promoting one environment to the next would apply on each of its connections, and the gates
// the matrix alone can decide: the previous environment succeeded, its checksums match the files,
// no anomaly on the path, no downgrade first. Pure: the promotion service adds the database's own
// gates (preflight, the dry run) and the people's (confirmation, approval).
import { appliedHeads } from '../graph/planner';
import type { RevisionGraph } from '../graph/revisionGraph';
import { countOf } from '../format/plural';
import { ownsRow, type Matrix, type MatrixColumn } from '../model/matrix';
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

/** What the column has applied of its own revisions (with bindings, another database's recorded here is not its to promote). */
const appliedIn = (column: MatrixColumn, matrix: Matrix): Set<string> =>
  new Set(matrix.rows.filter((row, i) => ['applied', 'changed'].includes(column.cells[i]?.state ?? '') && ownsRow(matrix, row, column)).map((r) => r.id));

const listed = (ids: readonly string[]) => ids.join(', ');

function columnsOf(matrix: Matrix, environment: string): MatrixColumn[] {
  const env = matrix.environments.find((e) => e.name.toLowerCase() === environment.toLowerCase());
  return (env?.columns ?? []).map((i) => matrix.columns[i] as MatrixColumn);
}

/** The bindings' order of a role (a role no binding names goes last). */
function roleRank(matrix: Matrix, role: string): number {
  const at = matrix.bindings?.databases.findIndex((d) => d.role === role) ?? 0;
  return at === -1 ? Number.MAX_SAFE_INTEGER : at;
}

/**
 * `checksumsKept`: the format records a checksum Switchyard can compare with the file's. With
 * bindings each connection of `to` gets what every connection of `from` playing its role has of its
 * own database's revisions, and the targets come in the bindings' order (the order they are run).
 */
export function promotionPlan(matrix: Matrix, graph: RevisionGraph, from: string, to: string, checksumsKept: boolean): PromotionPlan {
  const previous = columnsOf(matrix, from);
  const next = columnsOf(matrix, to);
  const unreadFrom = previous.filter((c) => c.error);
  const readable = unreadFrom.length === 0 && previous.length > 0;
  const bound = matrix.bindings !== undefined;
  const peersOf = (column: MatrixColumn) => (bound ? previous.filter((c) => c.role === column.role) : previous);
  const wantedBy = new Map<string, ReadonlySet<string>>();
  const wantedFor = (column: MatrixColumn): ReadonlySet<string> => {
    const key = bound ? column.role : '';
    let wanted = wantedBy.get(key);
    if (!wanted) {
      const peers = peersOf(column);
      wanted = readable && peers.length > 0 ? heldByAll(peers.map((c) => appliedIn(c, matrix))) : new Set<string>();
      wantedBy.set(key, wanted);
    }
    return wanted;
  };
  const targets: TargetPlan[] = next
    .filter((c) => !c.error)
    .map((column) => {
      const wanted = wantedFor(column);
      const here = appliedIn(column, matrix);
      const plan = gapPlan(graph, wanted, here);
      return { column, toApply: plan.toApply, toRevert: plan.toRevert, runTo: appliedHeads(graph, wanted).filter((h) => !here.has(h)) };
    });
  if (bound) targets.sort((a, b) => roleRank(matrix, a.column.role) - roleRank(matrix, b.column.role));
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

  const unplayed = bound ? [...new Set(next.filter((c) => peersOf(c).length === 0).map((c) => c.role))] : [];
  const upstreamProblems = [
    ...(previous.length === 0 ? [`${from} has no connections`] : []),
    ...(previous.length === 0 ? [] : unplayed.map((role) => `no connection of ${from} plays the role ${role}, so nothing says what its database should have`)),
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
    ...((c.foreign?.length ?? 0) > 0 ? [`${c.profileName} (the ${c.role} database) records ${listed(c.foreign ?? [])}, which live on another database`] : []),
  ]);
  // With bindings: a revision on no single database (as a coordinated run refuses it), or a connection of `to` whose role no binding names.
  const bindingProblems = [
    ...(matrix.bindings?.anomalies ?? []).filter((a) => a.kind !== 'unknownLabel').map((a) => a.message),
    ...(bound
      ? next
          .filter((c) => !matrix.bindings?.databases.some((d) => d.role === c.role))
          .map((c) => `${c.profileName} plays the role ${c.role}, which no binding of the project names: no revision is its to run`)
      : []),
  ];
  const anomalies = [...onPath.map((a) => `${a.message}${a.file ? ` (${a.file}${a.line ? `:${a.line}` : ''})` : ''}`), ...bindingProblems, ...targetAnomalies];
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
