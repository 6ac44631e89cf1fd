// The matrix from what each connection recorded: pure, so the main process, the CLI and the
// benchmark build it the same way. Nothing is invented: a when, who or how long nobody recorded
// stays absent, and a connection that could not be read is a column of unknown cells with its error.
import { layoutLanes } from '../graph/laneLayout';
import { upgradeOrder } from '../graph/planner';
import { withAncestors, type RevisionGraph } from '../graph/revisionGraph';
import { cellStates, type CellState, type Matrix, type MatrixCell, type MatrixColumn, type MatrixRow, type NeighbourGap } from '../model/matrix';
import type { Anomaly } from '../model/revision';
import type { AppliedRecord } from '../model/status';
import { appliedClosure } from './appliedClosure';
import type { AuditedRuns } from './auditedRuns';
import { environmentGapPlan } from './neighbourGaps';

export type ColumnRead =
  | { ok: true; records: readonly AppliedRecord[]; runRefusal: string | null; missingTables?: string[] }
  | { ok: false; error: { code: string; message: string } };

export interface ColumnInput {
  environment: string;
  profileId: string;
  profileName: string;
  role: string;
  production: boolean;
  read: ColumnRead;
  runs: AuditedRuns;
}

export interface MatrixInput {
  project: Matrix['project'];
  graph: RevisionGraph;
  /** Each revision's file checksum computed the format's way; null (or absent) where the format keeps none. */
  fileChecksums: ReadonlyMap<string, string | null>;
  anomalies: Anomaly[];
  /** In promotion order. */
  environments: ReadonlyArray<{ name: string; columns: readonly ColumnInput[] }>;
  readAt: string;
}

/** A column as built, with what the gaps need and the Matrix does not carry. */
interface BuiltColumn {
  column: MatrixColumn;
  applied: Set<string> | null;
  checksums: Map<string, string>;
}

function rowsOf(graph: RevisionGraph): { rows: MatrixRow[]; laneCount: number; lines: Matrix['lines'] } {
  const nodes = graph.revisions.map((r) => ({
    id: r.id,
    parents: r.parents.filter((p) => graph.byId.has(p)),
    dependsOn: r.dependsOn.filter((d) => graph.byId.has(d)),
  }));
  const parentsOf = new Map(nodes.map((n) => [n.id, n.parents]));
  const layout = layoutLanes(nodes, { through: false });
  const rows = layout.rows.map((row) => {
    const revision = graph.byId.get(row.id);
    return {
      id: row.id,
      message: revision?.message ?? '',
      parents: parentsOf.get(row.id) ?? [],
      lane: row.lane,
      branchLabels: revision?.branchLabels ?? [],
      merge: (revision?.parents.length ?? 0) > 1,
      file: revision?.file ?? '',
    };
  });
  // Only the lines that run past rows: a line between neighbouring rows is drawn by the rows themselves.
  const lines = layout.edges.filter((e) => e.parentRow - e.childRow > 1).map((e) => ({ from: e.childRow, to: e.parentRow, lane: e.lane }));
  return { rows, laneCount: layout.laneCount, lines };
}

// Cells with nothing but their state are shared: 200,000 of them are the matrix of a large project.
const pendingCell: MatrixCell = Object.freeze({ state: 'pending' });
const unknownCell: MatrixCell = Object.freeze({ state: 'unknown' });

const short = (checksum: string) => (checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum);

function appliedCell(id: string, record: AppliedRecord | undefined, runs: AuditedRuns, fileChecksum: string | null): MatrixCell {
  const audited = runs.applied.get(id);
  const cell: MatrixCell = { state: 'applied' };
  const at = record?.appliedAt ?? null;
  const by = record?.appliedBy ?? null;
  const ms = record?.durationMs ?? null;
  if (at !== null || by !== null || ms !== null) cell.source = 'bookkeeping';
  else if (audited) cell.source = 'audit';
  const when = at ?? audited?.at;
  const who = by ?? audited?.by;
  const long = ms ?? audited?.ms;
  if (when !== undefined) cell.at = when;
  if (who !== undefined) cell.by = who;
  if (long !== undefined) cell.ms = long;
  if (record?.checksum && fileChecksum && record.checksum !== fileChecksum) {
    cell.state = 'changed';
    cell.note = `the file changed since it was applied (recorded checksum ${short(record.checksum)}, the file's ${short(fileChecksum)})`;
  }
  return cell;
}

/** Each project head with everything below it, and the order a full upgrade runs: computed once for every column. */
interface Shared {
  lineage: ReadonlyArray<{ head: string; below: ReadonlySet<string> }>;
  /** upgradeOrder of every revision, made when a column first has something pending. */
  fullOrder: () => readonly string[];
}

/**
 * What is not applied is closed upwards (a descendant of a pending revision is pending), so the walk
 * restricted to it meets its revisions in the order the whole walk does: the full order, filtered,
 * is upgradeOrder(pending) without a walk per column.
 */
function pendingByBranch(graph: RevisionGraph, shared: Shared, applied: ReadonlySet<string>): MatrixColumn['pendingByBranch'] {
  if (applied.size === graph.revisions.length) return [];
  const pending = shared.fullOrder().filter((id) => !applied.has(id));
  return shared.lineage.map(({ head, below }) => ({ head, revisions: pending.filter((id) => below.has(id)) })).filter((b) => b.revisions.length > 0);
}

function buildColumn(
  input: ColumnInput,
  graph: RevisionGraph,
  rows: readonly MatrixRow[],
  fileChecksums: MatrixInput['fileChecksums'],
  shared: Shared,
): BuiltColumn {
  const counts = Object.fromEntries(cellStates.map((s) => [s, 0])) as Record<CellState, number>;
  const base = { environment: input.environment, profileId: input.profileId, profileName: input.profileName, role: input.role, production: input.production };
  const { read } = input;
  if (!read.ok) {
    counts.unknown = rows.length;
    const cells = rows.map(() => unknownCell);
    return {
      column: { ...base, error: read.error, heads: [], unknownApplied: [], pendingByBranch: [], runRefusal: null, cells, counts },
      applied: null,
      checksums: new Map(),
    };
  }
  const byRevision = new Map(read.records.map((r) => [r.revision, r]));
  const { applied, heads } = appliedClosure(graph, new Set(byRevision.keys()));
  const checksums = new Map<string, string>();
  const cells = rows.map((row): MatrixCell => {
    const { id } = row;
    if (applied.has(id)) {
      const record = byRevision.get(id);
      if (record?.checksum) checksums.set(id, record.checksum);
      return appliedCell(id, record, input.runs, fileChecksums.get(id) ?? null);
    }
    const failure = input.runs.failed.get(id);
    if (failure) return { state: 'failed', at: failure.at, by: failure.by, source: 'audit', note: failure.message };
    return pendingCell;
  });
  const column: MatrixColumn = {
    ...base,
    error: null,
    heads,
    unknownApplied: read.records.map((r) => r.revision).filter((id) => !graph.byId.has(id)),
    pendingByBranch: pendingByBranch(graph, shared, applied),
    runRefusal: read.runRefusal,
    cells,
    counts,
    ...(read.missingTables ? { missingTables: read.missingTables } : {}),
  };
  return { column, applied, checksums };
}

/**
 * Where the format keeps a checksum but the file's cannot be compared (none computed), two
 * environments that recorded different checksums for one revision ran different files: each is changed.
 */
function markDisagreements(built: readonly BuiltColumn[], rows: readonly MatrixRow[], fileChecksums: MatrixInput['fileChecksums']): void {
  rows.forEach((row, index) => {
    if (fileChecksums.get(row.id)) return;
    const recorded = built.filter((b) => b.checksums.has(row.id));
    if (recorded.length < 2) return;
    const distinct = new Set(recorded.map((b) => b.checksums.get(row.id)));
    if (distinct.size < 2) return;
    for (const b of recorded) {
      const mine = b.checksums.get(row.id) as string;
      const others = recorded
        .filter((o) => o.checksums.get(row.id) !== mine)
        .map((o) => `${o.column.environment}/${o.column.profileName} recorded ${short(o.checksums.get(row.id) as string)}`);
      const cell = b.column.cells[index] as MatrixCell;
      cell.state = 'changed';
      cell.note = `recorded checksum ${short(mine)} differs from another environment's (${others.join('; ')})`;
    }
  });
}

function gapsOf(environments: MatrixInput['environments'], built: readonly BuiltColumn[], graph: RevisionGraph): NeighbourGap[] {
  let at = 0;
  const perEnvironment = environments.map((env) => {
    const mine = built.slice(at, at + env.columns.length);
    at += env.columns.length;
    return { name: env.name, built: mine };
  });
  const gaps: NeighbourGap[] = [];
  for (let i = 1; i < perEnvironment.length; i += 1) {
    const from = perEnvironment[i - 1] as (typeof perEnvironment)[number];
    const to = perEnvironment[i] as (typeof perEnvironment)[number];
    const unread = [...from.built, ...to.built]
      .filter((b) => b.applied === null)
      .map((b) => `${b.column.profileName} (${b.column.environment}) could not be read`);
    const empty = [from, to].filter((e) => e.built.length === 0).map((e) => `${e.name} has no connections`);
    if (unread.length > 0 || empty.length > 0) {
      gaps.push({ from: from.name, to: to.name, toApply: [], toRevert: [], kind: 'unknown', note: [...empty, ...unread].join('; ') });
      continue;
    }
    const plan = environmentGapPlan(
      graph,
      from.built.map((b) => b.applied as Set<string>),
      to.built.map((b) => b.applied as Set<string>),
    );
    gaps.push({ from: from.name, to: to.name, ...plan });
  }
  return gaps;
}

export function buildMatrix(input: MatrixInput): Matrix {
  const { graph, fileChecksums } = input;
  const { rows, laneCount, lines } = rowsOf(graph);
  let fullOrder: string[] | undefined;
  const shared: Shared = {
    lineage: graph.heads.map((head) => ({ head, below: withAncestors(graph, [head]) })),
    fullOrder: () => (fullOrder ??= upgradeOrder(graph, new Set(graph.revisions.map((r) => r.id)))),
  };
  const built = input.environments.flatMap((env) => env.columns.map((c) => buildColumn(c, graph, rows, fileChecksums, shared)));
  markDisagreements(built, rows, fileChecksums);
  for (const b of built) {
    if (b.applied === null) continue;
    for (const cell of b.column.cells) b.column.counts[cell.state] += 1;
  }
  let next = 0;
  const environments = input.environments.map((env) => ({ name: env.name, columns: env.columns.map(() => next++) }));
  return {
    project: input.project,
    readAt: input.readAt,
    rows,
    laneCount,
    lines,
    columns: built.map((b) => b.column),
    environments,
    gaps: gapsOf(input.environments, built, graph),
    anomalies: input.anomalies,
    heads: graph.heads,
  };
}
